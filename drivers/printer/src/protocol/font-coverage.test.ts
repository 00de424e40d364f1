import { describe, expect, it } from 'vitest';
import { fontCovers, fontHas } from './font-coverage';

describe('printer font coverage', () => {
  it.each([
    // char, in GB 2312, in a GB 18030 level-1 font
    ['A', true, true],
    ['中', true, true],
    ['：', true, true], // full-width colon A3BA
    ['─', true, true], // box drawing A9A4
    ['堃', false, true], // GBK 88D2
    ['喆', false, true],
    ['昇', false, true],
    ['€', false, true], // A2E3: GB 18030 only
    ['ⅰ', false, true], // A2A1: small roman numerals, GBK addition
    ['ɑ', false, true], // A8BB: GBK addition in the pinyin row
    ['䶮', false, true], // U+4DAE: Extension A, FE9F in GB 18030-2005
    ['㐀', false, true], // U+3400: Extension A, four bytes
    ['\u{20000}', false, false], // Extension B
    ['😀', false, false],
    ['\ue000', false, false], // private use
    ['\u0e01', false, false], // Thai: 4 bytes, not in the font
  ])('%s: gb2312 %s, gb18030 %s', (char, gb2312, gb18030) => {
    expect(fontHas('gb2312', char)).toBe(gb2312);
    expect(fontHas('gb18030', char)).toBe(gb18030);
  });

  it('knows the last cell of GB 2312 row 55 (D7F9 is the last hanzi there)', () => {
    expect(fontHas('gb2312', '座')).toBe(true); // D7F9
  });

  it('covers a text only when it covers every character', () => {
    expect(fontCovers('gb2312', '办件回执 Case 12')).toBe(true);
    expect(fontCovers('gb2312', '王堃')).toBe(false);
    expect(fontCovers('gb18030', '王堃')).toBe(true);
  });
});
