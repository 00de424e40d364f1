import { err, ok, type Result } from '../../../../electron/shared/result';

/**
 * Real-time status (ESC/POS "DLE EOT n", Epson ESC/POS Command Reference). The printer answers
 * each request with one byte as soon as it receives it, even while printing or stopped, which
 * is what makes it usable for "can this job start?" and "did that job survive?".
 *
 * Every reply byte has bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0 (so 0x12 is "all clear"):
 * - n = 1 printer status:    bit 3 offline
 * - n = 2 offline cause:     bit 2 cover open, bit 5 printing stopped by paper end, bit 6 error
 * - n = 3 error cause:       bit 3 autocutter error, bit 5 unrecoverable, bit 6 auto-recoverable
 * - n = 4 paper roll sensor: bits 2,3 near end, bits 5,6 paper end
 */
export type StatusRequest = 1 | 2 | 3 | 4;
export const STATUS_REQUESTS: readonly StatusRequest[] = [1, 2, 3, 4];

export type PrinterStatus =
  | { state: 'ready' }
  /** Near end: the sensor says so, or (`forecast`) the paper counters expect it soon. */
  | { state: 'paper-low'; forecast?: true }
  | { state: 'paper-out' }
  | { state: 'cover-open' }
  | { state: 'cutter-error' }
  | { state: 'offline' }
  | { state: 'absent' };

export const STATUS_FIXED_MASK = 0x93;
export const STATUS_FIXED_BITS = 0x12;

export const StatusBit = {
  offline: 0x08, // n=1
  coverOpen: 0x04, // n=2
  paperEndStop: 0x20, // n=2
  errorOccurred: 0x40, // n=2
  autocutterError: 0x08, // n=3
  unrecoverableError: 0x20, // n=3
  autoRecoverableError: 0x40, // n=3
  paperNearEnd: 0x0c, // n=4
  paperEnd: 0x60, // n=4
} as const;

/** DLE EOT n */
export const statusRequest = (n: StatusRequest): Uint8Array => Uint8Array.of(0x10, 0x04, n);

/** Whether a byte can be a DLE EOT reply (its fixed bits are right). */
export const isRealtimeStatusReply = (byte: number): boolean =>
  (byte & STATUS_FIXED_MASK) === STATUS_FIXED_BITS;

/**
 * Whether a byte can be the reply to GS r 1 (transmit paper sensor status): bits 4 and 7 are 0,
 * bits 0,1 near end, bits 2,3 paper end. Bit 4 tells it apart from a DLE EOT reply.
 */
export const isPaperStatusReply = (byte: number): boolean => (byte & 0x90) === 0;

export interface StatusReplies {
  printer: number;
  offlineCause: number;
  errorCause: number;
  paperSensor: number;
}

export type StatusDecodeError = { code: 'bad-status-byte'; request: StatusRequest; byte: number };

/** The status bits a technician reads off the test page, by name. */
export function describeStatusBits(replies: StatusReplies): string[] {
  const named: [boolean, string][] = [
    [(replies.printer & StatusBit.offline) !== 0, 'offline'],
    [(replies.offlineCause & StatusBit.coverOpen) !== 0, 'cover-open'],
    [(replies.offlineCause & StatusBit.paperEndStop) !== 0, 'paper-end-stop'],
    [(replies.offlineCause & StatusBit.errorOccurred) !== 0, 'error'],
    [(replies.errorCause & StatusBit.autocutterError) !== 0, 'autocutter-error'],
    [(replies.errorCause & StatusBit.unrecoverableError) !== 0, 'unrecoverable-error'],
    [(replies.errorCause & StatusBit.autoRecoverableError) !== 0, 'auto-recoverable-error'],
    [(replies.paperSensor & StatusBit.paperNearEnd) !== 0, 'paper-near-end'],
    [(replies.paperSensor & StatusBit.paperEnd) !== 0, 'paper-end'],
  ];
  return named.filter(([set]) => set).map(([, name]) => name);
}

/** Whether a job may start (or is deemed to have printed) in this state. */
export function canPrint(status: PrinterStatus): boolean {
  return status.state === 'ready' || status.state === 'paper-low';
}

/**
 * The four replies to one state, most actionable cause first: an open cover (close it) before
 * paper out (load paper) before a cutter error (clear the jam) before a bare offline.
 */
export function decodeStatus(replies: StatusReplies): Result<PrinterStatus, StatusDecodeError> {
  const entries: [StatusRequest, number][] = [
    [1, replies.printer],
    [2, replies.offlineCause],
    [3, replies.errorCause],
    [4, replies.paperSensor],
  ];
  for (const [request, byte] of entries) {
    if ((byte & STATUS_FIXED_MASK) !== STATUS_FIXED_BITS) {
      return err({ code: 'bad-status-byte', request, byte });
    }
  }
  if (replies.offlineCause & StatusBit.coverOpen) return ok({ state: 'cover-open' });
  if (replies.offlineCause & StatusBit.paperEndStop || replies.paperSensor & StatusBit.paperEnd) {
    return ok({ state: 'paper-out' });
  }
  if (replies.errorCause & StatusBit.autocutterError) return ok({ state: 'cutter-error' });
  if (replies.printer & StatusBit.offline || replies.offlineCause & StatusBit.errorOccurred) {
    return ok({ state: 'offline' });
  }
  if (replies.paperSensor & StatusBit.paperNearEnd) return ok({ state: 'paper-low' });
  return ok({ state: 'ready' });
}
