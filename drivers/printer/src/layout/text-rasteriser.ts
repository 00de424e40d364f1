import type { Bitmap } from '../protocol/escpos-raster';

/**
 * Draws text as dots, for the characters the printer's font lacks. Injected into the layout so
 * the encoder stays pure; `raster/resvg-rasteriser.ts` is the implementation (system CJK fonts
 * through resvg).
 */
export interface RasterRun {
  /** Dots from the left edge of the picture to the run's first character cell. */
  x: number;
  text: string;
  /** Magnifications (GS !): cells are 12·width (Latin) or 24·width (CJK) by 24·height dots. */
  width: number;
  height: number;
  bold: boolean;
}

export interface RasterLine {
  /** Dots across (the whole paper line: 576 or 384). */
  width: number;
  /** Dots down: the line's height including its spacing, so the picture keeps the rhythm. */
  height: number;
  /** Text sits on the bottom of `textHeight` (24 · tallest magnification). */
  textHeight: number;
  runs: RasterRun[];
}

export interface TextRasteriser {
  rasteriseLine(line: RasterLine): Bitmap;
  /** A PNG (base64) as dots, for `{image:…}` in templates. */
  decodePng(base64: string): Bitmap;
}
