import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code128, code128Data, decodeCode128Data, qrCode } from './escpos-symbols';
import { toHex } from '../../../transport/src/hex';

describe('QR code: GS ( k (cn 49)', () => {
  it('selects model 2, module size, error correction M, stores, prints', () => {
    expect(toHex(qrCode('CASE:1:2'))).toBe(
      [
        '1D 28 6B 04 00 31 41 32 00', // 165 model 2
        '1D 28 6B 03 00 31 43 06', // 167 module size 6
        '1D 28 6B 03 00 31 45 31', // 169 error correction M
        '1D 28 6B 0B 00 31 50 30 43 41 53 45 3A 31 3A 32', // 180 store, pL = 8 + 3
        '1D 28 6B 03 00 31 51 30', // 181 print
      ].join(' '),
    );
    expect(toHex(qrCode('x', { moduleSize: 4, errorCorrection: 'H' })).slice(27, 62)).toBe(
      '1D 28 6B 03 00 31 43 04 1D 28 6B 03',
    );
  });

  it('puts pH to work for payloads over 252 bytes', () => {
    const store = qrCode('9'.repeat(300)).subarray(25, 33);
    expect(toHex(store)).toBe('1D 28 6B 2F 01 31 50 30'); // 303 = 0x012F
  });

  it('refuses an empty payload and impossible module sizes', () => {
    expect(() => qrCode('')).toThrow(RangeError);
    expect(() => qrCode('x', { moduleSize: 17 })).toThrow(RangeError);
  });
});

describe('Code128: GS k 73', () => {
  it('sets height, module width and HRI, then the data with its code set', () => {
    expect(toHex(code128('AB-1', { moduleWidth: 2, height: 48 }))).toBe(
      '1D 68 30 1D 77 02 1D 48 00 1D 6B 49 06 7B 42 41 42 2D 31',
    );
  });

  it('packs an even run of digits in code set C, two per byte', () => {
    expect(toHex(code128Data('370102'))).toBe('7B 43 25 01 02');
    expect(toHex(code128('0123', { hri: true }))).toBe(
      '1D 68 40 1D 77 02 1D 48 02 1D 6B 49 04 7B 43 01 17',
    );
  });

  it('doubles `{` in code set B and refuses what Code128 B cannot carry', () => {
    expect(toHex(code128Data('a{b'))).toBe('7B 42 61 7B 7B 62');
    expect(() => code128Data('办件')).toThrow(RangeError);
    expect(() => code128Data('')).toThrow(RangeError);
    expect(() => code128('1', { moduleWidth: 7 })).toThrow(RangeError);
  });

  it('decodes back to the same data (the simulator side)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x20-\x7e]{1,40}$/), (data) => {
        expect(decodeCode128Data(code128Data(data))).toBe(data);
      }),
    );
  });
});
