/**
 * Every timing of the ID-card reader in one object (DESIGN §2.5, §4 rule 5); tests shrink them.
 */
export interface IdCardDelays {
  /**
   * Between find-card (20 01) polls while waiting for a card. A reader answers a poll in
   * ~30 ms; 300 ms notices a card within a third of a second without keeping the RF field
   * and the SAM permanently busy.
   */
  pollMs: number;
  /**
   * How long to wait for any one reply. Read text + photo (30 01) is the slowest command: SAM-V
   * readers take 0.8–1.5 s (card authentication plus ~1.3 KB over the air and the wire);
   * 3 s leaves room for a slow card without leaving a dead reader unnoticed for long.
   */
  replyTimeoutMs: number;
  /** Between attempts to open an absent reader, and to re-probe one whose SAM failed. */
  reconnectMs: number;
  /**
   * Not a delay but the same kind of knob: how many times a read is retried after a read
   * failure (SW3 41), an authentication error, or a reply that fails its checksum.
   */
  retries: number;
}

export const defaultIdCardDelays: IdCardDelays = {
  pollMs: 300,
  replyTimeoutMs: 3000,
  reconnectMs: 2000,
  retries: 2,
};
