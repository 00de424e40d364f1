import createDebug from 'debug';
import { err, type Result } from '../../../electron/shared/result';
import { raceAbort, sleep } from '../../transport/src/timing';
import type { IdentityCard } from './card';
import { decodeCard } from './decode-card';
import type { IdCardDelays } from './delays';
import {
  commandOf,
  initialReadState,
  onReply,
  onVerified,
  type ReadCommand,
  type ReadStep,
} from './read-machine';
import type { SamLink } from './sam-link';
import type { IdCardReadError } from './status';

const debug = createDebug('kiosk:idcard');

/** Progress a caller can show: `card-found` = a card answered, "正在读取，请勿移开". */
export type ReadProgress = 'card-found';

export interface ReadCardRun {
  signal?: AbortSignal | undefined;
  onProgress?: ((phase: ReadProgress) => void) | undefined;
}

/**
 * Runs the reading state machine (`read-machine.ts`) on an open link until it is done, the
 * caller cancels (`cancelled`) or the link is lost (`no-reader`). Returns the read command that
 * worked, so the driver stops trying 30 10 on a SAM that refused it.
 */
export async function readCard(
  link: SamLink,
  delays: IdCardDelays,
  readCommand: ReadCommand,
  run: ReadCardRun = {},
): Promise<{ result: Result<IdentityCard, IdCardReadError>; readCommand: ReadCommand }> {
  const { signal, onProgress } = run;
  const limits = { retries: delays.retries, removalPolls: delays.removalPolls };
  let state = initialReadState(readCommand);
  let step: ReadStep = { next: 'send', state };
  const finish = (result: Result<IdentityCard, IdCardReadError>) => ({
    result,
    readCommand: state.readCommand,
  });
  for (;;) {
    if (signal?.aborted) return finish(err({ code: 'cancelled' }));
    switch (step.next) {
      case 'send': {
        state = step.state;
        if (step.announce) onProgress?.(step.announce);
        const reply = await raceAbort(link.exchange(commandOf(state)), signal);
        if (reply === 'aborted') return finish(err({ code: 'cancelled' }));
        step = onReply(state, reply, limits);
        break;
      }
      case 'wait': {
        state = step.state;
        if (step.delay === 'retryMs')
          debug('retrying (attempt %d of %d)', state.attempt, limits.retries);
        if (await sleep(delays[step.delay], signal, link.lost)) {
          return finish(err(link.lost.aborted ? { code: 'no-reader' } : { code: 'cancelled' }));
        }
        step = { next: 'send', state };
        break;
      }
      case 'verify': {
        state = step.state;
        const kind =
          state.readCommand === 'read-text-photo' ? 'text-photo' : 'text-photo-fingerprint';
        step = onVerified(state, decodeCard(step.data, kind), limits);
        break;
      }
      case 'done':
        return finish(step.result);
    }
  }
}
