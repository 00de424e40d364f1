/**
 * `npm run soak [-- SESSIONS]`: the long soak (default 1,000 sessions). Prints samples as it goes
 * and a verdict against issue 8's bar: the kiosk process's memory growth after warm-up under 5 %,
 * the page's JS heap likewise, no descriptor leak, no session's data in the next.
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
console.log(`kiosk process memory (RSS) growth after warm-up: ${pct(report.kioskMemoryGrowth)}`);
console.log(`page JS heap growth after warm-up: ${pct(report.pageHeapGrowth)}`);
console.log(`open file descriptors growth: ${pct(report.fdGrowth)}`);
console.log(
  `data seen by the next session: ${report.leakedIntoNext.length === 0 ? 'none' : report.leakedIntoNext.join('; ')}`,
);
const ok =
  report.kioskMemoryGrowth < 0.05 &&
  report.pageHeapGrowth < 0.05 &&
  report.fdGrowth <= 0 &&
  report.leakedIntoNext.length === 0;
console.log(ok ? 'soak: passed' : 'soak: FAILED');
process.exit(ok ? 0 : 1);
