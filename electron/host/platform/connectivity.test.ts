import { describe, expect, it } from 'vitest';
import { createConnectivityTracker, offlineCause } from './connectivity';
import type { Connectivity } from './connectivity';

describe('connectivity', () => {
  it('reads online from any answer but 502/503/504, offline from network and timeout', () => {
    expect(offlineCause({ answered: 200 })).toBeUndefined();
    expect(offlineCause({ answered: 422 })).toBeUndefined();
    expect(offlineCause({ answered: 500 })).toBeUndefined();
    expect(offlineCause({ answered: 503 })).toBe('unavailable');
    expect(offlineCause({ failed: { code: 'network', message: 'ECONNREFUSED' } })).toBe('network');
    expect(offlineCause({ failed: { code: 'timeout' } })).toBe('timeout');
    expect(offlineCause({ failed: { code: 'invalid-response', message: 'x' } })).toBeUndefined();
  });

  it('tells listeners about changes only', () => {
    const at = new Date('2026-11-20T01:00:00Z');
    const tracker = createConnectivityTracker(() => at);
    const seen: Connectivity[] = [];
    const unsubscribe = tracker.subscribe((c) => seen.push(c));
    expect(tracker.current()).toEqual({ state: 'unknown' });
    tracker.report({ answered: 200 });
    tracker.report({ answered: 201 });
    tracker.report({ failed: { code: 'timeout' } });
    tracker.report({ failed: { code: 'timeout' } });
    tracker.report({ failed: { code: 'network', message: 'x' } });
    tracker.report({ answered: 204 });
    unsubscribe();
    tracker.report({ answered: 503 });
    const since = at.toISOString();
    expect(seen).toEqual([
      { state: 'online', since },
      { state: 'offline', since, cause: 'timeout' },
      { state: 'offline', since, cause: 'network' },
      { state: 'online', since },
    ]);
    expect(tracker.current()).toEqual({ state: 'offline', since, cause: 'unavailable' });
  });
});
