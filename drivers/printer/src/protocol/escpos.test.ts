import { describe, expect, it } from 'vitest';
import {
  absolutePosition,
  align,
  bold,
  characterSize,
  chineseModeOff,
  chineseModeOn,
  defaultLineSpacing,
  encodeText,
  feedDots,
  feedLines,
  initialize,
  lineFeed,
  lineSpacing,
  partialCutAfterFeed,
  transmitPaperStatus,
  transmitPrinterId,
} from './escpos';
import { EscPosBuilder } from './escpos-builder';
import { toHex } from '../../../transport/src/hex';

describe('ESC/POS text and motion commands (hex vectors)', () => {
  it.each([
    ['ESC @ initialise', initialize(), '1B 40'],
    ['FS & Chinese mode', chineseModeOn(), '1C 26'],
    ['FS . cancel Chinese mode', chineseModeOff(), '1C 2E'],
    ['GS ! double', characterSize(2, 2), '1D 21 11'],
    ['GS ! double height', characterSize(1, 2), '1D 21 01'],
    ['GS ! double width', characterSize(2, 1), '1D 21 10'],
    ['GS ! 4×4', characterSize(4, 4), '1D 21 33'],
    ['GS ! 8×8', characterSize(8, 8), '1D 21 77'],
    ['GS ! normal', characterSize(1, 1), '1D 21 00'],
    ['ESC E on', bold(true), '1B 45 01'],
    ['ESC E off', bold(false), '1B 45 00'],
    ['ESC a left', align('left'), '1B 61 00'],
    ['ESC a center', align('center'), '1B 61 01'],
    ['ESC a right', align('right'), '1B 61 02'],
    ['ESC 3 30 line spacing', lineSpacing(30), '1B 33 1E'],
    ['ESC 2 default spacing', defaultLineSpacing(), '1B 32'],
    ['ESC $ 300 dots', absolutePosition(300), '1B 24 2C 01'],
    ['LF', lineFeed(), '0A'],
    ['ESC d 3 feed lines', feedLines(3), '1B 64 03'],
    ['ESC J 24 feed dots', feedDots(24), '1B 4A 18'],
    ['GS V 66 0 partial cut', partialCutAfterFeed(0), '1D 56 42 00'],
    ['GS V 66 40 feed then cut', partialCutAfterFeed(40), '1D 56 42 28'],
    ['GS r 1 paper status', transmitPaperStatus(), '1D 72 01'],
    ['GS I 65 firmware', transmitPrinterId(65), '1D 49 41'],
  ])('%s', (_, bytes, expected) => {
    expect(toHex(bytes)).toBe(expected);
  });

  it('encodes text as GB18030: ASCII 1 byte, hanzi 2, Extension A and B 4', () => {
    expect(toHex(encodeText('A1'))).toBe('41 31');
    expect(toHex(encodeText('中文'))).toBe('D6 D0 CE C4');
    expect(toHex(encodeText('办件回执'))).toBe('B0 EC BC FE BB D8 D6 B4');
    expect(toHex(encodeText('堃'))).toBe('88 D2'); // GBK, not GB 2312
    expect(toHex(encodeText('㐀'))).toBe('81 39 EE 39'); // Extension A, four bytes
    expect(toHex(encodeText('\u{20000}'))).toBe('95 32 82 36');
    expect(() => encodeText('a\u0007')).toThrow(RangeError);
  });

  it('refuses out-of-range arguments', () => {
    expect(() => characterSize(0, 1)).toThrow(RangeError);
    expect(() => characterSize(9, 1)).toThrow(RangeError);
    expect(() => feedLines(256)).toThrow(RangeError);
    expect(() => lineSpacing(-1)).toThrow(RangeError);
    expect(() => absolutePosition(70_000)).toThrow(RangeError);
    expect(() => partialCutAfterFeed(1.5)).toThrow(RangeError);
  });

  it('the builder concatenates in order', () => {
    const job = new EscPosBuilder()
      .initialize()
      .chineseMode(true)
      .lineSpacing(30)
      .align('center')
      .line('回执')
      .position(24)
      .feedDots(8)
      .partialCut()
      .build();
    expect(toHex(job)).toBe(
      '1B 40 1C 26 1B 33 1E 1B 61 01 BB D8 D6 B4 0A 1B 24 18 00 1B 4A 08 1D 56 42 00',
    );
  });
});
