/**
 * `npm run bench`: what things cost on this machine. Numbers, not pass/fail: speed targets are
 * judged by reading them here, never by timed unit tests. Every `tests/bench/*.bench.ts` exports a
 * default function that records its measurements; `npm run bench -- idcard` runs the files whose
 * name contains "idcard".
 */
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { summarise, type Recorder, type Summary } from './stats';

const rows: { file: string; what: string; summary: Summary; unit: string; note?: string }[] = [];
const filter = process.argv[2];
const files = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.bench.ts') && (!filter || name.includes(filter)))
  .sort();

for (const file of files) {
  const bench = (await import(join(import.meta.dirname, file))) as {
    default: (record: Recorder) => Promise<void>;
  };
  console.log(`running ${file}…`);
  await bench.default((what, samples, unit = 'ms', note) =>
    rows.push({ file, what, summary: summarise(samples), unit, ...(note ? { note } : {}) }),
  );
}

const fmt = (n: number) => n.toFixed(n < 10 ? 2 : 1);
console.log(`\nBench on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
console.log('| what | n | p50 | p95 | max | note |');
console.log('| --- | ---: | ---: | ---: | ---: | --- |');
for (const { what, summary, unit, note } of rows) {
  console.log(
    `| ${what} | ${summary.n} | ${fmt(summary.p50)} ${unit} | ${fmt(summary.p95)} ${unit} | ${fmt(summary.max)} ${unit} | ${note ?? ''} |`,
  );
}
