/**
 * The background sender: takes due records one at a time, oldest first, and delivers them. It
 * wakes when a record is written, when a retry falls due (its timer), when the platform comes
 * back online, and at least every `pollMs`. A delivery that finds the platform unreachable ends
 * the round — the next records would only fail the same way — and the timer brings the next.
 *
 * One delivery per record at a time, in this process (the `running` map) and across processes
 * (the lease in the database).
 */
import createDebug from 'debug';
import type { DeliveryOutcome, Watch } from './delivery';
import type { LeasedRecord, OutboxStore } from './outbox-store';
import type { OutboxTimings } from './outbox-timings';

const debug = createDebug('kiosk:outbox');

/** The shortest sleep between rounds, even when a record is already due. */
const MIN_WAKE_MS = 20;

/** Errors that say the platform cannot be reached at all, rather than something about this record. */
function unreachable(outcome: DeliveryOutcome): boolean {
  if (outcome.kind !== 'retry') return false;
  const error = outcome.error;
  return (
    error.code === 'network' ||
    error.code === 'timeout' ||
    (error.code === 'problem' &&
      (error.status === 503 ||
        error.status === 502 ||
        error.status === 504 ||
        error.status === 429))
  );
}

export type OutboxSender = {
  /** Delivers this record now if it is due and free; the running delivery if it is under way. */
  deliver(id: string, watch?: Watch): Promise<DeliveryOutcome> | undefined;
  kick(): void;
  start(): void;
  idle(): Promise<void>;
  stop(): Promise<void>;
};

export function createOutboxSender(deps: {
  store: OutboxStore;
  owner: string;
  timings: OutboxTimings;
  now: () => number;
  deliver: (record: LeasedRecord, watch: Watch) => Promise<DeliveryOutcome>;
  onSettled: () => void;
}): OutboxSender {
  const { store, timings, now } = deps;
  const running = new Map<string, { promise: Promise<DeliveryOutcome>; watch: Watch }>();
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  function deliver(id: string, watch: Watch = { residentWaiting: false }) {
    const current = running.get(id);
    if (current) {
      // Someone else started it; the resident may still be told its answer.
      if (watch.residentWaiting) current.watch.residentWaiting = true;
      return current.promise;
    }
    const leased = store.lease(id, deps.owner, now(), timings.leaseMs);
    if (!leased) return undefined;
    const promise = deps
      .deliver(leased, watch)
      .catch((error: unknown): DeliveryOutcome => {
        // A bug (not a platform answer): the lease runs out and another try comes later.
        console.error('outbox delivery failed:', error);
        return { kind: 'lost-lease' };
      })
      .finally(() => {
        running.delete(id);
        deps.onSettled();
      });
    running.set(id, { promise, watch });
    return promise;
  }

  async function drain(): Promise<void> {
    // Records this round could not lease (another process took them): not asked for again.
    const skipped = new Set<string>();
    for (;;) {
      if (stopped) return;
      const id = store.nextDue(now(), new Set([...running.keys(), ...skipped]));
      if (id === undefined) return;
      const delivery = deliver(id);
      if (!delivery) {
        skipped.add(id);
        continue;
      }
      const outcome = await delivery;
      if (unreachable(outcome)) {
        debug('platform unreachable; next round later');
        return;
      }
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    if (stopped || !started) return;
    const wake = store.nextWakeAt();
    // Never sooner than MIN_WAKE_MS: a record due but not deliverable must not spin the timer.
    const delay =
      wake === undefined
        ? timings.pollMs
        : Math.min(timings.pollMs, Math.max(MIN_WAKE_MS, wake - now()));
    timer = setTimeout(kick, delay);
    timer.unref?.();
  }

  function kick(): void {
    if (stopped || !started) return;
    round ??= drain().finally(() => {
      round = undefined;
      schedule();
    });
  }

  return {
    deliver,
    kick,
    start() {
      if (started) return;
      started = true;
      kick();
    },
    async idle() {
      for (;;) {
        const pending = [...running.values()].map((r) => r.promise);
        if (round) pending.push(round.then(() => ({ kind: 'lost-lease' }) as const));
        if (pending.length === 0) return;
        await Promise.allSettled(pending);
      }
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...running.values()].map((r) => r.promise));
      await round;
    },
  };
}
