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
   * Printers without GS r (`confirmCompletion: false`): time for the mechanism to print and cut
   * before the closing status check. A thermal printer feeds ~150–250 mm/s, an 80 mm receipt is
   * ~15 cm, the cutter ~0.3 s. Paper running out or the cover opening within it fails the job.
   */
  printSettleMs: number;
  /**
   * While a job prints, a DLE EOT check this often: a paper-out or an opened cover fails the job
   * within half a second instead of at the end of the wait.
   */
  jobPollMs: number;
  /**
   * Longest wait for the GS r 1 answer that says the job is printed and cut. A long guide is
   * ~60 cm (4 s at 150 mm/s) and 10 KB (9 s at 9600 baud); 30 s leaves room for both. A printer
   * that never answers but never reports a stop is taken as having printed (it lacks GS r).
   */
  jobTimeoutMs: number;
}

export const defaultPrinterDelays: PrinterDelays = {
  reconnectMs: 2000,
  statusPollMs: 3000,
  replyTimeoutMs: 1000,
  printSettleMs: 1500,
  jobPollMs: 500,
  jobTimeoutMs: 30_000,
};
