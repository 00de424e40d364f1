import { describe, expect, it } from 'vitest';
import { caseProgress } from './case-progress';

const DAY = 24 * 60 * 60 * 1000;
const A = Date.parse('2026-11-16T01:00:00Z'); // Monday 09:00 in China
const base = { acceptedAt: A, caseNo: '37010020261116000001', dayMs: DAY };

const statusAt = (days: number, input: Partial<Parameters<typeof caseProgress>[0]> = {}) =>
  caseProgress({
    item: { instant: false, promisedDays: 5 },
    outcome: 'approved',
    delivery: 'mail',
    ...base,
    now: A + days * DAY,
    ...input,
  });

describe('case progress', () => {
  it('moves an ordinary case through review, decision, completion and delivery', () => {
    expect(statusAt(0).status).toBe('accepted');
    expect(statusAt(0.5).status).toBe('in-review');
    expect(statusAt(4.05).status).toBe('approved');
    expect(statusAt(4.2).status).toBe('completed');
    const delivered = statusAt(7);
    expect(delivered.status).toBe('delivered');
    expect(delivered.timeline.map((e) => e.status)).toEqual([
      'accepted',
      'in-review',
      'approved',
      'completed',
      'delivered',
    ]);
    expect(delivered.delivery).toEqual({ method: 'mail', trackingNo: 'EA116000001CN' });
    expect(delivered.promisedBy).toBe('2026-11-23');
    expect(delivered.timeline[0]).toEqual({
      status: 'accepted',
      at: '2026-11-16T09:00:00+08:00',
      note: '已受理',
    });
  });

  it('decides an instant (秒批) case at once and delivers it electronically', () => {
    const p = statusAt(0, { item: { instant: true, promisedDays: 0 }, delivery: 'electronic' });
    expect(p.status).toBe('delivered');
    expect(p.timeline.map((e) => e.status)).toEqual([
      'accepted',
      'approved',
      'completed',
      'delivered',
    ]);
  });

  it('ends rejected or withdrawn cases there', () => {
    expect(statusAt(30, { outcome: 'rejected' }).status).toBe('rejected');
    expect(statusAt(30, { outcome: 'withdrawn' }).timeline.map((e) => e.status)).toEqual([
      'accepted',
      'withdrawn',
    ]);
  });

  it('runs faster in a demo world (dayMs shortened)', () => {
    const quick = caseProgress({
      item: { instant: false, promisedDays: 5 },
      outcome: 'approved',
      delivery: 'electronic',
      ...base,
      dayMs: 1_000,
      now: A + 10_000,
    });
    expect(quick.status).toBe('delivered');
  });
});
