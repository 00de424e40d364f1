/**
 * The long reliability run (the lead wires it as `npm run reliability`):
 *
 *   npx tsx tests/reliability/run.ts [--kills 50] [--outage-seconds 120] [--cases 30] [--seed N]
 *
 * Prints one JSON verdict per scenario and exits 1 if any failed. The short version of the same
 * scenarios runs in `npm test` (tests/integration/outbox-crash.test.ts).
 */
import { parseArgs } from 'node:util';
import { killScenario, lostAnswersScenario, outageScenario } from './scenarios';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    'outage-seconds': { type: 'string', default: '120' },
    cases: { type: 'string', default: '30' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
  },
});
const seed = Number(values.seed);
const log = (line: string) => console.log(`  ${line}`);
let failed = false;
const report = (name: string, verdict: { passed: boolean }) => {
  failed ||= !verdict.passed;
  console.log(`${verdict.passed ? 'PASS' : 'FAIL'} ${name}: ${JSON.stringify(verdict)}`);
};

console.log(`reliability run, seed ${seed}`);
const started = performance.now();
report(
  'kill',
  await killScenario({
    kills: Number(values.kills),
    seed,
    killAfterMs: [0, 1_500],
    drainTimeoutMs: 120_000,
    log,
  }),
);
report(
  'outage',
  await outageScenario({
    cases: Number(values.cases),
    outageMs: Number(values['outage-seconds']) * 1000,
    seed,
    log,
  }),
);
report('lost answers', await lostAnswersScenario({ cases: Number(values.cases), seed }));
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
