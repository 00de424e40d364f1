import { err, ok, type Result } from '../../../electron/shared/result';
import type { IdentityCard } from './card';
import type { CardDecodeError } from './decode-card';
import type { CommandName } from './protocol/commands';
import type { ResponseFrame } from './protocol/frame';
import { describeSw3, Sw3 } from './protocol/status-codes';
import type { ExchangeError } from './sam-link';
import type { IdCardReadError } from './status';

/**
 * The reading loop as a pure state machine (DESIGN §4 rule 5; GA 467 "证/卡操作流程"). The
 * runner (`read-card.ts`) sends the command of the current phase, waits the named delay, or
 * verifies, and feeds the outcome back here; nothing in this file does I/O or keeps time.
 *
 *            9F                       90                      90 + data
 *   ┌─find─────────▶ select ─────────────▶ read ──────────────────▶ verify ──valid──▶ done(card)
 *   │ │ 80: wait pollMs, find again     │ 41/31/32/33/47/80/81,     │ malformed reply
 *   │ │ garbled reply: wait pollMs      │ bad CHK/Len, no reply      │
 *   │ ▼                                 ▼                           ▼
 *   └──── wait retryMs ◀── attempt + 1 ≤ retries ── (else done with the error)
 *
 * - A failed attempt starts over from find: after a failed read the card must be found and
 *   selected again. During a retry, `removalPolls` "no card" answers in a row mean the resident
 *   took the card away mid-read: done, `read-failed`.
 * - 30 10 answered with SW3 21 (an old SAM without fingerprint support) switches to 30 01 and
 *   starts over without counting an attempt.
 * - SAM faults (23, 60, 66) and an unknown card type (40) end the read at once; a lost link ends
 *   it with `no-reader`.
 */
export type ReadPhase = 'find' | 'select' | 'read' | 'verify';
export type ReadCommand = 'read-text-photo' | 'read-text-photo-fingerprint';

export interface ReadState {
  phase: ReadPhase;
  /** Failed attempts so far. */
  attempt: number;
  /** Consecutive "no card" answers in this find phase. */
  emptyFinds: number;
  /** Whether `card-found` has been announced in this read. */
  announced: boolean;
  readCommand: ReadCommand;
}

export interface ReadLimits {
  retries: number;
  removalPolls: number;
}

export type ReadDelay = 'pollMs' | 'retryMs';

export type ReadStep =
  | { next: 'send'; state: ReadState; announce?: 'card-found' }
  | { next: 'wait'; delay: ReadDelay; state: ReadState }
  | { next: 'verify'; state: ReadState; data: Uint8Array }
  | { next: 'done'; result: Result<IdentityCard, IdCardReadError> };

export function initialReadState(readCommand: ReadCommand): ReadState {
  return { phase: 'find', attempt: 0, emptyFinds: 0, announced: false, readCommand };
}

export function commandOf(state: ReadState): CommandName {
  switch (state.phase) {
    case 'find':
      return 'find-card';
    case 'select':
      return 'select-card';
    case 'read':
    case 'verify':
      return state.readCommand;
  }
}

const done = (error: IdCardReadError): ReadStep => ({ next: 'done', result: err(error) });

/** A failed attempt: start over from find after retryMs, or give up with `error`. */
function failAttempt(state: ReadState, limits: ReadLimits, error: IdCardReadError): ReadStep {
  if (state.attempt >= limits.retries) return done(error);
  return {
    next: 'wait',
    delay: 'retryMs',
    state: { ...state, phase: 'find', attempt: state.attempt + 1, emptyFinds: 0 },
  };
}

export function onReply(
  state: ReadState,
  reply: Result<ResponseFrame, ExchangeError>,
  limits: ReadLimits,
): ReadStep {
  const name = commandOf(state);
  if (!reply.ok) {
    switch (reply.error.code) {
      case 'lost':
        return done({ code: 'no-reader' });
      case 'timeout':
        return failAttempt(state, limits, {
          code: 'protocol-error',
          message: `no reply to ${name}`,
        });
      case 'bad-frame':
        // A garbled poll costs nothing: the next poll repairs it.
        if (state.phase === 'find') return { next: 'wait', delay: 'pollMs', state };
        return failAttempt(state, limits, {
          code: 'protocol-error',
          message: `reply to ${name}: ${reply.error.error.code}`,
        });
    }
  }
  const { sw3, data } = reply.value;
  switch (state.phase) {
    case 'find':
      if (sw3 === Sw3.cardFound) {
        const next: ReadState = { ...state, phase: 'select', emptyFinds: 0, announced: true };
        return state.announced
          ? { next: 'send', state: next }
          : { next: 'send', state: next, announce: 'card-found' };
      }
      if (sw3 === Sw3.noCard) {
        const emptyFinds = state.emptyFinds + 1;
        if (state.attempt > 0 && emptyFinds >= limits.removalPolls) {
          return done({ code: 'read-failed', message: 'the card was taken away during the read' });
        }
        return { next: 'wait', delay: 'pollMs', state: { ...state, emptyFinds } };
      }
      return classify(state, limits, name, sw3);
    case 'select':
      if (sw3 === Sw3.ok) return { next: 'send', state: { ...state, phase: 'read' } };
      return classify(state, limits, name, sw3);
    case 'read':
    case 'verify':
      if (sw3 === Sw3.ok) return { next: 'verify', state: { ...state, phase: 'verify' }, data };
      if (sw3 === Sw3.commandError && state.readCommand === 'read-text-photo-fingerprint') {
        return {
          next: 'wait',
          delay: 'retryMs',
          state: { ...state, phase: 'find', emptyFinds: 0, readCommand: 'read-text-photo' },
        };
      }
      return classify(state, limits, name, sw3);
  }
}

export function onVerified(
  state: ReadState,
  decoded: Result<IdentityCard, CardDecodeError>,
  limits: ReadLimits,
): ReadStep {
  if (decoded.ok) return { next: 'done', result: ok(decoded.value) };
  switch (decoded.error.code) {
    case 'malformed-reply':
      return failAttempt(state, limits, { code: 'protocol-error', message: decoded.error.message });
    case 'invalid-card':
      return done({ code: 'invalid-card', message: decoded.error.message });
  }
}

/** What an unexpected SW3 means for the read. */
function classify(state: ReadState, limits: ReadLimits, name: CommandName, sw3: number): ReadStep {
  const message = `${name}: ${describeSw3(sw3)}`;
  switch (sw3) {
    case Sw3.noCard: // card taken away between find and read: look for it again
    case Sw3.selectFailed:
    case Sw3.readFailed:
    case Sw3.cardAuthFailed: // authentication fails when the card moves during the read
    case Sw3.samAuthFailed:
    case Sw3.verifyFailed:
    case Sw3.randomFailed:
      return failAttempt(state, limits, { code: 'read-failed', message });
    case Sw3.checksumError: // our command was garbled on its way to the reader
    case Sw3.lengthError:
      return failAttempt(state, limits, { code: 'protocol-error', message });
    case Sw3.unknownCardType:
      return done({ code: 'invalid-card', message });
    case Sw3.unauthorised:
    case Sw3.samSelfTestFailed:
    case Sw3.samNotAuthorised:
      return done({ code: 'sam-error', message });
    default:
      return done({ code: 'protocol-error', message });
  }
}
