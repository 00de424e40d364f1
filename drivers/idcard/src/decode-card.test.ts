import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdentityCard } from './card';
import { decodeCard, verifyCardText } from './decode-card';
import { FrameAccumulator, encodeResponse } from './protocol/frame';
import { encodeReadReply, type ReadKind } from './protocol/read-reply';
import { Sw3 } from './protocol/status-codes';
import { encodeTextBlock } from './protocol/text-block';
import { encodeCardReplies } from './simulator/card-reply';
import { sampleCard, sampleCards } from './simulator/sample-cards';

const adult = sampleCard('adult-male')!.card; // has fingerprints

function replyData(card: IdentityCard, kind: ReadKind): Uint8Array {
  return encodeCardReplies(card)[kind].slice();
}

/** Accumulator + decoder: every card the host could get from these bytes. */
function cardsFrom(chunks: Uint8Array[], kind: ReadKind) {
  const acc = new FrameAccumulator();
  return chunks
    .flatMap((chunk) => acc.push(chunk))
    .flatMap((frame) => (frame.ok ? [decodeCard(frame.value.data, kind)] : []))
    .filter((card) => card.ok);
}

describe('decodeCard', () => {
  it.each(sampleCards.map((s) => [s.id, s.card] as const))(
    'decodes %s from 30 10 and 30 01',
    (_, card) => {
      expect(
        decodeCard(replyData(card, 'text-photo-fingerprint'), 'text-photo-fingerprint'),
      ).toEqual({
        ok: true,
        value: card,
      });
      // 30 01 carries no fingerprint block: the card then says it has none.
      expect(decodeCard(replyData(card, 'text-photo'), 'text-photo')).toEqual({
        ok: true,
        value: { ...card, hasFingerprint: false },
      });
    },
  );

  it('refuses a reply of the wrong shape as malformed', () => {
    expect(decodeCard(replyData(adult, 'text-photo').subarray(0, 1000))).toMatchObject({
      error: { code: 'malformed-reply' },
    });
  });

  it.each([
    ['a wrong check digit', { idNumber: '110105198507213575' }, 'identity number: bad-check-digit'],
    ['another birth date', { birthDate: '1985-07-22' }, 'identity number: birth-date-mismatch'],
    ['another sex', { sex: '女' as const }, 'identity number: sex-mismatch'],
    [
      'issued before birth',
      { validFrom: '1980-01-01', validTo: '2000-01-01' },
      'validFrom: before the birth date',
    ],
    ['valid to before valid from', { validTo: '2019-04-01' }, 'validTo: not after validFrom'],
  ])('refuses a resident card with %s', (_, change, message) => {
    const { photoWlt, hasFingerprint: _fp, ...text } = adult;
    const data = encodeReadReply(
      { text: encodeTextBlock({ ...text, ...change }), photo: photoWlt },
      'text-photo',
    );
    expect(decodeCard(data)).toEqual({ ok: false, error: { code: 'invalid-card', message } });
  });

  it('checks 港澳台 numbers like citizens’ and 2023 foreign numbers by their own rule', () => {
    const hk = sampleCard('hong-kong-resident')!.card;
    const { photoWlt: _p, hasFingerprint: _f, ...hkText } = hk;
    expect(verifyCardText({ ...hkText, sex: '男' })).toEqual({
      ok: false,
      error: 'identity number: sex-mismatch',
    });
    const foreign = sampleCard('foreign-2023')!.card;
    const { photoWlt: _p2, hasFingerprint: _f2, ...fText } = foreign;
    expect(verifyCardText({ ...fText, birthDate: '1992-03-10' })).toEqual({
      ok: false,
      error: 'identity number: birth-date-mismatch',
    });
    // The 2023 rules do not tie sex to the sequence: no sex check.
    expect(verifyCardText({ ...fText, sex: '男' })).toEqual({ ok: true, value: undefined });
    const old = sampleCard('foreign-2017')!.card;
    const { photoWlt: _p3, hasFingerprint: _f3, ...oText } = old;
    expect(verifyCardText(oText)).toEqual({ ok: true, value: undefined });
  });
});

describe('decodeCard properties', () => {
  const kinds: ReadKind[] = ['text-photo', 'text-photo-fingerprint'];

  it('a reply of any layout corrupted in any one byte never yields a card, however it is chunked', () => {
    const frames = sampleCards.flatMap(({ card }) =>
      kinds.map((kind) => ({ kind, frame: encodeResponse(Sw3.ok, replyData(card, kind)) })),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: frames.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (which, position, mask, cuts) => {
          const { kind, frame } = frames[which]!;
          const corrupt = frame.slice();
          const at = position % corrupt.length;
          corrupt[at] = (corrupt[at] ?? 0) ^ mask;
          const points = [
            ...new Set([0, ...cuts.map((c) => c % corrupt.length), corrupt.length]),
          ].sort((a, b) => a - b);
          const chunks = points.slice(1).map((end, i) => corrupt.subarray(points[i], end));
          expect(cardsFrom(chunks, kind)).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('arbitrary text blocks never throw and never pass as a card they are not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (text) => {
        const data = encodeReadReply({ text, photo: new Uint8Array(1024) }, 'text-photo');
        const decoded = decodeCard(data);
        // Random bytes are (overwhelmingly) refused; whatever passes has passed every check.
        if (decoded.ok) expect(verifyCardText(decoded.value).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
