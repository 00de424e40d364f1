import { describe, expect, it } from 'vitest';
import { isExpired } from '../card';
import { verifyCardText } from '../decode-card';
import { createIdCardSimulator } from './id-card-simulator';
import { sampleCards } from './sample-cards';

describe('sample cards', () => {
  it('are all valid invented people, with synthetic binary blocks', () => {
    for (const { card } of sampleCards) {
      const { photoWlt, hasFingerprint: _fp, ...text } = card;
      expect(verifyCardText(text)).toEqual({ ok: true, value: undefined });
      expect(photoWlt).toHaveLength(1024);
      expect(new TextDecoder().decode(photoWlt.subarray(0, 15))).toBe('SYNTHETIC PHOTO');
    }
  });

  it('cover every layout, 长期, an expired card, fingerprints, rare BMP characters and unique ids', () => {
    const today = new Date(2025, 5, 1);
    const kinds = sampleCards.map(({ card }) =>
      card.type === 'foreign-permanent' ? `${card.type}-${card.edition}` : card.type,
    );
    expect(new Set(kinds)).toEqual(
      new Set(['resident-id', 'hmt-residence', 'foreign-permanent-2017', 'foreign-permanent-2023']),
    );
    expect(sampleCards.some(({ card }) => isExpired(card, today))).toBe(true);
    expect(sampleCards.some(({ card }) => card.validTo === 'long-term')).toBe(true);
    expect(sampleCards.some(({ card }) => card.hasFingerprint)).toBe(true);
    const rare = /[\u3400-\u4dbf\u9fa6-\u9fff]/; // CJK Extension A, and the late additions to the URO
    expect(sampleCards.some(({ card }) => rare.test(card.name))).toBe(true);
    expect(sampleCards.some(({ card }) => rare.test(card.address ?? ''))).toBe(true);
    expect(new Set(sampleCards.map((c) => c.id)).size).toBe(sampleCards.length);
  });

  it('the simulator refuses a card no reader could hold, at placeCard', () => {
    const sim = createIdCardSimulator();
    const card = sampleCards[0]!.card;
    if (card.type !== 'resident-id') throw new Error('first sample is a resident card');
    expect(() => sim.placeCard({ ...card, nation: '未知族' })).toThrow(RangeError);
    expect(() => sim.placeCard({ ...card, name: '很'.repeat(16) })).toThrow(RangeError);
    expect(sim.card).toBeUndefined();
  });
});
