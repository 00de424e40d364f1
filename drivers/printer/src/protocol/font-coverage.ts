import iconv from 'iconv-lite';

/**
 * Which characters the printer's own font can draw. Chinese receipt printers carry one of two
 * fonts, and which one a unit has is configuration (the self-test page names it):
 *
 * - `gb2312`: the 7,445 characters of GB 2312 (EUC-CN rows A1–A9 symbols, B0–F7 hanzi, trail
 *   byte A1–FE). Many cheap units; 堃, 喆, 昇 and most rare surname characters are missing.
 * - `gb18030`: a GB 18030 "implementation level 1" font: everything in one or two bytes (the
 *   GBK repertoire) plus CJK Extension A (U+3400–U+4DBF, four bytes in GB 18030). Characters
 *   beyond the BMP (Extension B+, e.g. 𠀀) and the other four-byte scripts are not in it.
 *
 * What a font lacks would come out as `?` or garbage; the layout prints such lines as a picture
 * instead (see `layout/escpos-command.ts`).
 */
export type PrinterFont = 'gb18030' | 'gb2312';

export const PRINTER_FONTS: readonly PrinterFont[] = ['gb18030', 'gb2312'];

const EXT_A_FIRST = 0x3400;
const EXT_A_LAST = 0x4dbf;

function isPrivateUse(code: number): boolean {
  return (code >= 0xe000 && code <= 0xf8ff) || code >= 0xf0000;
}

/** Whether `font` draws `char` (one code point) from its own glyphs. */
export function fontHas(font: PrinterFont, char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return code >= 0x20 && code !== 0x7f;
  // User-defined areas (PUA) have no standard glyph in any printer font.
  if (isPrivateUse(code)) return false;
  const bytes = iconv.encode(char, 'gb18030');
  switch (font) {
    case 'gb18030':
      return bytes.length === 2 || (code >= EXT_A_FIRST && code <= EXT_A_LAST);
    case 'gb2312':
      return bytes.length === 2 && inGb2312((bytes[0] ?? 0) * 0x100 + (bytes[1] ?? 0));
  }
}

/**
 * The assigned cells of GB 2312 (EUC-CN). GBK and GB 18030 reuse the same codes and add more in
 * the same rows (small roman numerals A2A1–A2AA, € A2E3, vertical forms in row A6, ɑḿńňǹɡ
 * A8BB–A8C0), which a GB 2312 font does not have; hence a table, not a byte-range test.
 */
const GB2312_RANGES: readonly (readonly [number, number])[] = [
  [0xa1a1, 0xa1fe],
  [0xa2b1, 0xa2e2],
  [0xa2e5, 0xa2ee],
  [0xa2f1, 0xa2fc],
  [0xa3a1, 0xa3fe],
  [0xa4a1, 0xa4f3],
  [0xa5a1, 0xa5f6],
  [0xa6a1, 0xa6b8],
  [0xa6c1, 0xa6d8],
  [0xa7a1, 0xa7c1],
  [0xa7d1, 0xa7f1],
  [0xa8a1, 0xa8ba],
  [0xa8c5, 0xa8e9],
  [0xa9a4, 0xa9ef],
];

function inGb2312(code: number): boolean {
  const lead = code >> 8;
  const trail = code & 0xff;
  if (lead >= 0xb0 && lead <= 0xf7) {
    // Level 1 and 2 hanzi; row 55 (D7) ends at D7F9.
    return trail >= 0xa1 && trail <= 0xfe && !(lead === 0xd7 && trail > 0xf9);
  }
  return GB2312_RANGES.some(([first, last]) => code >= first && code <= last);
}

/** Whether every character of `text` is in `font`. */
export function fontCovers(font: PrinterFont, text: string): boolean {
  for (const char of text) if (!fontHas(font, char)) return false;
  return true;
}
