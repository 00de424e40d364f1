/**
 * What the renderer is shown of the session: one view per screen, personal data masked. Derived
 * from the machine's snapshot every time, never stored, so it cannot drift from the truth.
 */
import type { SnapshotFrom } from 'xstate';
import { maskIdNumber, maskName } from '../../shared/mask';
import type {
  CaseReceiptView,
  IdleWarning,
  ItemSummary,
  ResidentView,
  SessionView,
} from '../../shared/views';
import { summarise } from '../catalog/availability';
import type { SessionContext, SessionMachine } from './machine';
import type { CaseOutcome, ReceiptInput, ReceiptPreview } from './session-context';

export function residentView(card: NonNullable<SessionContext['card']>): ResidentView {
  return {
    idType: card.type,
    nameMasked: maskName(card.name),
    idNumberMasked: maskIdNumber(card.idNumber),
  };
}

function idleWarningOf(context: SessionContext): { idleWarning?: IdleWarning } {
  if (context.warningStartedAt === undefined) return {};
  const countdown = context.delays.idleCountdownMs * (context.elder ? 2 : 1);
  return {
    idleWarning: {
      endsAt: context.warningStartedAt + countdown,
      secondsTotal: Math.round(countdown / 1000),
    },
  };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`session: no ${what} in this state`);
  return value;
}

export function sessionViewOf(
  snapshot: SnapshotFrom<SessionMachine>,
  receiptPreview: (input: ReceiptInput) => ReceiptPreview,
): SessionView {
  const context = snapshot.context;
  if (snapshot.matches('idle')) return { state: 'idle' };
  if (snapshot.matches('maintenance')) return { state: 'maintenance' };
  if (snapshot.matches('outOfService')) return { state: 'out-of-service' };
  if (snapshot.matches('ended')) return { state: 'ended', reason: context.endReason ?? 'finished' };

  const idleWarning = idleWarningOf(context);
  const resident = context.card ? residentView(context.card) : undefined;
  const item = (): ItemSummary => summarise(need(context.item, 'item'), context.card?.type);
  const flow = (state: string) => snapshot.matches({ active: { flow: state } } as never);

  if (flow('browsing'))
    return { state: 'browsing', ...(resident ? { resident } : {}), ...idleWarning };
  if (flow('consenting')) return { state: 'consenting', item: item(), ...idleWarning };
  if (flow('identifying')) {
    return {
      state: 'identifying',
      item: item(),
      phase: context.cardFound ? 'reading' : 'waiting',
      ...(context.identifyProblem ? { problem: context.identifyProblem } : {}),
      ...idleWarning,
    };
  }
  const who = need(resident, 'card');
  if (flow('identified'))
    return { state: 'identified', item: item(), resident: who, ...idleWarning };
  if (flow('confirming'))
    return { state: 'confirming', resident: who, item: item(), ...idleWarning };
  if (flow('submitting')) return { state: 'submitting', resident: who, item: item() };
  if (flow('submitFailed')) {
    const failure = context.submitFailure ?? { problem: 'platform-error' as const };
    return {
      state: 'submit-failed',
      resident: who,
      item: item(),
      problem: failure.problem,
      ...(failure.platformCode ? { platformCode: failure.platformCode } : {}),
      ...idleWarning,
    };
  }
  const outcome = need(context.outcome, 'outcome');
  const serviceItem = need(context.item, 'item');
  const preview = receiptPreview({ card: need(context.card, 'card'), item: serviceItem, outcome });
  const print = snapshot.matches({ active: { flow: { done: 'printing' } } })
    ? ({ state: 'printing' } as const)
    : snapshot.matches({ active: { flow: { done: 'printed' } } })
      ? ({ state: 'printed' } as const)
      : ({ state: 'failed', code: context.printFailure ?? 'other' } as const);
  return {
    state: 'done',
    resident: who,
    item: item(),
    receipt: receiptViewOf(outcome, serviceItem.name),
    receiptSvg: preview.svg,
    qrPayload: preview.qrPayload,
    print,
    ...idleWarning,
  };
}

function receiptViewOf(outcome: CaseOutcome, itemName: string): CaseReceiptView {
  if (outcome.kind === 'queued') {
    return {
      kind: 'queued',
      localReference: outcome.localReference,
      queuedAt: outcome.queuedAt,
      itemName,
    };
  }
  const receipt = outcome.receipt;
  return {
    kind: 'accepted',
    caseNo: receipt.caseNo,
    queryCode: receipt.queryCode,
    status: receipt.status,
    acceptedAt: receipt.acceptedAt,
    promisedBy: receipt.promisedBy,
    itemName,
    ...(receipt.nextSteps ? { nextSteps: receipt.nextSteps } : {}),
  };
}
