import createDebug from 'debug';
import { bitmapFromRgba, type Bitmap } from '../protocol/escpos-raster';
import type { RasterLine, TextRasteriser } from '../layout/text-rasteriser';
import { glyphsSvg, svgDocument } from './glyph-svg';
import { createSvgRenderer, findCjkFontFiles, type SvgRenderer } from './svg-renderer';

const debug = createDebug('kiosk:printer');

/**
 * The rasteriser for characters the printer's font lacks: the line is drawn as SVG in printer
 * cells with a system CJK font (see CJK_FONT_SETS; WenQuanYi, Droid Sans Fallback and Noto Sans
 * CJK all cover GB 18030 level 1 incl. Extension A), turned into pixels by resvg and thresholded.
 *
 * Why resvg and not receiptline's SVG or pre-made glyph bitmaps: receiptline's SVG positions text
 * with `dominant-baseline`, which resvg places differently from browsers; our own cell SVG puts
 * every glyph exactly where the printer would. Glyph bitmaps would need a bitmap font covering
 * GB 18030, which no distribution ships; an outline font at 24 px thresholds cleanly.
 * A character no loaded font has prints as the font's empty box, never as '?'.
 */
export function createResvgRasteriser(renderer: SvgRenderer): TextRasteriser {
  return {
    rasteriseLine(line: RasterLine): Bitmap {
      const svg = svgDocument(line.width, line.height, glyphsSvg(line.runs, line.textHeight));
      const picture = renderer.render(svg);
      return bitmapFromRgba(picture.rgba, picture.width, picture.height);
    },
    decodePng(base64: string): Bitmap {
      const { width, height } = pngSize(Buffer.from(base64, 'base64'));
      const svg =
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
        `<image width="${width}" height="${height}" href="data:image/png;base64,${base64}"/></svg>`;
      const picture = renderer.render(svg);
      return bitmapFromRgba(picture.rgba, picture.width, picture.height);
    },
  };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) {
    throw new RangeError('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let cached: { rasteriser: TextRasteriser | undefined } | undefined;

/** The machine's rasteriser (first call looks for CJK fonts); `undefined` without any. */
export function defaultTextRasteriser(): TextRasteriser | undefined {
  if (!cached) {
    const fontFiles = findCjkFontFiles();
    if (fontFiles.length === 0) debug('no CJK font found: lacking characters will print as □');
    cached = {
      rasteriser:
        fontFiles.length > 0 ? createResvgRasteriser(createSvgRenderer({ fontFiles })) : undefined,
    };
  }
  return cached.rasteriser;
}
