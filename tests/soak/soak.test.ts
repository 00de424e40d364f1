/**
 * The short soak inside `npm test` (issue 8): enough sessions to see that nothing of one resident
 * reaches the next and that descriptors do not pile up. Memory growth needs the long run
 * (`npm run soak`, 1,000 sessions), where warm-up is a small part of the whole.
 */
import { describe, expect, it } from 'vitest';
import { soak } from './soak';

describe('soak (short)', () => {
  it('runs 40 sessions in a row through the browser shell with no data carried over and no descriptor leak', async () => {
    const report = await soak({ sessions: 40, sampleEvery: 5 });
    expect(report.leakedIntoNext).toEqual([]);
    const fds = report.samples.map((s) => s.openFds);
    // Allow a couple of sockets in flight; a leak grows with every session.
    expect(Math.max(...fds.slice(2)) - Math.min(...fds.slice(2))).toBeLessThanOrEqual(4);
  }, 300_000);
});
