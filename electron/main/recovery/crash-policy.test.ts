import { describe, expect, it } from 'vitest';
import { createCrashPolicy } from './crash-policy';

const options = { reloadBudget: 3, windowMs: 60_000, unresponsiveGraceMs: 10_000 };

describe('the crash policy', () => {
  it('reloads a crashed renderer up to the budget, then relaunches', () => {
    const policy = createCrashPolicy(options);
    const crash = { kind: 'renderer-gone', reason: 'crashed' } as const;
    expect(policy.decide(crash, 0).kind).toBe('reload');
    expect(policy.decide(crash, 1_000).kind).toBe('reload');
    expect(policy.decide(crash, 2_000).kind).toBe('reload');
    expect(policy.decide(crash, 3_000).kind).toBe('relaunch');
  });

  it('forgets reloads older than the window', () => {
    const policy = createCrashPolicy(options);
    const crash = { kind: 'renderer-gone', reason: 'oom' } as const;
    for (const at of [0, 10_000, 20_000]) policy.decide(crash, at);
    expect(policy.decide(crash, 70_001).kind).toBe('reload');
  });

  it('does nothing when the renderer exited on purpose', () => {
    expect(
      createCrashPolicy(options).decide({ kind: 'renderer-gone', reason: 'clean-exit' }, 0),
    ).toEqual({ kind: 'none' });
  });

  it('gives a hung renderer a grace period, and reloads it only if it stays hung', () => {
    const policy = createCrashPolicy(options);
    expect(policy.decide({ kind: 'unresponsive' }, 0)).toEqual({
      kind: 'start-unresponsive-timer',
      ms: 10_000,
    });
    expect(policy.decide({ kind: 'responsive' }, 5_000)).toEqual({
      kind: 'cancel-unresponsive-timer',
    });
    expect(policy.decide({ kind: 'unresponsive-timeout' }, 20_000)).toEqual({ kind: 'reload' });
  });

  it('counts hang reloads and crash reloads against one budget', () => {
    const policy = createCrashPolicy(options);
    policy.decide({ kind: 'unresponsive-timeout' }, 0);
    policy.decide({ kind: 'renderer-gone', reason: 'crashed' }, 1);
    policy.decide({ kind: 'unresponsive-timeout' }, 2);
    expect(policy.decide({ kind: 'renderer-gone', reason: 'crashed' }, 3).kind).toBe('relaunch');
  });
});
