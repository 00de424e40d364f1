/**
 * The short reliability run inside `npm test` (the long one: `npx tsx tests/reliability/run.ts`):
 * writer processes SIGKILLed at random moments while submitting, the platform down and back, and
 * answers lost after processing. Exactly once, every time.
 */
import { describe, expect, it } from 'vitest';
import { killScenario, lostAnswersScenario, outageScenario } from '../reliability/scenarios';

const SEED = 20261120;

describe('reliability (short run)', () => {
  it('delivers every case the resident was told about exactly once, across SIGKILLs', async () => {
    const verdict = await killScenario({
      kills: 4,
      seed: SEED,
      killAfterMs: [100, 1_200],
      drainTimeoutMs: 20_000,
    });
    expect(verdict).toMatchObject({
      kills: 4,
      missing: [],
      duplicates: [],
      integrity: ['ok'],
      undelivered: [],
      payloadsLeft: 0,
      passed: true,
    });
    expect(verdict.told).toBeGreaterThan(0);
    // Cases written but killed before the resident was told may arrive too, once.
    expect(verdict.received).toBeGreaterThanOrEqual(verdict.told);
  }, 60_000);

  it('holds cases while the platform is down and delivers them once when it returns', async () => {
    const verdict = await outageScenario({ cases: 5, outageMs: 1_500, seed: SEED });
    expect(verdict).toMatchObject({ told: 5, received: 5, duplicates: [], passed: true });
  }, 30_000);

  it('makes one case, not two, of every submission whose answer was lost', async () => {
    const verdict = await lostAnswersScenario({ cases: 5, seed: SEED });
    expect(verdict).toMatchObject({ told: 5, received: 5, duplicates: [], passed: true });
  }, 30_000);
});
