/**
 * What the driver needs from the paper counters (the host persists them in its data directory,
 * see electron/host/devices/printer-counters.ts): record each printed job's paper, start over
 * at a refill, and forecast "paper low" before the near-end sensor trips — on most mechanisms
 * the sensor sees the roll's core with only 1–3 m left, which a busy hall uses in an hour.
 */
export interface CounterSnapshot {
  printsSinceRefill: number;
  paperMmSinceRefill: number;
  /** RFC 3339, or null when no refill was ever recorded. */
  refilledAt: string | null;
  rollLengthMm: number;
  totalPrints: number;
}

export interface PaperForecast {
  /** Roll length minus what was used; never below 0. */
  remainingMm: number;
  /** Average paper per job since the refill (a typical receipt when none was printed yet). */
  averageJobMm: number;
  jobsLeft: number;
  /** Time to warn: remaining paper at or below the low-water mark. */
  low: boolean;
}

export interface PrinterJobCounters {
  recordJob(lengthMm: number): void;
  refill(): void;
  snapshot(): CounterSnapshot;
  forecast(): PaperForecast;
}
