import QRCode from 'qrcode';
import receiptline from 'receiptline';
import { CELL_WIDTH, type GlyphRun } from './sheet';

/**
 * Geometry the printer model needs to place what it prints: the modules of a QR symbol, the bars
 * of a Code128 symbol, the width of a run of text in printer cells.
 */

/** QR modules (true = dark) as a printer encodes the stored bytes: byte mode, given level. */
export function qrModules(data: Uint8Array, level: 'L' | 'M' | 'Q' | 'H'): boolean[][] {
  const symbol = QRCode.create([{ data, mode: 'byte' }], { errorCorrectionLevel: level });
  const count = symbol.modules.size;
  return Array.from({ length: count }, (_, row) =>
    Array.from({ length: count }, (_, col) => symbol.modules.get(row, col) === 1),
  );
}

/** Code128 widths in dots: quiet zone, bar, space, …, bar, quiet zone (receiptline's encoder). */
export function code128Bars(data: string, moduleWidth: number): number[] {
  return receiptline.barcode.generate({
    data,
    type: 'code128',
    width: moduleWidth,
    height: 1,
    hri: false,
    quietZone: false,
  }).widths;
}

/** Dots a run takes: in Chinese mode characters ≥ U+0080 are two cells, the rest one. */
export function runWidth(run: Pick<GlyphRun, 'text' | 'width' | 'chinese'>): number {
  let width = 0;
  for (const char of run.text) {
    const wide = run.chinese && (char.codePointAt(0) ?? 0) >= 0x80;
    width += (wide ? 2 : 1) * CELL_WIDTH * run.width;
  }
  return width;
}

/** The runs of a line as text; a gap left by ESC $ becomes spaces (12-dot cells). */
export function lineText(runs: readonly GlyphRun[]): string {
  let text = '';
  let x = 0;
  for (const run of runs) {
    const gap = Math.round((run.x - x) / CELL_WIDTH);
    if (gap > 0) text += ' '.repeat(gap);
    text += run.text;
    x = run.x + runWidth(run);
  }
  return text;
}
