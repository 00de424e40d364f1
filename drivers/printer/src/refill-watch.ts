import createDebug from 'debug';
import type { PrinterJobCounters } from './counters';
import type { PrinterStatus } from './protocol/status';

const debug = createDebug('kiosk:printer');

/**
 * Notices a new paper roll from the sensor's history, so the counters start over without a
 * technician remembering to say so:
 * - paper out, later clear (neither out nor near end): a roll was loaded;
 * - near end, then the cover opened, later clear: the roll was swapped early.
 * A near-end sensor that flickers without the cover opening is not a refill, and neither is a
 * cover opened for a jam while the paper was fine. Anything else: `kioskctl printer refill`.
 */
export interface RefillWatch {
  observe(sensed: PrinterStatus): void;
}

export function createRefillWatch(counters: Pick<PrinterJobCounters, 'refill'>): RefillWatch {
  let ranOut = false;
  let wasLow = false;
  let coverOpenedWhileLow = false;
  return {
    observe(sensed) {
      switch (sensed.state) {
        case 'paper-out':
          ranOut = true;
          return;
        case 'paper-low':
          if (!sensed.forecast) wasLow = true;
          return;
        case 'cover-open':
          if (wasLow) coverOpenedWhileLow = true;
          return;
        case 'ready':
          if (ranOut || coverOpenedWhileLow) {
            debug(
              'paper sensor clear after %s: counting a new roll',
              ranOut ? 'paper out' : 'a swap',
            );
            counters.refill();
          }
          ranOut = false;
          wasLow = false;
          coverOpenedWhileLow = false;
          return;
        case 'cutter-error':
        case 'offline':
        case 'absent':
          return;
      }
    },
  };
}
