/**
 * What the renderer is shown of the session: one view per screen, personal data masked. Derived
 * from the machine's snapshot every time, never stored, so it cannot drift from the truth.
 */
import type { SnapshotFrom } from 'xstate';
import { maskIdNumber, maskName } from '../../shared/mask';
import type { IdleWarning, ResidentView, SessionView } from '../../shared/views';
import { summarise } from '../catalog/availability';
import type { SessionContext, SessionMachine } from './machine';

export function residentView(card: NonNullable<SessionContext['card']>): ResidentView {
  return {
    idType: card.type,
    nameMasked: maskName(card.name),
    idNumberMasked: maskIdNumber(card.idNumber),
  };
}

function idleWarningOf(context: SessionContext): IdleWarning | undefined {
  if (context.warningStartedAt === undefined) return undefined;
  return {
    endsAt: context.warningStartedAt + context.delays.idleCountdownMs,
    secondsTotal: Math.round(context.delays.idleCountdownMs / 1000),
  };
}

export function sessionViewOf(snapshot: SnapshotFrom<SessionMachine>): SessionView {
  const context = snapshot.context;
  if (snapshot.matches('idle')) return { state: 'idle' };
  if (snapshot.matches('ended')) return { state: 'ended', reason: context.endReason ?? 'finished' };

  const warning = idleWarningOf(context);
  const idleWarning = warning ? { idleWarning: warning } : {};
  if (snapshot.matches({ active: { flow: 'identifying' } })) {
    return {
      state: 'identifying',
      ...(context.identifyProblem ? { problem: context.identifyProblem } : {}),
      ...idleWarning,
    };
  }
  const card = context.card;
  if (!card) throw new Error('session: no card past identifying');
  const resident = residentView(card);
  if (snapshot.matches({ active: { flow: 'choosing' } }))
    return { state: 'choosing', resident, ...idleWarning };

  const item = context.item;
  if (!item) throw new Error('session: no item past choosing');
  const summary = summarise(item, card.type);
  if (snapshot.matches({ active: { flow: 'confirming' } })) {
    return { state: 'confirming', resident, item: summary, ...idleWarning };
  }
  if (snapshot.matches({ active: { flow: 'submitting' } }))
    return { state: 'submitting', resident, item: summary };
  if (snapshot.matches({ active: { flow: 'submitFailed' } })) {
    const failure = context.submitFailure ?? { problem: 'platform-error' as const };
    return {
      state: 'submit-failed',
      resident,
      item: summary,
      problem: failure.problem,
      ...(failure.platformCode ? { platformCode: failure.platformCode } : {}),
      ...idleWarning,
    };
  }
  const receipt = context.receipt;
  if (!receipt) throw new Error('session: no receipt in done');
  const print = snapshot.matches({ active: { flow: { done: 'printing' } } })
    ? ({ state: 'printing' } as const)
    : snapshot.matches({ active: { flow: { done: 'printed' } } })
      ? ({ state: 'printed' } as const)
      : ({ state: 'failed', code: context.printFailure ?? 'other' } as const);
  return {
    state: 'done',
    resident,
    item: summary,
    receipt: {
      caseNo: receipt.caseNo,
      queryCode: receipt.queryCode,
      status: receipt.status,
      acceptedAt: receipt.acceptedAt,
      promisedBy: receipt.promisedBy,
      itemName: item.name,
      ...(receipt.nextSteps ? { nextSteps: receipt.nextSteps } : {}),
    },
    print,
    ...idleWarning,
  };
}
