/**
 * What to do when part of the kiosk fails, as a pure function of what happened and when (no
 * Electron here, so it is tested on its own). The shell feeds it events and carries out actions.
 *
 * - The renderer died → reload it, at most `reloadBudget` times in `windowMs`; past the budget the
 *   page keeps dying on load, so relaunch the whole app (a clean process, a clean GPU).
 * - The renderer hangs → give it `unresponsiveGraceMs` to come back, then treat it as dead.
 * - A normal exit of the renderer (it was closed on purpose) needs nothing.
 */
export type CrashEvent =
  | { kind: 'renderer-gone'; reason: string }
  | { kind: 'unresponsive' }
  | { kind: 'responsive' }
  | { kind: 'unresponsive-timeout' };

export type RecoveryAction =
  | { kind: 'none' }
  | { kind: 'reload' }
  | { kind: 'relaunch' }
  /** Start a timer; feed `unresponsive-timeout` when it fires, unless `responsive` came first. */
  | { kind: 'start-unresponsive-timer'; ms: number }
  | { kind: 'cancel-unresponsive-timer' };

export interface CrashPolicyOptions {
  reloadBudget: number;
  windowMs: number;
  unresponsiveGraceMs: number;
}

export const defaultCrashPolicy: CrashPolicyOptions = {
  reloadBudget: 3,
  windowMs: 60_000,
  unresponsiveGraceMs: 10_000,
};

export interface CrashPolicy {
  decide(event: CrashEvent, now: number): RecoveryAction;
}

export function createCrashPolicy(options: CrashPolicyOptions = defaultCrashPolicy): CrashPolicy {
  let reloads: number[] = [];

  function reloadOrRelaunch(now: number): RecoveryAction {
    reloads = reloads.filter((at) => now - at < options.windowMs);
    if (reloads.length >= options.reloadBudget) return { kind: 'relaunch' };
    reloads.push(now);
    return { kind: 'reload' };
  }

  return {
    decide(event, now) {
      switch (event.kind) {
        case 'renderer-gone':
          return event.reason === 'clean-exit' ? { kind: 'none' } : reloadOrRelaunch(now);
        case 'unresponsive':
          return { kind: 'start-unresponsive-timer', ms: options.unresponsiveGraceMs };
        case 'responsive':
          return { kind: 'cancel-unresponsive-timer' };
        case 'unresponsive-timeout':
          return reloadOrRelaunch(now);
      }
    },
  };
}
