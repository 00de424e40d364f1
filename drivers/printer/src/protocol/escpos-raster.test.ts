import { describe, expect, it } from 'vitest';
import {
  bitAt,
  bitmapFromRgba,
  blankBitmap,
  rasterImage,
  RASTER_MAX_ROWS,
  type Bitmap,
} from './escpos-raster';
import { toHex } from '../../../transport/src/hex';

describe('GS v 0 raster bit image', () => {
  it('is GS v 0 m xL xH yL yH then the rows, MSB leftmost', () => {
    const bitmap: Bitmap = { width: 16, height: 2, bits: Uint8Array.of(0x80, 0x01, 0xff, 0x00) };
    expect(toHex(rasterImage(bitmap))).toBe('1D 76 30 00 02 00 02 00 80 01 FF 00');
  });

  it('rounds the width up to whole bytes and puts a full 80 mm line in 72 bytes', () => {
    const line = blankBitmap(576, 24);
    expect(toHex(rasterImage(line).subarray(0, 8))).toBe('1D 76 30 00 48 00 18 00');
    expect(blankBitmap(10, 1).bits.length).toBe(2);
  });

  it('splits tall pictures into bands the printer takes', () => {
    const tall = blankBitmap(8, RASTER_MAX_ROWS + 5);
    const bytes = rasterImage(tall);
    expect(toHex(bytes.subarray(0, 8))).toBe('1D 76 30 00 01 00 FF 08');
    const second = 8 + RASTER_MAX_ROWS;
    expect(toHex(bytes.subarray(second, second + 8))).toBe('1D 76 30 00 01 00 05 00');
  });

  it('thresholds RGBA on white: dark opaque pixels are dots, transparent ones are not', () => {
    // 3×1: black opaque, black fully transparent, mid grey (127) opaque
    const rgba = Uint8Array.of(0, 0, 0, 255, 0, 0, 0, 0, 127, 127, 127, 255);
    const bitmap = bitmapFromRgba(rgba, 3, 1);
    expect([0, 1, 2].map((x) => bitAt(bitmap, x, 0))).toEqual([true, false, true]);
    expect(() => bitmapFromRgba(rgba, 2, 1)).toThrow(RangeError);
  });
});
