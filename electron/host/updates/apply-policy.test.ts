import { describe, expect, it } from 'vitest';
import { decideApply, insideWindow, type NightWindow } from './apply-policy';

const night: NightWindow = { startMinute: 60, endMinute: 300 }; // 01:00–05:00
const at = (h: number, m = 0) => new Date(2026, 10, 21, h, m);
const ready = { kind: 'downloaded', version: '1.2.0', verified: true } as const;

describe('the update apply policy', () => {
  it('applies a verified update at night while the terminal is idle or out of service', () => {
    expect(
      decideApply({
        update: ready,
        now: at(2),
        window: night,
        activity: 'idle',
        failedVersions: [],
      }),
    ).toEqual({
      apply: true,
      version: '1.2.0',
    });
    expect(
      decideApply({
        update: ready,
        now: at(4, 59),
        window: night,
        activity: 'out-of-service',
        failedVersions: [],
      }).apply,
    ).toBe(true);
  });

  it.each([
    ['during the day', { now: at(14) }, 'outside-window'],
    ['at the end of the window', { now: at(5) }, 'outside-window'],
    ['during a resident session', { activity: 'active' as const }, 'in-use'],
    ['during a technician visit', { activity: 'maintenance' as const }, 'in-use'],
    ['an unverified download', { update: { ...ready, verified: false } }, 'not-verified'],
    [
      'a download still running',
      { update: { kind: 'downloading' as const, version: '1.2.0' } },
      'nothing-to-apply',
    ],
    ['a version that failed to start before', { failedVersions: ['1.2.0'] }, 'known-bad'],
  ])('waits %s', (_name, overrides, reason) => {
    const decision = decideApply({
      update: ready,
      now: at(2),
      window: night,
      activity: 'idle',
      failedVersions: [],
      ...overrides,
    });
    expect(decision).toEqual({ apply: false, reason });
  });

  it('handles a window that crosses midnight', () => {
    const late = { startMinute: 23 * 60, endMinute: 2 * 60 };
    expect(insideWindow(23 * 60 + 30, late)).toBe(true);
    expect(insideWindow(60, late)).toBe(true);
    expect(insideWindow(2 * 60, late)).toBe(false);
    expect(insideWindow(12 * 60, late)).toBe(false);
  });
});
