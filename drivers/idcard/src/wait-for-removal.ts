import { err, ok, type Result } from '../../../electron/shared/result';
import { raceAbort, sleep } from '../../transport/src/timing';
import type { IdCardDelays } from './delays';
import { describeSw3, Sw3 } from './protocol/status-codes';
import type { SamLink } from './sam-link';

export type WaitForRemovalError =
  { code: 'cancelled' } | { code: 'no-reader' } | { code: 'sam-error'; message: string };

/** Two silent polls in a row: the reader, not the card, has gone away. */
const SILENT_POLLS = 2;

/**
 * Resolves once the card is off the reader. The SAM has no removal event: find-card (20 01) wakes
 * a card that is still in the field, even one halted after a read, and answers 9F; so we poll it
 * every `removalPollMs` and call the card gone after `removalPolls` "no card" (80) answers in a
 * row. Resolves at once (after those polls) when there was no card.
 */
export async function waitForRemoval(
  link: SamLink,
  delays: IdCardDelays,
  signal?: AbortSignal,
): Promise<Result<void, WaitForRemovalError>> {
  let empty = 0;
  let silent = 0;
  for (;;) {
    if (signal?.aborted) return err({ code: 'cancelled' });
    const reply = await raceAbort(link.exchange('find-card'), signal);
    if (reply === 'aborted') return err({ code: 'cancelled' });
    if (!reply.ok) {
      if (reply.error.code === 'lost') return err({ code: 'no-reader' });
      if (reply.error.code === 'timeout' && ++silent >= SILENT_POLLS) {
        return err({ code: 'no-reader' });
      }
    } else {
      silent = 0;
      const { sw3 } = reply.value;
      if (sw3 === Sw3.noCard) {
        if (++empty >= delays.removalPolls) return ok();
      } else if (sw3 === Sw3.cardFound) {
        empty = 0;
      } else if (
        sw3 === Sw3.samSelfTestFailed ||
        sw3 === Sw3.samNotAuthorised ||
        sw3 === Sw3.unauthorised
      ) {
        return err({ code: 'sam-error', message: `find-card: ${describeSw3(sw3)}` });
      }
      // Anything else (a garbled command, 24…) says nothing about the card: poll again.
    }
    if (await sleep(delays.removalPollMs, signal, link.lost)) {
      return err(link.lost.aborted ? { code: 'no-reader' } : { code: 'cancelled' });
    }
  }
}
