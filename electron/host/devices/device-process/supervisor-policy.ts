/**
 * When to restart the device worker after it died (issue 8). Pure: the supervisor loop
 * (remote-device-manager.ts) feeds it the clock and does what it says.
 *
 * A worker that dies at once again and again (a reader whose driver segfaults on open, a broken
 * configuration) must not be respawned in a tight loop that eats the kiosk's CPU: the delay
 * doubles from `initialDelayMs` to `maxDelayMs`. A worker that ran `stableAfterMs` before dying
 * was healthy — a one-off crash — and is restarted after the initial delay again.
 */
import { defaultLivenessTimings, type LivenessTimings } from './liveness';

/** Also the liveness ping's (liveness.ts): a hung worker is killed and then restarted like a crash. */
export interface SupervisorTimings extends LivenessTimings {
  /** First restart delay: long enough for the OS to release the serial port of the dead process. */
  initialDelayMs: number;
  /** The delay never grows beyond this: a repaired reader is back within half a minute. */
  maxDelayMs: number;
  /** Running this long counts as healthy: the next crash starts the backoff over. */
  stableAfterMs: number;
  /** A worker that has not said hello this long after spawn is killed (hung while opening). */
  startTimeoutMs: number;
  /** `close()` waits this long for the worker to release its ports before killing it. */
  closeTimeoutMs: number;
}

export const defaultSupervisorTimings: SupervisorTimings = {
  ...defaultLivenessTimings,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  startTimeoutMs: 15_000,
  closeTimeoutMs: 5_000,
};

export interface SupervisorState {
  /** Crashes in a row without a stable run between them. */
  failures: number;
  /** When the running worker was started (ms, the loop's clock); undefined while down. */
  startedAt?: number | undefined;
}

export const initialSupervisorState: SupervisorState = { failures: 0 };

export function workerStarted(state: SupervisorState, now: number): SupervisorState {
  return { failures: state.failures, startedAt: now };
}

/** The worker exited (crash, kill, or failed start): the next state and how long to wait. */
export function workerExited(
  state: SupervisorState,
  now: number,
  timings: SupervisorTimings = defaultSupervisorTimings,
): { state: SupervisorState; restartInMs: number } {
  const ranStably = state.startedAt !== undefined && now - state.startedAt >= timings.stableAfterMs;
  const failures = ranStably ? 0 : state.failures;
  const restartInMs = Math.min(timings.maxDelayMs, timings.initialDelayMs * 2 ** failures);
  return { state: { failures: failures + 1, startedAt: undefined }, restartInMs };
}
