import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textColumns } from '../protocol/text-width';
import { EscPosTokenizer } from '../stream/escpos-tokenizer';
import { PrintEngine } from '../stream/print-engine';
import { escapeText, ReceiptMarkup } from './markup';
import { encodeMarkup } from './render';

/** Markup → our ESC/POS → the simulated printer's lines. */
function printedLines(markup: string, paperWidth: 80 | 58 = 80) {
  const engine = new PrintEngine(() => new Date(0), paperWidth);
  const job = encodeMarkup(markup, { paperWidth, font: 'gb18030' });
  return new EscPosTokenizer()
    .push(job)
    .flatMap((t) => engine.apply(t)?.receipt ?? [])
    .flatMap((r) => r.lines)
    .filter((l) => l.text !== '');
}

describe('receiptline markup builder', () => {
  it('escapes what receiptline would read as markup, so text prints as given', () => {
    const tricky = 'a|b{c}d_e"f`g^h~i\\j';
    expect(escapeText(tricky)).toBe('a\\|b\\{c\\}d\\_e\\"f\\`g\\^h\\~i\\\\j');
    expect(printedLines(new ReceiptMarkup(48).text(tricky).toString())[0]?.text).toBe(tricky);
    // A line of dashes would be a rule, leading spaces would be trimmed.
    expect(printedLines(new ReceiptMarkup(48).text('---').toString())[0]?.text).toBe('---');
    expect(printedLines(new ReceiptMarkup(48).text('  缩进').toString())[0]?.text).toBe('  缩进');
  });

  it('prints any text back unchanged (property)', () => {
    const chars = fc.constantFrom(...'办件回执ABC xyz 0123|{}_"`^~\\-=：，（）'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 40 }), (list) => {
        const text = list.join('').trim();
        if (text === '') return;
        const lines = printedLines(new ReceiptMarkup(48).text(text).toString());
        // Spaces at a line break are dropped; everything else comes back in order.
        const back = lines.map((l) => l.text).join('');
        expect(back.replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }),
      { numRuns: 60 },
    );
  });

  it('aligns by ESC a and sizes by GS !, as the style says', () => {
    const doc = new ReceiptMarkup(48)
      .text('办件回执', { align: 'center', bold: true, size: 'double' })
      .text('右', { align: 'right' })
      .text('高', { size: 'tall' })
      .text('宽', { size: 'wide' })
      .text('B023', { align: 'center', size: 4 });
    expect(printedLines(doc.toString())).toEqual([
      { text: '办件回执', align: 'center', bold: true, scale: 2, width: 2, height: 2 },
      { text: '右', align: 'right', bold: false, scale: 1, width: 1, height: 1 },
      { text: '高', align: 'left', bold: false, scale: 2, width: 1, height: 2 },
      { text: '宽', align: 'left', bold: false, scale: 2, width: 2, height: 1 },
      { text: 'B023', align: 'center', bold: false, scale: 4, width: 4, height: 4 },
    ]);
  });

  it('wraps mixed Chinese and Latin without splitting a character or a Latin word', () => {
    const text =
      '城乡居民基本医疗保险参保登记（含 Medical Insurance 变更）和 ABCDEFGHIJ 0123456789';
    for (const paperWidth of [80, 58] as const) {
      const columns = paperWidth === 80 ? 48 : 32;
      const lines = printedLines(new ReceiptMarkup(columns).text(text).toString(), paperWidth);
      for (const line of lines) expect(textColumns(line.text)).toBeLessThanOrEqual(columns);
      expect(
        lines
          .map((l) => l.text)
          .join('')
          .replace(/ /g, ''),
      ).toBe(text.replace(/ /g, ''));
      expect(lines.length).toBeGreaterThan(1);
      const words = lines.flatMap((l) => l.text.match(/[A-Za-z0-9]+/g) ?? []);
      expect(words).toEqual(
        expect.arrayContaining(['Medical', 'Insurance', 'ABCDEFGHIJ', '0123456789']),
      );
    }
  });

  it('indents a field value under itself when it wraps', () => {
    const doc = new ReceiptMarkup(32).field(
      '办理事项',
      '城乡居民基本养老保险参保登记及个人账户转移接续',
    );
    const lines = printedLines(doc.toString(), 58).map((l) => l.text);
    expect(lines[0]).toBe('办理事项：城乡居民基本养老保险参');
    expect(lines.slice(1)).toEqual([
      `${' '.repeat(10)}保登记及个人账户转移接`,
      `${' '.repeat(10)}续`,
    ]);
  });
});
