/**
 * `npm run soak [-- SESSIONS]`: the long soak (default 1,000 sessions). Prints samples as it goes
 * and a verdict against issue 8's bar: growth after warm-up under 5 %, no descriptor leak, no
 * session's data in the next. Run with --expose-gc for exact host heap figures (the script does).
 *
 * Known limit of this measurement (2026-11-21): the kiosk host runs in this process beside
 * Playwright's client, which keeps objects from every page reload (one per wipe). With the page,
 * "host heap" grew ~10 % over 1,000 sessions; without the page (`withPage: false`) 0.4 %, and
 * 1,500 RPC reconnects alone left the host flat. The next step is to run the browser shell as its
 * own process and sample that process's memory.
 */
import { soak } from './soak';

const sessions = Number(process.argv[2] ?? 1000);
const report = await soak({
  sessions,
  sampleEvery: Math.max(1, Math.floor(sessions / 40)),
  log: console.log,
});
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(`\n${report.sessions} sessions, ${report.secondsPerSession.toFixed(2)} s each`);
console.log(`host heap growth after warm-up: ${pct(report.hostHeapGrowth)}`);
console.log(`page JS heap growth after warm-up: ${pct(report.pageHeapGrowth)}`);
console.log(`open file descriptors growth: ${pct(report.fdGrowth)}`);
console.log(
  `data seen by the next session: ${report.leakedIntoNext.length === 0 ? 'none' : report.leakedIntoNext.join('; ')}`,
);
const ok =
  report.hostHeapGrowth < 0.05 &&
  report.pageHeapGrowth < 0.05 &&
  report.fdGrowth <= 0 &&
  report.leakedIntoNext.length === 0;
console.log(ok ? 'soak: passed' : 'soak: FAILED');
process.exit(ok ? 0 : 1);
