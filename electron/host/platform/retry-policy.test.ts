import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlatformError } from './platform-error';
import { backoffDelayMs, decideRetry, PLATFORM_TIMINGS } from './retry-policy';

const timings = { ...PLATFORM_TIMINGS, backoffBaseMs: 100, backoffCapMs: 1_000, maxAttempts: 5 };
const unavailable: PlatformError = { code: 'problem', status: 503, problemCode: 'maintenance' };

describe('backoff with full jitter', () => {
  it('stays within [0, min(cap, base·2ⁿ⁻¹)) for every retry and every draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (n, r) => {
          const delay = backoffDelayMs(n, timings, () => r);
          const ceiling = Math.min(timings.backoffCapMs, timings.backoffBaseMs * 2 ** (n - 1));
          return delay >= 0 && delay < ceiling && Number.isInteger(delay);
        },
      ),
    );
  });

  it('doubles the range each retry until the cap', () => {
    const top = (n: number) => backoffDelayMs(n, timings, () => 0.9999999);
    expect([1, 2, 3, 4, 5, 6].map(top)).toEqual([99, 199, 399, 799, 999, 999]);
  });
});

describe('decideRetry (the spec: network, 408, 429, 5xx transient; other 4xx final)', () => {
  const half = () => 0.5;

  it('retries transient errors until maxAttempts', () => {
    expect(decideRetry({ code: 'timeout' }, 1, timings, half)).toEqual({
      retry: true,
      delayMs: 50,
    });
    expect(decideRetry({ code: 'network', message: 'x' }, 4, timings, half).retry).toBe(true);
    expect(decideRetry({ code: 'network', message: 'x' }, 5, timings, half)).toEqual({
      retry: false,
    });
    for (const status of [408, 429, 500, 502, 504]) {
      const error: PlatformError = { code: 'problem', status, problemCode: 'unknown' };
      expect(decideRetry(error, 1, timings, half).retry).toBe(true);
    }
  });

  it('never retries a final answer', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
      const error: PlatformError = { code: 'problem', status, problemCode: 'bad-request' };
      expect(decideRetry(error, 1, timings, half)).toEqual({ retry: false });
    }
    expect(decideRetry({ code: 'invalid-response', message: 'x' }, 1, timings, half)).toEqual({
      retry: false,
    });
  });

  it('waits at least Retry-After, and gives up when it is longer than maxRetryAfterMs', () => {
    const soon = { ...unavailable, retryAfterSeconds: 3 } as PlatformError;
    expect(decideRetry(soon, 1, { ...timings, maxRetryAfterMs: 5_000 }, half)).toEqual({
      retry: true,
      delayMs: 3_000,
    });
    const later = { ...unavailable, retryAfterSeconds: 120 } as PlatformError;
    expect(decideRetry(later, 1, { ...timings, maxRetryAfterMs: 5_000 }, half)).toEqual({
      retry: false,
    });
  });

  it('gives up when the wait would overrun the call’s budget', () => {
    expect(decideRetry({ code: 'timeout' }, 1, timings, half, 40)).toEqual({ retry: false });
    expect(decideRetry({ code: 'timeout' }, 1, timings, half, 60).retry).toBe(true);
  });
});
