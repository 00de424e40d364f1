import { describe, expect, it } from 'vitest';
import { listSerialPaths } from './serial-list';

const list = () =>
  Promise.resolve([
    { path: '/dev/ttyS0' },
    { path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' },
    { path: '/dev/ttyUSB1', vendorId: '1A86', productId: '7523' },
    { path: '/dev/ttyACM0', vendorId: '0400', productId: 'c35a' },
  ]);

describe('serial ports by USB id', () => {
  it('matches vendor (and product) ids, hex in any case; built-in UARTs never match', async () => {
    expect(await listSerialPaths({ vendorId: 0x1a86, productId: 0x7523, list })).toEqual([
      '/dev/ttyUSB0',
      '/dev/ttyUSB1',
    ]);
    expect(await listSerialPaths({ vendorId: 0x0400, list })).toEqual(['/dev/ttyACM0']);
    expect(await listSerialPaths({ vendorId: 0x9999, list })).toEqual([]);
  });

  it('a listing failure is no candidates, not an exception', async () => {
    expect(
      await listSerialPaths({ vendorId: 1, list: () => Promise.reject(new Error('udev')) }),
    ).toEqual([]);
  });

  it('the real listing works on this machine', async () => {
    expect(Array.isArray(await listSerialPaths({ vendorId: 0xffff }))).toBe(true);
  });
});
