import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrinterCounters } from './printer-counters';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-counters-'));
  dirs.push(dir);
  return dir;
}
const now = () => new Date('2025-03-04T01:00:00Z');

describe('printer paper counters', () => {
  it('counts prints and paper since the refill, and survives a restart', () => {
    const file = join(dataDir(), 'printer-counters.json');
    const counters = createPrinterCounters({ file, rollLengthMm: 80_000, now });
    counters.recordJob(126.5);
    counters.recordJob(130);
    expect(counters.snapshot()).toEqual({
      printsSinceRefill: 2,
      paperMmSinceRefill: 256.5,
      refilledAt: null,
      rollLengthMm: 80_000,
      totalPrints: 2,
    });
    const reopened = createPrinterCounters({ file, rollLengthMm: 80_000, now });
    expect(reopened.snapshot()).toEqual(counters.snapshot());
    reopened.refill();
    expect(createPrinterCounters({ file, rollLengthMm: 80_000 }).snapshot()).toMatchObject({
      printsSinceRefill: 0,
      paperMmSinceRefill: 0,
      refilledAt: '2025-03-04T01:00:00.000Z',
      totalPrints: 2,
    });
  });

  it('forecasts from the average job, and says low before the roll ends', () => {
    const file = join(dataDir(), 'c.json');
    const counters = createPrinterCounters({ file, rollLengthMm: 10_000, lowAtMm: 2_000 });
    expect(counters.forecast()).toEqual({
      remainingMm: 10_000,
      averageJobMm: 130,
      jobsLeft: 76,
      low: false,
    });
    for (let i = 0; i < 40; i++) counters.recordJob(200);
    expect(counters.forecast()).toEqual({
      remainingMm: 2_000,
      averageJobMm: 200,
      jobsLeft: 10,
      low: true,
    });
    for (let i = 0; i < 20; i++) counters.recordJob(200);
    expect(counters.forecast()).toMatchObject({ remainingMm: 0, jobsLeft: 0, low: true });
  });

  it('defaults the low mark to 5 m or a tenth of the roll, whichever is more', () => {
    const small = createPrinterCounters({ file: join(dataDir(), 'a.json'), rollLengthMm: 20_000 });
    small.recordJob(14_999);
    expect(small.forecast().low).toBe(false);
    small.recordJob(1);
    expect(small.forecast().low).toBe(true);
    const big = createPrinterCounters({ file: join(dataDir(), 'b.json'), rollLengthMm: 300_000 });
    big.recordJob(270_000);
    expect(big.forecast().low).toBe(true);
  });

  it('writes through a temporary file and leaves none behind', () => {
    const dir = dataDir();
    const file = join(dir, 'printer-counters.json');
    createPrinterCounters({ file, rollLengthMm: 80_000 }).recordJob(100);
    expect(readdirSync(dir)).toEqual(['printer-counters.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      version: 1,
      printsSinceRefill: 1,
    });
  });

  it('after a crash mid-write: the last complete state, the stale temporary file removed', () => {
    const dir = dataDir();
    const file = join(dir, 'printer-counters.json');
    createPrinterCounters({ file, rollLengthMm: 80_000 }).recordJob(100);
    // A write that died before its rename: a half-written temporary file.
    writeFileSync(join(dir, '.printer-counters.json.4242.tmp'), '{"version":1,"printsSi');
    const reopened = createPrinterCounters({ file, rollLengthMm: 80_000 });
    expect(reopened.snapshot().printsSinceRefill).toBe(1);
    expect(readdirSync(dir)).toEqual(['printer-counters.json']);
  });

  it('a damaged file (disk fault, hand edit): starts from zero and keeps it aside', () => {
    const dir = dataDir();
    const file = join(dir, 'printer-counters.json');
    writeFileSync(file, 'garbage');
    const counters = createPrinterCounters({ file, rollLengthMm: 80_000 });
    expect(counters.snapshot().totalPrints).toBe(0);
    expect(existsSync(`${file}.corrupt`)).toBe(true);
    counters.recordJob(1);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses nonsense (caller bugs)', () => {
    const file = join(dataDir(), 'c.json');
    expect(() => createPrinterCounters({ file, rollLengthMm: 0 })).toThrow(RangeError);
    expect(() => createPrinterCounters({ file, rollLengthMm: 1 }).recordJob(-1)).toThrow(
      RangeError,
    );
  });
});
