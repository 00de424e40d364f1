import { describe, expect, it } from 'vitest';
import { bitAt, type Bitmap } from '../protocol/escpos-raster';
import { createResvgRasteriser, pngSize } from './resvg-rasteriser';
import { createSvgRenderer, findCjkFontFiles } from './svg-renderer';

const fonts = findCjkFontFiles();

function darkColumns(bitmap: Bitmap): number[] {
  const columns: number[] = [];
  for (let x = 0; x < bitmap.width; x++) {
    for (let y = 0; y < bitmap.height; y++) {
      if (bitAt(bitmap, x, y)) {
        columns.push(x);
        break;
      }
    }
  }
  return columns;
}

describe.skipIf(fonts.length === 0)('resvg rasteriser (system CJK font)', () => {
  const rasteriser = createResvgRasteriser(createSvgRenderer({ fontFiles: fonts }));

  it('draws each character inside its printer cell, at the size asked', () => {
    const bitmap = rasteriser.rasteriseLine({
      width: 576,
      height: 30,
      textHeight: 24,
      runs: [{ x: 48, text: '堃A', width: 1, height: 1, bold: false }],
    });
    expect(bitmap).toMatchObject({ width: 576, height: 30 });
    const columns = darkColumns(bitmap);
    // 堃 in the 24-dot cell at 48..71, A in the 12-dot cell at 72..83 (a Latin face wider than
    // half an em may overhang its cell by a dot); nothing elsewhere.
    expect(columns.length).toBeGreaterThan(10);
    expect(Math.min(...columns)).toBeGreaterThanOrEqual(47);
    expect(Math.max(...columns)).toBeLessThanOrEqual(85);
    expect(columns.some((x) => x >= 72)).toBe(true);
  });

  it('magnifies: a 2×2 character fills about four times the dots', () => {
    const count = (width: number, height: number) => {
      const bitmap = rasteriser.rasteriseLine({
        width: 96,
        height: 48,
        textHeight: 24 * height,
        runs: [{ x: 0, text: '堃', width, height, bold: false }],
      });
      let dots = 0;
      for (let y = 0; y < bitmap.height; y++)
        for (let x = 0; x < 96; x++) dots += bitAt(bitmap, x, y) ? 1 : 0;
      return dots;
    };
    const ratio = count(2, 2) / count(1, 1);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5);
  });

  it('reads a PNG’s size from its header and turns it into dots', () => {
    const png = createSvgRenderer({ fontFiles: fonts })
      .render(
        '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="4"><rect width="8" height="4"/></svg>',
      )
      .png();
    expect(pngSize(png)).toEqual({ width: 16, height: 4 });
    const bitmap = rasteriser.decodePng(png.toString('base64'));
    expect([bitAt(bitmap, 0, 0), bitAt(bitmap, 7, 3), bitAt(bitmap, 8, 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(() => pngSize(Buffer.from('nope'))).toThrow(RangeError);
  });
});
