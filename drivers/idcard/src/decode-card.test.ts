import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCard } from './decode-card';
import { FrameAccumulator, encodeResponse } from './protocol/frame';
import { encodeReadTextPhoto } from './protocol/read-reply';
import { Sw3 } from './protocol/status-codes';
import { encodeTextBlock } from './protocol/text-block';
import { sampleCards } from './simulator/sample-cards';

const { photoWlt, ...text } = sampleCards[1]!.card;
const replyData = encodeReadTextPhoto({ text: encodeTextBlock(text), photo: photoWlt });
const replyFrame = encodeResponse(Sw3.ok, replyData);

/** Accumulator + decoder: every card the host could get from these bytes. */
function cardsFrom(chunks: Uint8Array[]) {
  const acc = new FrameAccumulator();
  return chunks
    .flatMap((chunk) => acc.push(chunk))
    .flatMap((frame) => (frame.ok ? [decodeCard(frame.value.data)] : []))
    .filter((card) => card.ok);
}

describe('decodeCard', () => {
  it('turns a 30 01 reply into the card', () => {
    expect(decodeCard(replyData)).toEqual({ ok: true, value: sampleCards[1]!.card });
    expect(cardsFrom([replyFrame])).toHaveLength(1);
  });

  it('refuses a reply of the wrong shape as malformed, a wrong check digit as invalid', () => {
    expect(decodeCard(replyData.subarray(0, 1000))).toMatchObject({
      error: { code: 'malformed-reply' },
    });
    const forged = encodeTextBlock({ ...text, idNumber: '110105198507213575' });
    expect(decodeCard(encodeReadTextPhoto({ text: forged, photo: photoWlt }))).toEqual({
      ok: false,
      error: { code: 'invalid-card', message: 'identity number: bad-check-digit' },
    });
  });

  it('a reply corrupted in any one byte never yields a card, however it is chunked', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: replyFrame.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.array(fc.nat({ max: replyFrame.length }), { maxLength: 20 }),
        (position, mask, cuts) => {
          const corrupt = replyFrame.slice();
          corrupt[position] = (corrupt[position] ?? 0) ^ mask;
          const points = [...new Set([0, ...cuts, corrupt.length])].sort((a, b) => a - b);
          const chunks = points.slice(1).map((end, i) => corrupt.subarray(points[i], end));
          expect(cardsFrom(chunks)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
