/**
 * Wrong PINs lock the technician screen for a while, doubling each time: the first few tries are
 * free (fingers slip), then 30 s, 1 min, 2 min … capped at 1 h. A right PIN resets it. Pure: the
 * caller passes the time and keeps nothing but this object.
 */
export interface LockoutOptions {
  freeAttempts: number;
  firstLockMs: number;
  maxLockMs: number;
}

export const defaultLockout: LockoutOptions = {
  freeAttempts: 3,
  firstLockMs: 30_000,
  maxLockMs: 3_600_000,
};

export type AttemptVerdict = { allowed: true } | { allowed: false; retryInMs: number };

export interface PinLockout {
  /** May a PIN be tried now? */
  check(now: number): AttemptVerdict;
  /** Record a wrong PIN; returns how long the screen is now locked (0 while attempts are free). */
  recordFailure(now: number): number;
  recordSuccess(): void;
}

export function createPinLockout(options: LockoutOptions = defaultLockout): PinLockout {
  let failures = 0;
  let lockedUntil = 0;
  return {
    check(now) {
      return now < lockedUntil
        ? { allowed: false, retryInMs: lockedUntil - now }
        : { allowed: true };
    },
    recordFailure(now) {
      failures += 1;
      const over = failures - options.freeAttempts;
      if (over <= 0) return 0;
      const lock = Math.min(options.maxLockMs, options.firstLockMs * 2 ** (over - 1));
      lockedUntil = now + lock;
      return lock;
    },
    recordSuccess() {
      failures = 0;
      lockedUntil = 0;
    },
  };
}
