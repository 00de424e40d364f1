import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textColumns, wrapText } from './text-width';

describe('receipt text width', () => {
  it('counts ASCII as one column and everything else as two', () => {
    expect(textColumns('abc')).toBe(3);
    expect(textColumns('办件')).toBe(4);
    expect(textColumns('查询码：123456')).toBe(14);
    expect(textColumns('\u{20000}')).toBe(2);
  });

  it('wraps mixed Chinese and Latin without splitting words or characters', () => {
    const text = '居民身份证 ID card 换领 renewal（到期换证）application form 2025';
    const at16 = wrapText(text, 16);
    expect(at16).toEqual([
      '居民身份证 ID',
      'card 换领',
      'renewal（到期换',
      '证）application',
      'form 2025',
    ]);
    for (const line of at16) expect(textColumns(line)).toBeLessThanOrEqual(16);
  });

  it('does not put a hanzi astride a line end', () => {
    expect(wrapText('a办件回执', 4)).toEqual(['a办', '件回', '执']);
  });

  it('breaks a word longer than a line', () => {
    expect(wrapText('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('keeps explicit newlines and an empty text as one empty line', () => {
    expect(wrapText('甲\n乙', 10)).toEqual(['甲', '乙']);
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('never exceeds the width and never loses a non-space character', () => {
    const char = fc.constantFrom('a', 'Z', '9', ' ', '-', '办', '件', '：', '·', '\u{20000}');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 120 }),
        fc.integer({ min: 2, max: 48 }),
        (chars, columns) => {
          const text = chars.join('');
          const lines = wrapText(text, columns);
          for (const line of lines) expect(textColumns(line)).toBeLessThanOrEqual(columns);
          expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
        },
      ),
    );
  });
});
