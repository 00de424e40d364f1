import { afterEach, describe, expect, it } from 'vitest';
import { createHidLoopback } from '../../transport/src/hid-loopback';
import { createIdCardReader, type IdCardReader } from './driver';
import { idCardOpener } from './port-selection';
import { createIdCardSimulator } from './simulator/id-card-simulator';
import { sampleCard } from './simulator/sample-cards';
import { fastDelays, statusBecomes } from './testing/reader-rig';

const readers: IdCardReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

/** A simulated HID reader (VID 0x0400, PID 0xC35A) with a keyboard interface listed first. */
function hidRig(reportSize = 64) {
  const sim = createIdCardSimulator();
  const loopback = createHidLoopback({
    device: { vendorId: 0x0400, productId: 0xc35a, path: '/dev/hidraw-sam' },
    others: [{ vendorId: 0x0400, productId: 0xc35a, path: '/dev/hidraw-keyboard' }],
    reportSize,
    attach: (device) => void sim.attach(device),
  });
  return { sim, loopback, loadHid: () => Promise.resolve(loopback.module) };
}

describe('ID-card reader over USB HID (frames in reports, node-hid loopback)', () => {
  it('selects the interface that answers the SAM status check, by vendor/product id, and reads', async () => {
    const { sim, loadHid } = hidRig();
    const reader = createIdCardReader({
      open: idCardOpener(
        { transport: 'hid', vendorId: 0x0400, productId: 0xc35a },
        { loadHid, probeTimeoutMs: 50 },
      ),
      delays: fastDelays,
    });
    readers.push(reader);
    expect(await reader.whenSettled()).toMatchObject({ state: 'ready' });
    const card = sampleCard('rare-characters')!.card;
    sim.placeCard(card);
    expect(await reader.readCard()).toEqual({ ok: true, value: card });
  });

  it('by path, with 32-byte reports; unplug → absent → plug → ready', async () => {
    const { sim, loopback, loadHid } = hidRig(32);
    const reader = createIdCardReader({
      open: idCardOpener(
        { transport: 'hid', path: '/dev/hidraw-sam', reportSize: 32 },
        { loadHid },
      ),
      delays: fastDelays,
    });
    readers.push(reader);
    await statusBecomes(reader, 'ready');
    const card = sampleCard('hong-kong-resident')!.card;
    sim.placeCard(card);
    expect(await reader.readCard()).toEqual({ ok: true, value: card });
    loopback.unplug();
    await statusBecomes(reader, 'absent');
    loopback.plug();
    await statusBecomes(reader, 'ready');
    expect(await reader.readCard()).toEqual({ ok: true, value: card });
  });

  it('an interface that never answers is reported no-answer, not ready', async () => {
    const { loadHid } = hidRig();
    const reader = createIdCardReader({
      open: idCardOpener({ transport: 'hid', path: '/dev/hidraw-keyboard' }, { loadHid }),
      delays: { ...fastDelays, quickReplyTimeoutMs: 40 },
    });
    readers.push(reader);
    expect(await reader.whenSettled()).toMatchObject({ state: 'error', reason: 'no-answer' });
  });

  it('nothing with that vendor id: absent', async () => {
    const { loadHid } = hidRig();
    const reader = createIdCardReader({
      open: idCardOpener({ transport: 'hid', vendorId: 0x1234 }, { loadHid }),
      delays: fastDelays,
    });
    readers.push(reader);
    expect(await reader.whenSettled()).toEqual({ state: 'absent' });
  });
});
