import { describe, expect, it } from 'vitest';
import { isExpired } from './card';
import { sampleCard } from './simulator/sample-cards';

describe('isExpired', () => {
  const card = sampleCard('adult-male')!.card; // valid to 2039-04-02

  it('is valid through the whole of its last day', () => {
    expect(isExpired(card, new Date(2039, 3, 2, 23, 59))).toBe(false);
    expect(isExpired(card, new Date(2039, 3, 3, 0, 0))).toBe(true);
  });

  it('never expires a 长期 card', () => {
    expect(isExpired(sampleCard('elder-female')!.card, new Date(2199, 0, 1))).toBe(false);
  });

  it('knows the expired sample is expired, for every card type', () => {
    expect(isExpired(sampleCard('expired-male')!.card, new Date(2025, 0, 1))).toBe(true);
    expect(isExpired(sampleCard('hong-kong-resident')!.card, new Date(2029, 4, 21))).toBe(true);
    expect(isExpired(sampleCard('foreign-2017')!.card, new Date(2029, 5, 10))).toBe(false);
  });
});
