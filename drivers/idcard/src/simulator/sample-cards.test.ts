import { describe, expect, it } from 'vitest';
import { isExpired } from '../card';
import { checkIdNumberAgainst } from '../protocol/id-number';
import { createIdCardSimulator } from './id-card-simulator';
import { sampleCards } from './sample-cards';

describe('sample cards', () => {
  it('are all valid invented people', () => {
    expect(sampleCards.length).toBeGreaterThanOrEqual(3);
    for (const { card } of sampleCards) {
      expect(checkIdNumberAgainst(card.idNumber, card)).toEqual({ ok: true, value: undefined });
      expect(card.photoWlt).toHaveLength(1024);
      expect(new TextDecoder().decode(card.photoWlt.subarray(0, 15))).toBe('SYNTHETIC PHOTO');
    }
  });

  it('include one expired card and one 长期 card, and unique ids', () => {
    const today = new Date(2025, 5, 1);
    expect(sampleCards.some(({ card }) => isExpired(card, today))).toBe(true);
    expect(sampleCards.some(({ card }) => card.validTo === 'long-term')).toBe(true);
    expect(new Set(sampleCards.map((c) => c.id)).size).toBe(sampleCards.length);
  });

  it('the simulator refuses a card no reader could hold, at placeCard', () => {
    const sim = createIdCardSimulator();
    const card = sampleCards[0]!.card;
    expect(() => sim.placeCard({ ...card, nation: '未知族' })).toThrow(RangeError);
    expect(() => sim.placeCard({ ...card, name: '很'.repeat(16) })).toThrow(RangeError);
    expect(sim.card).toBeUndefined();
  });
});
