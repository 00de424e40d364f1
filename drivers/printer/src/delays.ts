/** Every timing of the receipt printer in one object (DESIGN §2.5, §4 rule 5); tests shrink them. */
export interface PrinterDelays {
  /** Between attempts to open an absent printer (USB re-enumeration takes about a second). */
  reconnectMs: number;
  /**
   * Idle status polling (DLE EOT 1..4, 12 bytes on the wire). Every 3 s is quick enough for the
   * technician panel to show "paper low" before a resident meets it, and costs nothing.
   */
  statusPollMs: number;
  /**
   * Wait for one DLE EOT reply. Printers answer real-time requests within milliseconds; 1 s
   * covers USB-serial latency and a printer busy feeding paper. No reply means offline.
   */
  replyTimeoutMs: number;
  /**
   * After the job's bytes are handed over, time for the mechanism to print and cut before the
   * closing status check: a thermal printer feeds ~150–250 mm/s, an 80 mm receipt is ~15 cm,
   * the cutter ~0.3 s. Paper running out or the cover opening within this window fails the job.
   */
  printSettleMs: number;
}

export const defaultPrinterDelays: PrinterDelays = {
  reconnectMs: 2000,
  statusPollMs: 3000,
  replyTimeoutMs: 1000,
  printSettleMs: 1500,
};
