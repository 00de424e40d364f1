/**
 * Whether the platform can be reached, as the outcome of the last attempt says. The screens show
 * it ("网络异常，申请将在恢复后自动提交") and the outbox wakes up when it turns online.
 *
 * An HTTP answer of any kind means the network and the platform are there — except 502/503/504,
 * which a gateway or the platform sends when it cannot serve (503 `maintenance` among them).
 */
import type { PlatformError } from './platform-error';

export type OfflineCause = 'network' | 'timeout' | 'unavailable';

export type Connectivity =
  /** Nothing has been tried yet. */
  | { state: 'unknown' }
  | { state: 'online'; since: string }
  | { state: 'offline'; since: string; cause: OfflineCause };

export type AttemptOutcome = { answered: number } | { failed: PlatformError };

export type ConnectivityListener = (connectivity: Connectivity) => void;

export interface ConnectivityTracker {
  current(): Connectivity;
  /** Feeds one attempt's outcome: the status of an HTTP answer, or the error of none. */
  report(outcome: AttemptOutcome): void;
  /** Called on every change of state (or of cause while offline); returns the unsubscribe. */
  subscribe(listener: ConnectivityListener): () => void;
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** The offline cause an attempt's outcome shows, or `undefined` when it shows the platform up. */
export function offlineCause(outcome: AttemptOutcome): OfflineCause | undefined {
  if ('answered' in outcome) {
    return UNAVAILABLE_STATUSES.has(outcome.answered) ? 'unavailable' : undefined;
  }
  const error = outcome.failed;
  switch (error.code) {
    case 'network':
      return 'network';
    case 'timeout':
      return 'timeout';
    case 'problem':
      return UNAVAILABLE_STATUSES.has(error.status) ? 'unavailable' : undefined;
    case 'invalid-response':
      return undefined;
  }
}

export function createConnectivityTracker(now: () => Date = () => new Date()): ConnectivityTracker {
  let state: Connectivity = { state: 'unknown' };
  const listeners = new Set<ConnectivityListener>();
  return {
    current: () => state,
    report(outcome) {
      const cause = offlineCause(outcome);
      const next: Connectivity =
        cause === undefined
          ? { state: 'online', since: now().toISOString() }
          : { state: 'offline', since: now().toISOString(), cause };
      const unchanged =
        next.state === state.state &&
        (next.state !== 'offline' || (state.state === 'offline' && state.cause === next.cause));
      if (unchanged) return;
      state = next;
      for (const listener of listeners) listener(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
