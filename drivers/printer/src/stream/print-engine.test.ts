import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../protocol/escpos-builder';
import { blankBitmap } from '../protocol/escpos-raster';
import { EscPosTokenizer } from './escpos-tokenizer';
import { jobPaperLengthMm } from './paper-length';
import { CUTTER_OFFSET_DOTS, PrintEngine, type PrintedSheet } from './print-engine';

function print(job: Uint8Array, paperWidth: 80 | 58 = 80, font: 'gb18030' | 'gb2312' = 'gb18030') {
  const engine = new PrintEngine(() => new Date(0), paperWidth, font);
  const out: PrintedSheet[] = [];
  for (const token of new EscPosTokenizer().push(job)) {
    const printed = engine.apply(token);
    if (printed) out.push(printed);
  }
  return { engine, out };
}

describe('print engine geometry', () => {
  it('centres a line on the paper by its printed width (CJK two cells, magnified)', () => {
    const job = new EscPosBuilder()
      .chineseMode(true)
      .align('center')
      .size(2, 2)
      .line('回执')
      .partialCut()
      .build();
    const sheet = print(job).out[0]!.sheet;
    // 2 characters × 24 dots × 2 = 96 dots wide, centred on 576: x = 240; 48 dots tall.
    expect(sheet.elements[0]).toMatchObject({ kind: 'text', y: 0, height: 48, runs: [{ x: 240 }] });
    expect(print(job, 58).out[0]!.sheet.elements[0]).toMatchObject({ runs: [{ x: 144 }] });
  });

  it('places ESC $ runs at their dots and shows the gap as spaces in the text', () => {
    const job = new EscPosBuilder()
      .chineseMode(true)
      .position(0)
      .text('名称')
      .position(24 * 12)
      .text('12.00')
      .line()
      .partialCut()
      .build();
    const { receipt, sheet } = print(job).out[0]!;
    expect(receipt.lines[0]?.text).toBe(`名称${' '.repeat(20)}12.00`);
    expect(sheet.elements[0]).toMatchObject({ runs: [{ x: 0 }, { x: 288 }] });
  });

  it('advances by line spacing, the taller characters, QR size and picture height', () => {
    const job = new EscPosBuilder()
      .chineseMode(true)
      .lineSpacing(30)
      .line('a') // 30
      .size(1, 2)
      .line('b') // 48
      .size(1, 1)
      .qrCode('CASE:1:2', { moduleSize: 4 }) // version 1 (21 modules) × 4 = 84
      .image(blankBitmap(576, 10)) // 10
      .partialCut(8) // 8 + cutter offset
      .build();
    const { receipt, sheet } = print(job).out[0]!;
    const expected = 30 + 48 + 84 + 10 + 8 + CUTTER_OFFSET_DOTS;
    expect(sheet.length).toBe(expected);
    expect(receipt.lengthMm).toBe(Math.round((expected / 8) * 10) / 10);
    expect(jobPaperLengthMm(job)).toBe(receipt.lengthMm);
  });

  it('prints "?" for a character the modelled unit lacks, as a GB 2312 unit does', () => {
    const job = new EscPosBuilder().chineseMode(true).line('王堃').partialCut().build();
    expect(print(job, 80, 'gb2312').out[0]!.receipt.lines[0]?.text).toBe('王?');
    expect(print(job, 80, 'gb18030').out[0]!.receipt.lines[0]?.text).toBe('王堃');
  });

  it('tears off a receipt cut short: nothing of it is ever emitted', () => {
    const { engine } = print(new EscPosBuilder().chineseMode(true).line('前一半').build());
    engine.tear();
    const rest = new EscPosBuilder().line('后一半').partialCut().build();
    const printed = new EscPosTokenizer().push(rest).flatMap((t) => engine.apply(t) ?? []);
    expect(printed[0]?.receipt.lines.map((l) => l.text)).toEqual(['后一半']);
  });
});
