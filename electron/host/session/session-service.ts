/**
 * Runs the session machine for the host: turns API calls into machine events (refusing those the
 * current state cannot take with `wrong-state`), and publishes every new view.
 */
import { createActor, type Actor } from 'xstate';
import { ok, err, type Result } from '../../shared/result';
import type { SessionView } from '../../shared/views';
import type { MachineDelays, ReceiptInput, ReceiptPreview } from './session-context';
import type { ServiceItem } from '../platform/types';
import {
  createSessionMachine,
  type SessionEvent,
  type SessionMachine,
  type SessionServices,
} from './machine';
import { sessionViewOf } from './session-view';

export type WrongState = { code: 'wrong-state' };

export interface SessionService {
  view(): SessionView;
  /** The card type of the current resident, for item availability. */
  residentIdType(): SessionViewIdType;
  onChange(listener: (view: SessionView) => void): () => void;
  send(event: SessionEvent): Result<void, WrongState>;
  choose(item: ServiceItem): Result<void, WrongState>;
  /** Whether the terminal is out of service (kept across sessions, reported in the heartbeat). */
  outOfService(): boolean;
  stop(): void;
}

type SessionViewIdType = 'resident-id' | 'foreign-permanent' | 'hmt-residence' | undefined;

export function createSessionService(
  services: SessionServices,
  delays: MachineDelays,
  options: { outOfService?: boolean } = {},
): SessionService {
  const actor: Actor<SessionMachine> = createActor(createSessionMachine(services), {
    input: { delays, outOfService: options.outOfService ?? false },
  });
  const listeners = new Set<(view: SessionView) => void>();
  // The receipt's SVG is drawn once per case, not on every snapshot (a touch makes one).
  let drawn: { key: string; preview: ReceiptPreview } | undefined;
  const receiptPreview = (input: ReceiptInput): ReceiptPreview => {
    const key =
      input.outcome.kind === 'accepted'
        ? input.outcome.receipt.caseNo
        : input.outcome.localReference;
    if (drawn?.key !== key) drawn = { key, preview: services.receiptPreview(input) };
    return drawn.preview;
  };
  const viewOf = (snapshot: Parameters<typeof sessionViewOf>[0]) =>
    sessionViewOf(snapshot, receiptPreview);
  let last = '';
  actor.subscribe({
    next(snapshot) {
      const view = viewOf(snapshot);
      // The machine emits a snapshot for every event (a TOUCH included); push only real changes.
      const text = JSON.stringify(view);
      if (text === last) return;
      last = text;
      for (const listener of listeners) listener(view);
    },
    error(error) {
      // A bug in a machine action: log it without context (it may hold personal data) and restart clean.
      console.error('session machine failed:', (error as Error).message);
    },
  });
  actor.start();

  function send(event: SessionEvent): Result<void, WrongState> {
    if (!actor.getSnapshot().can(event)) return err({ code: 'wrong-state' });
    actor.send(event);
    return ok();
  }

  return {
    view: () => viewOf(actor.getSnapshot()),
    residentIdType: () => actor.getSnapshot().context.card?.type,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send,
    choose: (item) => send({ type: 'CHOOSE', item }),
    outOfService: () => actor.getSnapshot().context.outOfService,
    stop: () => actor.stop(),
  };
}
