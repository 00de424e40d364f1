import { describe, expect, it } from 'vitest';
import {
  align,
  bold,
  characterSize,
  chineseModeOff,
  chineseModeOn,
  EscPosBuilder,
  encodeText,
  feedLines,
  initialize,
  lineFeed,
  partialCutAfterFeed,
  qrCode,
} from './escpos';
import { toHex } from '../../../transport/src/hex';

describe('ESC/POS encoders (hex vectors)', () => {
  it.each([
    ['ESC @', initialize(), '1B 40'],
    ['FS &', chineseModeOn(), '1C 26'],
    ['FS .', chineseModeOff(), '1C 2E'],
    ['GS ! double', characterSize(2, 2), '1D 21 11'],
    ['GS ! double height', characterSize(1, 2), '1D 21 01'],
    ['GS ! double width', characterSize(2, 1), '1D 21 10'],
    ['GS ! normal', characterSize(1, 1), '1D 21 00'],
    ['ESC E on', bold(true), '1B 45 01'],
    ['ESC E off', bold(false), '1B 45 00'],
    ['ESC a left', align('left'), '1B 61 00'],
    ['ESC a center', align('center'), '1B 61 01'],
    ['ESC a right', align('right'), '1B 61 02'],
    ['LF', lineFeed(), '0A'],
    ['ESC d 3', feedLines(3), '1B 64 03'],
    ['GS V 66 0', partialCutAfterFeed(0), '1D 56 42 00'],
    ['GS V 66 40', partialCutAfterFeed(40), '1D 56 42 28'],
  ])('%s', (_, bytes, expected) => {
    expect(toHex(bytes)).toBe(expected);
  });

  it('encodes text as GB18030: ASCII 1 byte, hanzi 2, rare characters 4', () => {
    expect(toHex(encodeText('A1'))).toBe('41 31');
    expect(toHex(encodeText('中文'))).toBe('D6 D0 CE C4');
    expect(toHex(encodeText('办件回执'))).toBe('B0 EC BC FE BB D8 D6 B4');
    expect(toHex(encodeText('\u{20000}'))).toBe('95 32 82 36');
    expect(() => encodeText('a\u0007')).toThrow(RangeError);
  });

  it('encodes a QR code with GS ( k functions 165, 167, 169, 180, 181', () => {
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

  it('refuses out-of-range arguments', () => {
    expect(() => characterSize(0, 1)).toThrow(RangeError);
    expect(() => characterSize(9, 1)).toThrow(RangeError);
    expect(() => feedLines(256)).toThrow(RangeError);
    expect(() => qrCode('')).toThrow(RangeError);
  });

  it('the builder concatenates in order', () => {
    const job = new EscPosBuilder()
      .initialize()
      .chineseMode(true)
      .align('center')
      .line('回执')
      .partialCut()
      .build();
    expect(toHex(job)).toBe('1B 40 1C 26 1B 61 01 BB D8 D6 B4 0A 1D 56 42 00');
  });
});
