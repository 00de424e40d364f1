import { describe, expect, it } from 'vitest';
import { describePlatformError, isTransient, parseRetryAfter } from './platform-error';
import type { PlatformError } from './platform-error';

const problem = (
  status: number,
  problemCode: Extract<PlatformError, { code: 'problem' }>['problemCode'] = 'unknown',
): PlatformError => ({ code: 'problem', status, problemCode });

describe('isTransient (the spec’s retry rule)', () => {
  it('retries network failures, timeouts, 408, 429 and 5xx', () => {
    expect(isTransient({ code: 'network', message: 'ECONNREFUSED' })).toBe(true);
    expect(isTransient({ code: 'timeout' })).toBe(true);
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isTransient(problem(status))).toBe(true);
  });

  it('treats other 4xx and off-spec answers as final', () => {
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
      expect(isTransient(problem(status))).toBe(false);
    }
    expect(isTransient({ code: 'invalid-response', message: 'x' })).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    const now = new Date('2026-11-20T01:00:00Z');
    expect(parseRetryAfter('Fri, 20 Nov 2026 01:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Fri, 20 Nov 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('describePlatformError', () => {
  it('gives one line without request data', () => {
    expect(describePlatformError(problem(503, 'maintenance'))).toBe('problem 503 maintenance');
    expect(describePlatformError({ code: 'timeout' })).toBe('timeout');
  });
});
