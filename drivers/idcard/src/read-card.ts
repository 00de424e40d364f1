import createDebug from 'debug';
import { err, ok, type Result } from '../../../electron/shared/result';
import { raceAbort, sleep } from '../../transport/src/timing';
import type { IdentityCard } from './card';
import { decodeCard } from './decode-card';
import type { IdCardDelays } from './delays';
import type { CommandName } from './protocol/commands';
import type { ResponseFrame } from './protocol/frame';
import { describeSw3, Sw3 } from './protocol/status-codes';
import type { ExchangeError, SamLink } from './sam-link';
import type { IdCardReadError } from './status';

const debug = createDebug('kiosk:idcard');

/** A step either fails for good, or fails in a way worth another attempt (with the error to give if none is left). */
type StepError = { retry: boolean; error: IdCardReadError };
type Step<T> = Result<T, StepError>;

const final = (error: IdCardReadError): Step<never> => err({ retry: false, error });
const retry = (error: IdCardReadError): Step<never> => err({ retry: true, error });

/**
 * The read sequence (GA 467 family, "证/卡操作流程"): find card (20 01) until one is in the
 * field, select it (20 02), read text + photo (30 01). A failed read or a corrupted reply
 * starts over from find, because after a failed read the card must be found and selected again.
 */
export async function readCard(
  link: SamLink,
  delays: IdCardDelays,
  signal?: AbortSignal,
): Promise<Result<IdentityCard, IdCardReadError>> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await readOnce(link, delays, signal);
    if (outcome.ok) return outcome;
    const { retry: retryable, error } = outcome.error;
    if (!retryable || attempt >= delays.retries) return err(error);
    debug('retrying after %s (%d of %d)', error.code, attempt + 1, delays.retries);
  }
}

async function readOnce(
  link: SamLink,
  delays: IdCardDelays,
  signal?: AbortSignal,
): Promise<Step<IdentityCard>> {
  const found = await waitForCard(link, delays, signal);
  if (!found.ok) return found;

  const selected = await call(link, 'select-card', signal);
  if (!selected.ok) return selected;
  if (selected.value.sw3 !== Sw3.ok) return classify('select-card', selected.value.sw3);

  const read = await call(link, 'read-text-photo', signal);
  if (!read.ok) return read;
  if (read.value.sw3 !== Sw3.ok) return classify('read-text-photo', read.value.sw3);
  return toCard(read.value.data);
}

/** Polls find-card every `pollMs` until a card answers 9F. */
async function waitForCard(
  link: SamLink,
  delays: IdCardDelays,
  signal?: AbortSignal,
): Promise<Step<void>> {
  for (;;) {
    if (signal?.aborted) return final({ code: 'cancelled' });
    const reply = await raceAbort(link.exchange('find-card'), signal);
    if (reply === 'aborted') return final({ code: 'cancelled' });
    if (reply.ok) {
      if (reply.value.sw3 === Sw3.cardFound) return ok();
      if (reply.value.sw3 !== Sw3.noCard) return classify('find-card', reply.value.sw3);
    } else if (reply.error.code !== 'bad-frame') {
      const failed = toStep('find-card', reply);
      if (!failed.ok) return failed;
    }
    // No card yet, or a poll reply garbled on the wire (the next poll repairs it for free).
    if (await sleep(delays.pollMs, signal, link.lost)) {
      return final(link.lost.aborted ? { code: 'no-reader' } : { code: 'cancelled' });
    }
  }
}

async function call(
  link: SamLink,
  name: CommandName,
  signal?: AbortSignal,
): Promise<Step<ResponseFrame>> {
  const reply = await raceAbort(link.exchange(name), signal);
  if (reply === 'aborted') return final({ code: 'cancelled' });
  return toStep(name, reply);
}

function toStep(
  name: CommandName,
  reply: Result<ResponseFrame, ExchangeError>,
): Step<ResponseFrame> {
  if (reply.ok) return reply;
  switch (reply.error.code) {
    case 'lost':
      return final({ code: 'no-reader' });
    case 'timeout':
      return retry({ code: 'protocol-error', message: `no reply to ${name}` });
    case 'bad-frame':
      return retry({
        code: 'protocol-error',
        message: `reply to ${name}: ${reply.error.error.code}`,
      });
  }
}

/** What an unexpected SW3 means for the read. */
function classify(name: CommandName, sw3: number): Step<never> {
  const message = `${name}: ${describeSw3(sw3)}`;
  switch (sw3) {
    case Sw3.noCard: // card taken away between find and read: look for it again
    case Sw3.selectFailed:
    case Sw3.readFailed:
    case Sw3.cardAuthFailed: // authentication fails when the card moves during the read
    case Sw3.samAuthFailed:
    case Sw3.verifyFailed:
    case Sw3.randomFailed:
      return retry({ code: 'read-failed', message });
    case Sw3.checksumError: // our command was garbled on its way to the reader
    case Sw3.lengthError:
      return retry({ code: 'protocol-error', message });
    case Sw3.unknownCardType:
      return final({ code: 'invalid-card', message });
    case Sw3.unauthorised:
    case Sw3.samSelfTestFailed:
    case Sw3.samNotAuthorised:
      return final({ code: 'sam-error', message });
    default:
      return final({ code: 'protocol-error', message });
  }
}

function toCard(data: Uint8Array): Step<IdentityCard> {
  const card = decodeCard(data);
  if (card.ok) return card;
  return card.error.code === 'malformed-reply'
    ? retry({ code: 'protocol-error', message: card.error.message })
    : final({ code: 'invalid-card', message: card.error.message });
}
