import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../electron/shared/result';
import type { ResponseFrame } from './protocol/frame';
import { Sw3 } from './protocol/status-codes';
import { commandOf, initialReadState, onReply, onVerified, type ReadState } from './read-machine';
import { sampleCard } from './simulator/sample-cards';

const limits = { retries: 2, removalPolls: 2 };
const frame = (sw3: number, data = new Uint8Array()): ReturnType<typeof ok<ResponseFrame>> =>
  ok({ sw1: 0, sw2: 0, sw3, data });
const start = initialReadState('read-text-photo-fingerprint');
const at = (phase: ReadState['phase'], extra: Partial<ReadState> = {}): ReadState => ({
  ...start,
  phase,
  announced: phase !== 'find',
  ...extra,
});

describe('the reading state machine', () => {
  it('find → select → read → verify → done, announcing card-found once', () => {
    const found = onReply(start, frame(Sw3.cardFound), limits);
    expect(found).toEqual({ next: 'send', state: at('select'), announce: 'card-found' });
    const selected = onReply(at('select'), frame(Sw3.ok), limits);
    expect(selected).toEqual({ next: 'send', state: at('read') });
    expect(commandOf(at('read'))).toBe('read-text-photo-fingerprint');
    const data = Uint8Array.of(1, 2, 3);
    expect(onReply(at('read'), frame(Sw3.ok, data), limits)).toEqual({
      next: 'verify',
      state: at('verify'),
      data,
    });
    const card = sampleCard('adult-male')!.card;
    expect(onVerified(at('verify'), ok(card), limits)).toEqual({ next: 'done', result: ok(card) });
    // A retry that finds the card again does not announce it twice.
    expect(
      onReply(at('find', { attempt: 1, announced: true }), frame(Sw3.cardFound), limits),
    ).toEqual({
      next: 'send',
      state: at('select', { attempt: 1 }),
    });
  });

  it('polls while no card: 80 and garbled polls wait pollMs, for ever on a first attempt', () => {
    let state = start;
    for (let i = 1; i <= 5; i++) {
      const step = onReply(state, frame(Sw3.noCard), limits);
      expect(step).toEqual({ next: 'wait', delay: 'pollMs', state: { ...start, emptyFinds: i } });
      if (step.next === 'wait') state = step.state;
    }
    expect(
      onReply(start, err({ code: 'bad-frame', error: { code: 'bad-length', length: 1 } }), limits),
    ).toEqual({
      next: 'wait',
      delay: 'pollMs',
      state: start,
    });
  });

  it.each([
    ['41 read failed', 'read', frame(Sw3.readFailed), 'read-failed'],
    ['31 card auth', 'read', frame(Sw3.cardAuthFailed), 'read-failed'],
    ['32 SAM auth', 'read', frame(Sw3.samAuthFailed), 'read-failed'],
    ['33 verify', 'read', frame(Sw3.verifyFailed), 'read-failed'],
    ['47 random', 'select', frame(Sw3.randomFailed), 'read-failed'],
    ['81 select failed', 'select', frame(Sw3.selectFailed), 'read-failed'],
    ['80 card gone before read', 'read', frame(Sw3.noCard), 'read-failed'],
    ['10 checksum (our command)', 'select', frame(Sw3.checksumError), 'protocol-error'],
    ['11 length (our command)', 'read', frame(Sw3.lengthError), 'protocol-error'],
    [
      'a reply with a bad CHK',
      'read',
      err({
        code: 'bad-frame' as const,
        error: { code: 'bad-checksum' as const, expected: 1, actual: 2 },
      }),
      'protocol-error',
    ],
    ['no reply', 'read', err({ code: 'timeout' as const }), 'protocol-error'],
  ] as const)('%s: retries from find after retryMs, then gives up', (_, phase, reply, code) => {
    expect(onReply(at(phase), reply, limits)).toEqual({
      next: 'wait',
      delay: 'retryMs',
      state: at('find', { attempt: 1, announced: true }),
    });
    expect(onReply(at(phase, { attempt: 2 }), reply, limits)).toMatchObject({
      next: 'done',
      result: { ok: false, error: { code } },
    });
  });

  it.each([
    ['23', Sw3.unauthorised, 'sam-error'],
    ['60', Sw3.samSelfTestFailed, 'sam-error'],
    ['66', Sw3.samNotAuthorised, 'sam-error'],
    ['40', Sw3.unknownCardType, 'invalid-card'],
    ['24', Sw3.unknownError, 'protocol-error'],
    ['91', Sw3.itemEmpty, 'protocol-error'],
  ] as const)('SW3 %s ends the read at once with %s', (_, sw3, code) => {
    expect(onReply(at('select'), frame(sw3), limits)).toMatchObject({
      next: 'done',
      result: { ok: false, error: { code } },
    });
  });

  it('a lost link ends the read with no-reader in any phase', () => {
    for (const phase of ['find', 'select', 'read'] as const) {
      expect(onReply(at(phase), err({ code: 'lost' }), limits)).toEqual({
        next: 'done',
        result: err({ code: 'no-reader' }),
      });
    }
  });

  it('during a retry, removalPolls empty finds mean the card was taken away mid-read', () => {
    const retrying = at('find', { attempt: 1, announced: true });
    const first = onReply(retrying, frame(Sw3.noCard), limits);
    expect(first).toMatchObject({ next: 'wait', delay: 'pollMs' });
    if (first.next !== 'wait') throw new Error('expected a wait');
    expect(onReply(first.state, frame(Sw3.noCard), limits)).toEqual({
      next: 'done',
      result: err({ code: 'read-failed', message: 'the card was taken away during the read' }),
    });
  });

  it('30 10 refused with SW3 21 falls back to 30 01 without counting an attempt', () => {
    expect(onReply(at('read'), frame(Sw3.commandError), limits)).toEqual({
      next: 'wait',
      delay: 'retryMs',
      state: at('find', { announced: true, readCommand: 'read-text-photo' }),
    });
    expect(
      onReply(at('read', { readCommand: 'read-text-photo' }), frame(Sw3.commandError), limits),
    ).toMatchObject({
      next: 'done',
      result: { ok: false, error: { code: 'protocol-error' } },
    });
  });

  it('verify: a malformed reply is retried, an invalid card is final', () => {
    expect(
      onVerified(at('verify'), err({ code: 'malformed-reply', message: 'x' }), limits),
    ).toMatchObject({
      next: 'wait',
      delay: 'retryMs',
    });
    expect(onVerified(at('verify'), err({ code: 'invalid-card', message: 'y' }), limits)).toEqual({
      next: 'done',
      result: err({ code: 'invalid-card', message: 'y' }),
    });
  });
});
