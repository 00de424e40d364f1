/**
 * Message keys for the host's unions. Records over each union make the compiler insist on a key
 * for every member; i18n/message-keys.test.ts checks each key exists in zh-CN.json.
 */
import type { IdCardFault, PlatformPreset, PrinterFault } from '../../../electron/shared/contract';
import type {
  DeviceName,
  DeviceState,
  EndReason,
  IdType,
  IdentifyProblem,
  PrintFailureCode,
  SubmitProblem,
  UnavailableReason,
} from '../../../electron/shared/views';

export const identifyProblemKey: Record<IdentifyProblem, string> = {
  'read-failed': 'identify.problem.readFailed',
  'expired-card': 'identify.problem.expiredCard',
  'id-type-not-accepted': 'identify.problem.idTypeNotAccepted',
  'reader-unavailable': 'identify.problem.readerUnavailable',
  'timed-out': 'identify.problem.timedOut',
};

export const unavailableReasonKey: Record<UnavailableReason, string> = {
  'not-self-service': 'choose.unavailable.notSelfService',
  'needs-materials': 'choose.unavailable.needsMaterials',
  'needs-form-input': 'choose.unavailable.needsFormInput',
  'needs-face-verification': 'choose.unavailable.needsFaceVerification',
  'id-type-not-accepted': 'choose.unavailable.idTypeNotAccepted',
};

export const submitProblemKey: Record<SubmitProblem, string> = {
  'platform-unreachable': 'submitFailed.problem.platformUnreachable',
  'platform-rejected': 'submitFailed.problem.platformRejected',
  'platform-error': 'submitFailed.problem.platformError',
  'invalid-response': 'submitFailed.problem.invalidResponse',
  'terminal-error': 'submitFailed.problem.terminalError',
};

export const printFailureKey: Record<PrintFailureCode, string> = {
  'paper-out': 'done.printFailed.paperOut',
  'cover-open': 'done.printFailed.coverOpen',
  offline: 'done.printFailed.offline',
  absent: 'done.printFailed.absent',
  other: 'done.printFailed.other',
};

export const endReasonKey: Record<EndReason, string> = {
  finished: 'ended.reason.finished',
  cancelled: 'ended.reason.cancelled',
  idle: 'ended.reason.idle',
};

export const idTypeKey: Record<IdType, string> = {
  'resident-id': 'common.idType.residentId',
  'foreign-permanent': 'common.idType.foreignPermanent',
  'hmt-residence': 'common.idType.hmtResidence',
};

export const deviceNameKey: Record<DeviceName, string> = {
  idcard: 'hardware.name.idcard',
  printer: 'hardware.name.printer',
};

export const deviceStateKey: Record<DeviceState, string> = {
  ready: 'hardware.state.ready',
  busy: 'hardware.state.busy',
  absent: 'hardware.state.absent',
  error: 'hardware.state.error',
  'paper-low': 'hardware.state.paperLow',
  'paper-out': 'hardware.state.paperOut',
  'cover-open': 'hardware.state.coverOpen',
  offline: 'hardware.state.offline',
};

export const readerFaultKey: Record<IdCardFault, string> = {
  'fail-next-read': 'dev.readerFault.failNextRead',
  'remove-during-next-read': 'dev.readerFault.removeDuringNextRead',
  'corrupt-next-checksum': 'dev.readerFault.corruptNextChecksum',
  'sam-fault': 'dev.readerFault.samFault',
  'sam-ok': 'dev.readerFault.samOk',
  unplug: 'dev.readerFault.unplug',
  plug: 'dev.readerFault.plug',
};

export const printerFaultKey: Record<PrinterFault, string> = {
  'paper-low': 'dev.printerFault.paperLow',
  'out-mid-job': 'dev.printerFault.outMidJob',
  'cover-open': 'dev.printerFault.coverOpen',
  'cover-closed': 'dev.printerFault.coverClosed',
  offline: 'dev.printerFault.offline',
  online: 'dev.printerFault.online',
  'cutter-jammed': 'dev.printerFault.cutterJammed',
  'cutter-ok': 'dev.printerFault.cutterOk',
  slow: 'dev.printerFault.slow',
  'normal-speed': 'dev.printerFault.normalSpeed',
};

export const platformPresetKey: Record<PlatformPreset, string> = {
  normal: 'dev.platformPreset.normal',
  slow: 'dev.platformPreset.slow',
  flaky: 'dev.platformPreset.flaky',
  maintenance: 'dev.platformPreset.maintenance',
  'lost-answers': 'dev.platformPreset.lostAnswers',
  down: 'dev.platformPreset.down',
  locked: 'dev.platformPreset.locked',
};
