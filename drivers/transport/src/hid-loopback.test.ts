import { describe, expect, it } from 'vitest';
import { hidTransportOpener, listHidPaths } from './hid';
import { createHidLoopback } from './hid-loopback';
import { fromOutputReport, toInputReports, toOutputReports } from './hid-reports';
import type { Transport, TransportCloseReason } from './transport';

describe('HID report layout, device side', () => {
  it('input reports carry [len, data…] padded to reportSize; output reports decode back', () => {
    const bytes = Uint8Array.from({ length: 9 }, (_, i) => i + 1);
    expect(toInputReports(bytes, 6).map((r) => Array.from(r))).toEqual([
      [5, 1, 2, 3, 4, 5],
      [4, 6, 7, 8, 9, 0],
    ]);
    const [report] = toOutputReports(Uint8Array.of(7, 8, 9), 8);
    expect(fromOutputReport(report!)).toEqual({ ok: true, data: Uint8Array.of(7, 8, 9) });
    expect(fromOutputReport(Uint8Array.of(0, 9, 1))).toEqual({
      ok: false,
      error: { code: 'bad-length', length: 9 },
    });
  });
});

describe('HID loopback (node-hid stand-in with a simulated device)', () => {
  it('carries a stream both ways through real report splitting, and unplugs', async () => {
    let device: Transport | undefined;
    const loopback = createHidLoopback({
      device: { vendorId: 0x0400, productId: 0xc35a, path: '/dev/hidraw-dev' },
      others: [{ vendorId: 0x0400, productId: 0x0001, path: '/dev/hidraw-kbd' }],
      reportSize: 16,
      attach: (d) => (device = d),
    });
    const loadHid = () => Promise.resolve(loopback.module);
    expect(await listHidPaths({ vendorId: 0x0400, loadHid })).toEqual([
      '/dev/hidraw-kbd',
      '/dev/hidraw-dev',
    ]);
    expect(await listHidPaths({ vendorId: 0x0400, productId: 0xc35a, loadHid })).toEqual([
      '/dev/hidraw-dev',
    ]);

    const host = await hidTransportOpener({ path: '/dev/hidraw-dev', reportSize: 16, loadHid })();
    if (!host || !device) throw new Error('loopback did not open');
    const atDevice: number[] = [];
    device.onData((chunk) => atDevice.push(...chunk));
    const atHost: number[] = [];
    host.onData((chunk) => atHost.push(...chunk));
    const payload = Uint8Array.from({ length: 40 }, (_, i) => 200 - i);
    await host.write(payload);
    await device.write(payload);
    await new Promise((r) => setTimeout(r, 20));
    expect(atDevice).toEqual(Array.from(payload));
    expect(atHost).toEqual(Array.from(payload));

    const closed = new Promise<TransportCloseReason>((resolve) => host.onClose(resolve));
    loopback.unplug();
    expect(await closed).toEqual({ kind: 'lost', message: 'could not read from HID device' });
    expect(await listHidPaths({ vendorId: 0x0400, loadHid })).toEqual([]);
    expect(await hidTransportOpener({ path: '/dev/hidraw-dev', loadHid })()).toBeUndefined();
  });
});
