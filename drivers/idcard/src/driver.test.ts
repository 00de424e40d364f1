import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedPort, type SimulatedPort } from '../../transport/src/simulated-port';
import type { IdentityCard } from './card';
import { createIdCardReader, type IdCardReader } from './driver';
import { createIdCardSimulator, type IdCardSimulator } from './simulator/id-card-simulator';
import { sampleCard } from './simulator/sample-cards';
import type { IdCardReaderStatus } from './status';

const delays = { pollMs: 5, replyTimeoutMs: 300, reconnectMs: 20, retries: 2 };
const card = sampleCard('adult-male')!.card;

interface Rig {
  reader: IdCardReader;
  sim: IdCardSimulator;
  port: SimulatedPort;
}

const rigs: Rig[] = [];

/** A reader on a simulated port; chunkSize 7 forces reassembly of every reply. */
function rig(options: { plugged?: boolean; retries?: number } = {}): Rig {
  const sim = createIdCardSimulator();
  const port = createSimulatedPort({ label: 'idcard', chunkSize: 7, attach: sim.attach });
  if (options.plugged === false) port.unplug();
  const reader = createIdCardReader({
    open: port.open,
    delays: { ...delays, retries: options.retries ?? delays.retries },
  });
  const r = { reader, sim, port };
  rigs.push(r);
  return r;
}

afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.reader.close()));
});

function statusBecomes(
  reader: IdCardReader,
  state: IdCardReaderStatus['state'],
): Promise<IdCardReaderStatus> {
  if (reader.status.state === state) return Promise.resolve(reader.status);
  return new Promise((resolve) => {
    const off = reader.onStatus((status) => {
      if (status.state !== state) return;
      off();
      resolve(status);
    });
  });
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ID-card reader driver ↔ simulator over the memory transport', () => {
  it('probes the SAM, becomes ready with its id, and reads a card', async () => {
    const { reader, sim } = rig();
    expect(await statusBecomes(reader, 'ready')).toEqual({
      state: 'ready',
      samId: '05.01-20240101-0000000001-0000000042',
    });
    sim.placeCard(card);
    const read = await reader.readCard();
    expect(read).toEqual({ ok: true, value: card });
    if (read.ok) expect(read.value.photoWlt).toEqual(card.photoWlt);
  });

  it('keeps polling until a card is placed', async () => {
    const { reader, sim } = rig();
    await statusBecomes(reader, 'ready');
    let settled = false;
    const pending = reader.readCard().finally(() => (settled = true));
    await tick(60);
    expect(settled).toBe(false);
    sim.placeCard(card);
    expect(await pending).toMatchObject({ ok: true, value: { idNumber: card.idNumber } });
  });

  it('retries a read that failed (SW3 41) and succeeds', async () => {
    const { reader, sim } = rig();
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    sim.failNextRead();
    expect(await reader.readCard()).toMatchObject({ ok: true });
  });

  it('gives read-failed when retries run out', async () => {
    const { reader, sim } = rig({ retries: 0 });
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    sim.failNextRead();
    expect(await reader.readCard()).toEqual({
      ok: false,
      error: { code: 'read-failed', message: 'read-text-photo: SW3 41 (card read failed)' },
    });
  });

  it('survives a reply with a corrupted checksum', async () => {
    const { reader, sim } = rig();
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    sim.corruptNextChecksum();
    expect(await reader.readCard()).toMatchObject({ ok: true });
  });

  it('refuses a card whose identity number fails its check digit', async () => {
    // Called right after creation: the read waits for the first probe instead of failing.
    const { reader, sim } = rig();
    sim.placeCard({ ...card, idNumber: '110105198507213575' } satisfies IdentityCard);
    expect(await reader.readCard()).toEqual({
      ok: false,
      error: { code: 'invalid-card', message: 'identity number: bad-check-digit' },
    });
  });

  it('unplugging: status absent, the pending read resolves no-reader, replugging recovers', async () => {
    const { reader, sim, port } = rig();
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
    const { reader, port } = rig({ plugged: false });
    await tick(50);
    expect(reader.status).toEqual({ state: 'absent' });
    port.plug();
    await statusBecomes(reader, 'ready');
  });

  it('abort → cancelled, and the reader is still usable afterwards', async () => {
    const { reader, sim } = rig();
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
    const { reader } = rig();
    await statusBecomes(reader, 'ready');
    expect(await reader.readCard({ signal: AbortSignal.abort() })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
  });

  it('a failing SAM self-test is an error status until it heals', async () => {
    const { reader, sim } = rig();
    sim.setSamFault(0x60);
    expect(await statusBecomes(reader, 'error')).toEqual({
      state: 'error',
      message: 'SAM status check: SW3 60 (SAM self-test failed)',
    });
    expect(await reader.readCard()).toEqual({ ok: false, error: { code: 'no-reader' } });
    sim.setSamFault(undefined);
    await statusBecomes(reader, 'ready');
  });

  it('a SAM refusing mid-read gives sam-error and an error status', async () => {
    const { reader, sim } = rig();
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    sim.setSamFault(0x66);
    expect(await reader.readCard()).toMatchObject({ ok: false, error: { code: 'sam-error' } });
    expect(reader.status.state).toBe('error');
  });

  it('reads run one at a time', async () => {
    const { reader, sim } = rig();
    await statusBecomes(reader, 'ready');
    sim.placeCard(card);
    const [a, b] = await Promise.all([reader.readCard(), reader.readCard()]);
    expect(a.ok && b.ok).toBe(true);
  });

  it('close() ends a pending read with no-reader and stops reconnecting', async () => {
    const { reader } = rig();
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
      delays,
    });
    expect(await statusBecomes(reader, 'error')).toEqual({
      state: 'error',
      message: 'cannot open the reader: EACCES',
    });
    await reader.close();
  });
});
