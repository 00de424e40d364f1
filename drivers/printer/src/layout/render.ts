import receiptline from 'receiptline';
import type { PrinterFont } from '../protocol/font-coverage';
import { createEscPosCommand } from './escpos-command';
import type { TextRasteriser } from './text-rasteriser';

/**
 * One receiptline document, two renderings: ESC/POS for the printer (our command set, see
 * `escpos-command.ts`) and SVG for the screen (receiptline's own). Both get the same columns and
 * line spacing, so the on-screen receipt has the paper's line breaks.
 */
export type PaperWidth = 80 | 58;

/** Half-width columns per line with Font A (12 dots): 576 / 12 at 80 mm, 384 / 12 at 58 mm. */
export const COLUMNS: Record<PaperWidth, number> = { 80: 48, 58: 32 };

/**
 * 30 dots (3.75 mm) from line to line: 24-dot characters and a 6-dot gap, receiptline's SVG
 * spacing (`spacing: true`, 2.5 × 12) so paper and screen match.
 */
export const LINE_SPACING_DOTS = 30;

export interface MarkupRenderOptions {
  paperWidth: PaperWidth;
  /** Which characters the printer draws itself (configuration; see font-coverage.ts). */
  font: PrinterFont;
  /** Draws the lines the font cannot; none: missing characters print as □. */
  rasteriser?: TextRasteriser;
  /** Dots fed past the cutter before the partial cut (GS V 66 n). */
  cutFeedDots?: number;
}

export function encodeMarkup(markup: string, options: MarkupRenderOptions): Uint8Array {
  const command = createEscPosCommand({
    font: options.font,
    lineSpacingDots: LINE_SPACING_DOTS,
    cutFeedDots: options.cutFeedDots ?? 0,
    ...(options.rasteriser ? { rasteriser: options.rasteriser } : {}),
  });
  const bytes = receiptline.transform(markup, {
    cpl: COLUMNS[options.paperWidth],
    encoding: 'gb18030',
    spacing: true,
    cutting: true,
    command,
  });
  return new Uint8Array(Buffer.from(bytes, 'latin1'));
}

/**
 * The same document as an SVG string (width = paper dots), for the screen. White background, so
 * it looks like paper on any theme; text in the page's monospace font with `lang="zh-Hans"`.
 */
export function markupToSvg(markup: string, paperWidth: PaperWidth): string {
  const svg = receiptline.transform(markup, {
    cpl: COLUMNS[paperWidth],
    encoding: 'gb18030',
    spacing: true,
  });
  return svg.replace(/(<svg[^>]*>)/, '$1<rect width="100%" height="100%" fill="#fff"/>');
}
