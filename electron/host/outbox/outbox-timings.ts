/** Every delay of the outbox, in one object tests shrink (DESIGN §4 rule 5). */
export interface OutboxTimings {
  /**
   * How long a resident waits at the screen for the platform's case number before the receipt is
   * printed with a local reference instead. The case is on disk before this starts.
   */
  submitWaitMs: number;
  /** A delivery holds its record this long; a process that dies mid-send releases it by expiry. */
  leaseMs: number;
  /** The background sender looks for due records at least this often. */
  pollMs: number;
  /** First retry of a record waits up to this (full jitter), doubling per attempt… */
  retryBaseMs: number;
  /** …up to this. */
  retryCapMs: number;
  /** Attempts inside one delivery (quick blips); the outbox's own retries come after. */
  attemptsPerDelivery: number;
  /**
   * Once a record's first attempt is older than this, it is not sent again: the spec keeps an
   * Idempotency-Key "for at least 7 days", so a later retry could create a second case. One day of
   * margin under those 7 days; a technician decides (dead letter `replay-window-passed`).
   */
  replayGuardMs: number;
  /** Files are uploaded again before a retry this much later (the platform drops unreferenced files after 24 h). */
  reuploadAfterMs: number;
  /** A dead letter's sealed payload is destroyed this long after it was queued (technicians have had their time). */
  deadRetentionMs: number;
  /** The metadata of sent records is deleted this long after sending. */
  sentRetentionMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const OUTBOX_TIMINGS: OutboxTimings = {
  submitWaitMs: 10_000,
  leaseMs: 2 * 60_000,
  pollMs: 15_000,
  retryBaseMs: 5_000,
  retryCapMs: 5 * 60_000,
  attemptsPerDelivery: 2,
  replayGuardMs: 6 * DAY_MS,
  reuploadAfterMs: 12 * 60 * 60 * 1000,
  deadRetentionMs: 30 * DAY_MS,
  sentRetentionMs: 90 * DAY_MS,
};
