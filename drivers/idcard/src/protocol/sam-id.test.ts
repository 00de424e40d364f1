import { describe, expect, it } from 'vitest';
import { decodeSamId, encodeSamId } from './sam-id';
import { describeSw3, sw3Name } from './status-codes';
import { toHex } from '../../../transport/src/hex';

describe('SAM id', () => {
  it('decodes the 16 little-endian bytes the way vendor tools print them', () => {
    const bytes = encodeSamId('05.01-20240101-0000000001-0000000042');
    expect(toHex(bytes)).toBe('05 00 01 00 E5 D6 34 01 01 00 00 00 2A 00 00 00');
    expect(decodeSamId(bytes)).toEqual({ ok: true, value: '05.01-20240101-0000000001-0000000042' });
  });

  it('refuses a reply of the wrong length', () => {
    expect(decodeSamId(new Uint8Array(15))).toEqual({ ok: false, error: { code: 'bad-sam-id' } });
  });
});

describe('SW3 status codes', () => {
  it('names every documented code and says so when one is not', () => {
    expect(sw3Name(0x9f)).toBe('cardFound');
    expect(describeSw3(0x41)).toBe('SW3 41 (card read failed)');
    expect(describeSw3(0x66)).toBe('SW3 66 (SAM not authorised)');
    expect(describeSw3(0x55)).toBe('SW3 55 (undocumented)');
  });
});
