import { afterEach, describe, expect, it } from 'vitest';
import type { IdentityCard } from './card';
import { createIdCardReader } from './driver';
import { sampleCard, sampleCards } from './simulator/sample-cards';
import { closeRigs, createRig, fastDelays, statusBecomes, tick } from './testing/reader-rig';

const card = sampleCard('adult-male')!.card; // holds fingerprints
const elder = sampleCard('elder-female')!.card;

afterEach(closeRigs);

describe('ID-card reader driver ↔ simulator over the memory transport', () => {
  it('probes the SAM, becomes ready with its id, and reads a card (30 10: fingerprint presence)', async () => {
    const { reader, sim } = createRig();
    expect(await statusBecomes(reader, 'ready')).toEqual({
      state: 'ready',
      samId: '05.01-20240101-0000000001-0000000042',
    });
    sim.placeCard(card);
    const read = await reader.readCard();
    expect(read).toEqual({ ok: true, value: card });
    if (read.ok) {
      expect(read.value.photoWlt).toEqual(card.photoWlt);
      expect(read.value.hasFingerprint).toBe(true);
      expect(JSON.stringify(read.value)).not.toContain('FINGERPRINT');
    }
  });

  it.each(sampleCards.map((s) => [s.id, s.card] as const))('reads %s', async (_, sample) => {
    const { reader, sim } = createRig();
    sim.placeCard(sample);
    expect(await reader.readCard()).toEqual({ ok: true, value: sample });
  });

  it('read: text-photo uses 30 01 (1295-byte reply) and reports no fingerprint', async () => {
    const { reader, sim } = createRig({ read: 'text-photo' });
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    sim.wireBytes(true);
    expect(await reader.readCard()).toEqual({
      ok: true,
      value: { ...card, hasFingerprint: false },
    });
    // find (15) + select (19) + read (1295) replies
    expect(sim.wireBytes().replies).toBe(15 + 19 + 1295);
  });

  it('a SAM that refuses 30 10 (SW3 21) is read with 30 01, at once from then on', async () => {
    const { reader, sim } = createRig({ sim: { fingerprintCommand: false } });
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    expect(await reader.readCard()).toEqual({
      ok: true,
      value: { ...card, hasFingerprint: false },
    });
    sim.wireBytes(true);
    expect(await reader.readCard()).toMatchObject({ ok: true });
    expect(sim.wireBytes().replies).toBe(15 + 19 + 1295);
  });

  it('tells the caller when a card is found, before the card is read', async () => {
    const { reader, sim } = createRig({ sim: { readDelayMs: 40 } });
    await statusBecomes(reader, 'ready');
    const phases: string[] = [];
    let settled = false;
    const pending = reader
      .readCard({ onProgress: (phase) => phases.push(phase) })
      .finally(() => (settled = true));
    await tick(30);
    expect(phases).toEqual([]);
    sim.placeCard(card);
    sim.failNextRead(); // a retry must not announce the card again
    while (phases.length === 0) await tick(1);
    expect(settled).toBe(false); // the read itself takes readDelayMs, twice
    expect(await pending).toMatchObject({ ok: true });
    expect(phases).toEqual(['card-found']);
  });

  it('keeps polling until a card is placed', async () => {
    const { reader, sim } = createRig();
    await statusBecomes(reader, 'ready');
    let settled = false;
    const pending = reader.readCard().finally(() => (settled = true));
    await tick(60);
    expect(settled).toBe(false);
    sim.placeCard(card);
    expect(await pending).toMatchObject({ ok: true, value: { idNumber: card.idNumber } });
  });

  it('retries a read that failed (SW3 41) and succeeds', async () => {
    const { reader, sim } = createRig();
    sim.placeCard(card);
    sim.failNextRead();
    expect(await reader.readCard()).toMatchObject({ ok: true });
  });

  it('gives read-failed when retries run out', async () => {
    const { reader, sim } = createRig({ delays: { retries: 0 } });
    sim.placeCard(card);
    sim.failNextRead();
    expect(await reader.readCard()).toEqual({
      ok: false,
      error: {
        code: 'read-failed',
        message: 'read-text-photo-fingerprint: SW3 41 (card read failed)',
      },
    });
  });

  it('a card taken away mid-read ends the read with read-failed, not a wait for another card', async () => {
    const { reader, sim } = createRig();
    sim.placeCard(card);
    sim.removeCardDuringNextRead();
    expect(await reader.readCard()).toEqual({
      ok: false,
      error: { code: 'read-failed', message: 'the card was taken away during the read' },
    });
  });

  it('survives a reply with a corrupted checksum, and byte-by-byte delivery', async () => {
    const { reader, sim } = createRig({
      chunkSize: 1,
      read: 'text-photo',
      delays: { replyTimeoutMs: 5000 },
    });
    await statusBecomes(reader, 'ready');
    sim.placeCard(elder);
    sim.corruptNextChecksum();
    expect(await reader.readCard()).toMatchObject({ ok: true });
  });

  it('reassembles replies the simulator writes in pieces', async () => {
    const { reader, sim } = createRig({ chunkSize: 4096, sim: { pacing: { chunkSize: 13 } } });
    sim.placeCard(elder);
    expect(await reader.readCard()).toEqual({ ok: true, value: elder });
  });

  it('refuses a card whose identity number fails its check digit', async () => {
    // Called right after creation: the read waits for the first probe instead of failing.
    const { reader, sim } = createRig();
    sim.placeCard({ ...card, idNumber: '110105198507213575' } satisfies IdentityCard);
    expect(await reader.readCard()).toEqual({
      ok: false,
      error: { code: 'invalid-card', message: 'identity number: bad-check-digit' },
    });
  });

  it('unplugging: status absent, the pending read resolves no-reader, replugging recovers', async () => {
    const { reader, sim, port } = createRig();
    await statusBecomes(reader, 'ready');
    const pending = reader.readCard();
    await tick(20);
    port.unplug();
    expect(await pending).toEqual({ ok: false, error: { code: 'no-reader' } });
    expect(reader.status).toEqual({ state: 'absent' });
    expect(await reader.readCard()).toEqual({ ok: false, error: { code: 'no-reader' } });
    port.plug();
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    expect(await reader.readCard()).toMatchObject({ ok: true });
  });

  it('starts absent when nothing is plugged in, and finds the reader when it arrives', async () => {
    const { reader, port } = createRig({ plugged: false });
    expect(await reader.whenSettled()).toEqual({ state: 'absent' });
    port.plug();
    await statusBecomes(reader, 'ready');
  });

  it('abort → cancelled, and the reader is still usable afterwards', async () => {
    const { reader, sim } = createRig();
    await statusBecomes(reader, 'ready');
    const controller = new AbortController();
    const pending = reader.readCard({ signal: controller.signal });
    await tick(30);
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled' } });
    sim.placeCard(card);
    expect(await reader.readCard()).toMatchObject({ ok: true });
  });

  it('an already aborted signal cancels at once', async () => {
    const { reader } = createRig();
    expect(await reader.readCard({ signal: AbortSignal.abort() })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
  });

  it('a failing SAM self-test is an error status until it heals', async () => {
    const { reader, sim } = createRig();
    sim.setSamFault(0x60);
    expect(await statusBecomes(reader, 'error')).toEqual({
      state: 'error',
      reason: 'sam-fault',
      message: 'SAM status check: SW3 60 (SAM self-test failed)',
    });
    expect(await reader.readCard()).toEqual({ ok: false, error: { code: 'no-reader' } });
    sim.setSamFault(undefined);
    await statusBecomes(reader, 'ready');
  });

  it('a SAM refusing mid-read gives sam-error and an error status', async () => {
    const { reader, sim } = createRig();
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    sim.setSamFault(0x66);
    expect(await reader.readCard()).toMatchObject({ ok: false, error: { code: 'sam-error' } });
    expect(reader.status).toMatchObject({ state: 'error', reason: 'sam-fault' });
  });

  it('a reader that falls silent mid-session: the read ends, the status says no-answer, and it comes back', async () => {
    const { reader, sim } = createRig({ delays: { retries: 0 } });
    await statusBecomes(reader, 'ready');
    sim.setResponsive(false);
    expect(await reader.readCard()).toEqual({
      ok: false,
      error: { code: 'protocol-error', message: 'no reply to find-card' },
    });
    expect(reader.status).toMatchObject({ state: 'error', reason: 'no-answer' });
    sim.setResponsive(true);
    await statusBecomes(reader, 'ready');
  });

  it('the idle health check notices a reader powered off behind its adapter', async () => {
    const { reader, sim } = createRig({ delays: { idleCheckMs: 30 } });
    await statusBecomes(reader, 'ready');
    sim.setResponsive(false);
    expect(await statusBecomes(reader, 'error')).toMatchObject({ reason: 'no-answer' });
    sim.setResponsive(true);
    await statusBecomes(reader, 'ready');
  });

  it('reads run one at a time', async () => {
    const { reader, sim } = createRig();
    sim.placeCard(card);
    const [a, b] = await Promise.all([reader.readCard(), reader.readCard()]);
    expect(a.ok && b.ok).toBe(true);
  });

  it('close() ends a pending read with no-reader and stops reconnecting', async () => {
    const { reader } = createRig();
    await statusBecomes(reader, 'ready');
    const pending = reader.readCard();
    await tick(10);
    await reader.close();
    expect(await pending).toEqual({ ok: false, error: { code: 'no-reader' } });
    expect(reader.status).toEqual({ state: 'absent' });
  });

  it('an opener that throws (e.g. permission denied) is an error status, not an exception', async () => {
    const reader = createIdCardReader({
      open: () => Promise.reject(new Error('EACCES')),
      delays: fastDelays,
    });
    expect(await reader.whenSettled()).toEqual({
      state: 'error',
      reason: 'cannot-open',
      message: 'cannot open the reader: EACCES',
    });
    await reader.close();
  });
});

describe('probing', () => {
  afterEach(closeRigs);

  it('a garbled reply to the first SAM status check is asked again, not taken for a broken reader', async () => {
    const { reader, sim } = createRig();
    sim.corruptNextChecksum();
    sim.placeCard(elder);
    expect(await reader.readCard()).toEqual({ ok: true, value: elder });
  });
});
