import { afterEach, describe, expect, it } from 'vitest';
import type { CardPresenceEvent } from './driver';
import { sampleCard } from './simulator/sample-cards';
import { closeRigs, createRig, statusBecomes, tick } from './testing/reader-rig';

const card = sampleCard('young-female')!.card;

afterEach(closeRigs);

describe('card removal', () => {
  it('waitForRemoval resolves only once the card is taken away', async () => {
    const { reader, sim } = createRig();
    sim.placeCard(card);
    expect(await reader.readCard()).toMatchObject({ ok: true });
    let removed = false;
    const pending = reader.waitForRemoval().then((r) => ((removed = true), r));
    await tick(60); // many polls: the card that was read is still found
    expect(removed).toBe(false);
    sim.removeCard();
    expect(await pending).toEqual({ ok: true, value: undefined });
  });

  it('resolves at once when there is no card', async () => {
    const { reader } = createRig();
    expect(await reader.waitForRemoval()).toEqual({ ok: true, value: undefined });
  });

  it('one empty poll is not a removal (card at the edge of the field)', async () => {
    const { reader, sim } = createRig({ delays: { removalPolls: 3, removalPollMs: 20 } });
    sim.placeCard(card);
    await statusBecomes(reader, 'ready');
    let removed = false;
    const pending = reader.waitForRemoval().then(() => (removed = true));
    await tick(30);
    const polled = sim.wireBytes().commands;
    sim.removeCard();
    while (sim.wireBytes().commands < polled + 10) await tick(1); // one "no card" answer
    sim.placeCard(card);
    await tick(60);
    expect(removed).toBe(false);
    sim.removeCard();
    await pending;
  });

  it('cancels, and ends with no-reader when the reader is unplugged', async () => {
    const { reader, sim, port } = createRig();
    sim.placeCard(card);
    await statusBecomes(reader, 'ready');
    const controller = new AbortController();
    const cancelled = reader.waitForRemoval({ signal: controller.signal });
    await tick(20);
    controller.abort();
    expect(await cancelled).toEqual({ ok: false, error: { code: 'cancelled' } });
    const lost = reader.waitForRemoval();
    await tick(20);
    port.unplug();
    expect(await lost).toEqual({ ok: false, error: { code: 'no-reader' } });
  });

  it('a reader that stops answering ends the wait with no-reader and an error status', async () => {
    const { reader, sim } = createRig({ delays: { quickReplyTimeoutMs: 40 } });
    sim.placeCard(card);
    await statusBecomes(reader, 'ready');
    const pending = reader.waitForRemoval();
    await tick(20);
    sim.setResponsive(false);
    expect(await pending).toEqual({ ok: false, error: { code: 'no-reader' } });
    expect(reader.status).toMatchObject({ state: 'error', reason: 'no-answer' });
  });
});

describe('watchCards', () => {
  it('reports placed, removed, unreadable and placed again, in order', async () => {
    const { reader, sim } = createRig({ delays: { retries: 0 } });
    const events: CardPresenceEvent[] = [];
    const controller = new AbortController();
    const watching = reader.watchCards({
      signal: controller.signal,
      onEvent: (e) => events.push(e),
    });
    const eventCount = async (n: number) => {
      while (events.length < n) await tick(5);
    };
    sim.placeCard(card);
    await eventCount(1);
    sim.removeCard();
    await eventCount(2);
    sim.placeCard(card);
    sim.failNextRead();
    await eventCount(3);
    sim.removeCard();
    await eventCount(4);
    sim.placeCard(sampleCard('foreign-2023')!.card);
    await eventCount(5);
    controller.abort();
    await watching;
    expect(events.map((e) => (e.kind === 'placed' ? `placed ${e.card.type}` : e.kind))).toEqual([
      'placed resident-id',
      'removed',
      'unreadable',
      'removed',
      'placed foreign-permanent',
    ]);
  });
});
