/**
 * The receipt printer's paper counters, persisted in the data directory: prints and paper used
 * since the last refill, for a "paper low" forecast before the near-end sensor trips (the driver
 * raises `paper-low` from `forecast().low`, and counts a refill when the sensor clears after a
 * paper-out). No personal data: counts and lengths only.
 *
 * Crash safety: every change is written whole to a temporary file, fsync'd, renamed over the old
 * file (atomic on POSIX and NTFS), and the directory fsync'd, so after a power cut the file is
 * either the old state or the new one, never half of each. A leftover temporary file is stale
 * by construction and removed at start.
 */
import { readFileSync, renameSync } from 'node:fs';
import createDebug from 'debug';
import { z } from 'zod';
import { removeStaleTemps, writeFileDurably } from '../durable-file';
import type {
  CounterSnapshot,
  PaperForecast,
  PrinterJobCounters,
} from '../../../drivers/printer/src/counters';

const debug = createDebug('kiosk:printer');

export interface PrinterCountersOptions {
  /** e.g. `<dataDir>/printer-counters.json` */
  file: string;
  /** Length of a full roll (80 mm × 80 m is common in kiosks; large-roll units take 300 m). */
  rollLengthMm: number;
  /**
   * Warn at or below this much paper left. Default: the larger of 5 m and a tenth of the roll —
   * before the near-end sensor, which on most mechanisms trips at 1–3 m.
   */
  lowAtMm?: number;
  /** What a job is assumed to use before any was printed since the refill (a 办件回执: ~13 cm). */
  typicalJobMm?: number;
  now?: () => Date;
}

export type PrinterCounters = PrinterJobCounters;

const stored = z
  .object({
    version: z.literal(1),
    printsSinceRefill: z.number().int().min(0),
    paperMmSinceRefill: z.number().min(0),
    refilledAt: z.string().nullable(),
    totalPrints: z.number().int().min(0),
  })
  .strict();
type Stored = z.infer<typeof stored>;

const empty = (): Stored => ({
  version: 1,
  printsSinceRefill: 0,
  paperMmSinceRefill: 0,
  refilledAt: null,
  totalPrints: 0,
});

export function createPrinterCounters(options: PrinterCountersOptions): PrinterCounters {
  if (!(options.rollLengthMm > 0)) throw new RangeError('rollLengthMm must be positive');
  const lowAtMm = options.lowAtMm ?? Math.max(5000, options.rollLengthMm / 10);
  const typicalJobMm = options.typicalJobMm ?? 130;
  const now = options.now ?? (() => new Date());
  let state = load(options.file);

  const save = (next: Stored) => {
    writeFileDurably(options.file, `${JSON.stringify(next, null, 2)}\n`);
    state = next;
  };

  return {
    recordJob(lengthMm) {
      if (!Number.isFinite(lengthMm) || lengthMm < 0)
        throw new RangeError(`job length ${lengthMm}`);
      save({
        ...state,
        printsSinceRefill: state.printsSinceRefill + 1,
        paperMmSinceRefill: Math.round((state.paperMmSinceRefill + lengthMm) * 10) / 10,
        totalPrints: state.totalPrints + 1,
      });
    },
    refill() {
      save({
        ...state,
        printsSinceRefill: 0,
        paperMmSinceRefill: 0,
        refilledAt: now().toISOString(),
      });
    },
    snapshot(): CounterSnapshot {
      const { printsSinceRefill, paperMmSinceRefill, refilledAt, totalPrints } = state;
      return {
        printsSinceRefill,
        paperMmSinceRefill,
        refilledAt,
        totalPrints,
        rollLengthMm: options.rollLengthMm,
      };
    },
    forecast(): PaperForecast {
      const remainingMm = Math.max(0, options.rollLengthMm - state.paperMmSinceRefill);
      const averageJobMm =
        state.printsSinceRefill > 0
          ? state.paperMmSinceRefill / state.printsSinceRefill
          : typicalJobMm;
      return {
        remainingMm,
        averageJobMm: Math.round(averageJobMm * 10) / 10,
        jobsLeft: Math.floor(remainingMm / Math.max(1, averageJobMm)),
        low: remainingMm <= lowAtMm,
      };
    },
  };
}

function load(file: string): Stored {
  removeStaleTemps(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw error;
  }
  try {
    const parsed = stored.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: handled below
  }
  // Only a disk fault or a hand edit gets here (writes are atomic): start over, keep the evidence.
  debug('printer counters file unreadable; starting from zero (kept as .corrupt)');
  renameSync(file, `${file}.corrupt`);
  return empty();
}
