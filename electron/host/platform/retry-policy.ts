/**
 * When a failed call is tried again, and how long to wait first. The spec ("Errors"): 408, 429,
 * 5xx and network failures are transient — retry with backoff and the same Idempotency-Key;
 * every other 4xx is final. Waits use exponential backoff with *full jitter* (a uniformly random
 * delay in [0, min(cap, base·2ⁿ⁻¹)]): many terminals that lost the platform at the same moment
 * then come back spread out instead of in lock-step. A `Retry-After` from the platform (429
 * `rate-limited`, 503 `maintenance`) is a floor for the wait.
 */
import { isTransient } from './platform-error';
import type { PlatformError } from './platform-error';

/** Every delay and limit of the client, in one object tests can shrink (DESIGN §4 rule 5). */
export interface PlatformTimings {
  /** The first retry waits a random time up to this; each further retry doubles the range. */
  backoffBaseMs: number;
  /** No single wait inside a call is longer than this. */
  backoffCapMs: number;
  /** Attempts per call, the first included. The outbox adds its own, persistent, retries. */
  maxAttempts: number;
  /**
   * A `Retry-After` longer than this ends the call with the error (carrying `retryAfterSeconds`)
   * rather than holding a resident at the screen; the outbox schedules the next try by it.
   */
  maxRetryAfterMs: number;
  /** Uploads get this much throughput allowed on top of the call's time limit (bytes per second). */
  uploadBytesPerSecond: number;
  /** Time limit of a heartbeat or command acknowledgement (nobody waits on them). */
  backgroundTimeoutMs: number;
  /** Warn this many days before the client certificate expires. */
  certificateWarningDays: number;
}

export const PLATFORM_TIMINGS: PlatformTimings = {
  backoffBaseMs: 400,
  backoffCapMs: 8_000,
  maxAttempts: 3,
  maxRetryAfterMs: 10_000,
  // A 20 MiB scan over a poor 1 Mbit/s hall uplink still fits: 20 MiB / 128 KiB/s ≈ 160 s.
  uploadBytesPerSecond: 128 * 1024,
  backgroundTimeoutMs: 10_000,
  certificateWarningDays: 30,
};

/** The full-jitter wait before retry number `retry` (1 = the first retry). */
export function backoffDelayMs(
  retry: number,
  timings: Pick<PlatformTimings, 'backoffBaseMs' | 'backoffCapMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(timings.backoffCapMs, timings.backoffBaseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Whether attempt `attempt` (1-based) that failed with `error` is followed by another, and after
 * how long. `remainingMs` is what is left of the caller's budget for the whole call.
 */
export function decideRetry(
  error: PlatformError,
  attempt: number,
  timings: PlatformTimings,
  random: () => number,
  remainingMs = Infinity,
): RetryDecision {
  if (!isTransient(error) || attempt >= timings.maxAttempts) return { retry: false };
  const retryAfterMs =
    error.code === 'problem' && error.retryAfterSeconds !== undefined
      ? error.retryAfterSeconds * 1000
      : 0;
  if (retryAfterMs > timings.maxRetryAfterMs) return { retry: false };
  const delayMs = Math.max(retryAfterMs, backoffDelayMs(attempt, timings, random));
  if (delayMs >= remainingMs) return { retry: false };
  return { retry: true, delayMs };
}
