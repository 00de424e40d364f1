import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hidTransportOpener, type HidDeviceHandle, type HidModule } from './hid';
import { fromInputReport, toOutputReports } from './hid-reports';
import type { TransportCloseReason } from './transport';

/** Stands in for node-hid's `HID` class: records writes, lets the test emit reports. */
class FakeHid extends EventEmitter implements HidDeviceHandle {
  static opened: FakeHid[] = [];
  readonly writes: number[][] = [];
  closed = false;
  constructor(readonly path: string) {
    super();
    if (path === '/dev/hidraw-denied') throw new Error('cannot open device with path');
    FakeHid.opened.push(this);
  }
  write(values: number[]): number {
    if (this.closed) throw new Error('Cannot write to hid device');
    this.writes.push(values);
    return values.length;
  }
  close(): void {
    this.closed = true;
  }
}

function fakeModule(): HidModule & { driverType?: string } {
  const mod: HidModule & { driverType?: string } = {
    HID: FakeHid,
    devices: () => [
      { vendorId: 0x0400, productId: 0xc35a, path: '/dev/hidraw7' },
      { vendorId: 0x1234, productId: 0x0001, path: '/dev/hidraw2' },
    ],
    setDriverType: (type) => (mod.driverType = type),
  };
  return mod;
}

describe('HID report layout', () => {
  it('splits a stream into [0x00, len, data…] output reports of reportSize bytes', () => {
    const reports = toOutputReports(
      Uint8Array.from({ length: 10 }, (_, i) => i + 1),
      8,
    );
    expect(reports.map((r) => Array.from(r))).toEqual([
      [0, 6, 1, 2, 3, 4, 5, 6],
      [0, 4, 7, 8, 9, 10, 0, 0],
    ]);
  });

  it('reads [len, data…] input reports and refuses an impossible len', () => {
    expect(fromInputReport(Uint8Array.of(3, 9, 8, 7, 0, 0))).toEqual({
      ok: true,
      data: Uint8Array.of(9, 8, 7),
    });
    expect(fromInputReport(Uint8Array.of(9, 1, 2))).toEqual({
      ok: false,
      error: { code: 'bad-length', length: 9 },
    });
    expect(fromInputReport(new Uint8Array(0))).toEqual({
      ok: false,
      error: { code: 'empty-report' },
    });
  });
});

describe('HID transport (through a fake node-hid)', () => {
  it('finds the device by vendor/product, writes reports, concatenates input reports', async () => {
    const mod = fakeModule();
    const open = hidTransportOpener({
      vendorId: 0x0400,
      productId: 0xc35a,
      reportSize: 16,
      loadHid: () => Promise.resolve(mod),
    });
    const transport = await open();
    expect(transport?.label).toBe('hid:/dev/hidraw7');
    const device = FakeHid.opened.at(-1)!;

    await transport!.write(Uint8Array.from({ length: 20 }, (_, i) => i));
    expect(device.writes).toHaveLength(2);
    expect(device.writes[0]).toEqual([0, 14, ...Array.from({ length: 14 }, (_, i) => i)]);
    expect(device.writes[1]?.slice(0, 8)).toEqual([0, 6, 14, 15, 16, 17, 18, 19]);

    const got: number[] = [];
    transport!.onData((chunk) => got.push(...chunk));
    device.emit('data', Buffer.from([2, 0xaa, 0xaa, 0, 0]));
    device.emit('data', Buffer.from([99])); // malformed: dropped, not thrown
    device.emit('data', Buffer.from([3, 0xaa, 0x96, 0x69, 0]));
    expect(got).toEqual([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
    await transport!.close();
    expect(device.closed).toBe(true);
  });

  it('turns a read error (unplugged) into lost', async () => {
    const transport = await hidTransportOpener({
      path: '/dev/hidraw2',
      loadHid: () => Promise.resolve(fakeModule()),
    })();
    const closed = new Promise<TransportCloseReason>((resolve) => transport!.onClose(resolve));
    FakeHid.opened.at(-1)!.emit('error', new Error('could not read from HID device'));
    expect(await closed).toEqual({ kind: 'lost', message: 'could not read from HID device' });
    expect(transport!.isOpen).toBe(false);
    await expect(transport!.write(Uint8Array.of(1))).rejects.toThrow(/closed/);
  });

  it('is absent when no device matches, when it cannot open, or when node-hid cannot load', async () => {
    const loadHid = () => Promise.resolve(fakeModule());
    expect(await hidTransportOpener({ vendorId: 1, productId: 2, loadHid })()).toBeUndefined();
    expect((await hidTransportOpener({ vendorId: 0x1234, loadHid })())?.label).toBe(
      'hid:/dev/hidraw2',
    );
    expect(await hidTransportOpener({ path: '/dev/hidraw-denied', loadHid })()).toBeUndefined();
    expect(
      await hidTransportOpener({
        path: '/dev/hidraw0',
        loadHid: () => Promise.resolve(undefined),
      })(),
    ).toBeUndefined();
  });
});

describe('the real node-hid', () => {
  it('loads lazily with the hidraw backend, or is simply absent', async () => {
    const { loadNodeHid } = await import('./hid');
    const hid = await loadNodeHid();
    if (hid) expect(Array.isArray(hid.devices())).toBe(true);
    expect(await hidTransportOpener({ path: '/dev/hidraw-kiosk-absent' })()).toBeUndefined();
  });
});
