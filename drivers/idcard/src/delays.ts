/**
 * Every timing of the ID-card reader in one object (DESIGN §2.5, §4 rule 5); tests shrink them.
 * The reading loop's states and which delay each one uses are drawn in `read-machine.ts`.
 */
export interface IdCardDelays {
  /**
   * Between find-card (20 01) polls while waiting for a card. A reader answers a poll in
   * ~30 ms; 300 ms notices a card within a third of a second without keeping the RF field
   * and the SAM permanently busy.
   */
  pollMs: number;
  /**
   * Before starting again from find-card after a failed attempt (SW3 41, a garbled reply). A
   * read fails mostly because the card is still moving into the field; 100 ms lets it settle
   * and costs little next to a read.
   */
  retryMs: number;
  /**
   * Not a delay but the same kind of knob: how many times a read is retried after a read
   * failure (SW3 41), an authentication error, or a reply that fails its checksum or length.
   */
  retries: number;
  /**
   * How long to wait for the reply to a read (30 01 / 30 10), the slowest command: SAM-V readers
   * take 0.8–1.5 s (card authentication plus ~1.3–2.3 KB over the air and the wire); 3 s leaves
   * room for a slow card without leaving a dead reader unnoticed for long.
   */
  replyTimeoutMs: number;
  /**
   * How long to wait for the reply to any other command (status, id, find, select, set-baud):
   * the SAM answers those in tens of milliseconds, so 1 s means the reader is not there.
   */
  quickReplyTimeoutMs: number;
  /** Between attempts to open an absent reader, and to re-probe one that failed. */
  reconnectMs: number;
  /** Between find-card polls while waiting for the card to be taken away. */
  removalPollMs: number;
  /**
   * Consecutive "no card" (SW3 80) answers that prove the card is gone. One can be a card at
   * the edge of the field; two in a row (≈ one removalPollMs apart) are a removal. The same
   * count ends a retry whose card has been taken away mid-read.
   */
  removalPolls: number;
  /**
   * While nobody reads, ask the SAM for its status this often. A reader powered off behind a
   * USB-serial adapter that stays plugged in gives no unplug event; this notices it within
   * `idleCheckMs + quickReplyTimeoutMs` and turns the status to `error` until it answers again.
   */
  idleCheckMs: number;
}

export const defaultIdCardDelays: IdCardDelays = {
  pollMs: 300,
  retryMs: 100,
  retries: 2,
  replyTimeoutMs: 3000,
  quickReplyTimeoutMs: 1000,
  reconnectMs: 2000,
  removalPollMs: 250,
  removalPolls: 2,
  idleCheckMs: 5000,
};
