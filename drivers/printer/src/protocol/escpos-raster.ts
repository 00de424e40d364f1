import { GS } from './escpos';

/**
 * 1-bit pictures for GS v 0 (print raster bit image): rows of `ceil(width / 8)` bytes, most
 * significant bit leftmost, 1 = black dot. We use it for text the printer's font cannot draw
 * (a rare character in a name or an address), so the resident never gets a `?`.
 */
export interface Bitmap {
  /** Dots across; 576 fill an 80 mm line, 384 a 58 mm one. */
  width: number;
  /** Dots down (rows). */
  height: number;
  /** `bytesPerRow(width) * height` bytes. */
  bits: Uint8Array;
}

export const bytesPerRow = (width: number): number => Math.ceil(width / 8);

/** A blank bitmap (all white). */
export function blankBitmap(width: number, height: number): Bitmap {
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 1) {
    throw new RangeError(`bitmap ${width}×${height}`);
  }
  return { width, height, bits: new Uint8Array(bytesPerRow(width) * height) };
}

export function bitAt(bitmap: Bitmap, x: number, y: number): boolean {
  const byte = bitmap.bits[y * bytesPerRow(bitmap.width) + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

/**
 * RGBA pixels (what a renderer gives) to dots: black where the pixel, composited on white, is
 * darker than `threshold` (0..255). Plain thresholding, no dithering: the pictures are text.
 */
export function bitmapFromRgba(
  rgba: Uint8Array,
  width: number,
  height: number,
  threshold = 128,
): Bitmap {
  if (rgba.length !== width * height * 4) throw new RangeError('RGBA size does not match');
  const bitmap = blankBitmap(width, height);
  const stride = bytesPerRow(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const alpha = (rgba[p + 3] ?? 0) / 255;
      const luma = 0.299 * (rgba[p] ?? 0) + 0.587 * (rgba[p + 1] ?? 0) + 0.114 * (rgba[p + 2] ?? 0);
      const onWhite = luma * alpha + 255 * (1 - alpha);
      if (onWhite < threshold) {
        const index = y * stride + (x >> 3);
        bitmap.bits[index] = (bitmap.bits[index] ?? 0) | (0x80 >> (x & 7));
      }
    }
  }
  return bitmap;
}

/** Most printers take at most 2303 rows (yL yH) per GS v 0; we send taller pictures in bands. */
export const RASTER_MAX_ROWS = 2303;

/**
 * GS v 0 m xL xH yL yH d…: print a raster bit image, m = 0 (normal density). x is in bytes,
 * y in rows. Taller bitmaps become several commands, one band each.
 */
export function rasterImage(bitmap: Bitmap): Uint8Array {
  const stride = bytesPerRow(bitmap.width);
  if (stride > 0xffff || bitmap.bits.length !== stride * bitmap.height) {
    throw new RangeError('malformed bitmap');
  }
  const bands: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += RASTER_MAX_ROWS) {
    const rows = Math.min(RASTER_MAX_ROWS, bitmap.height - top);
    const band = new Uint8Array(8 + stride * rows);
    band.set([GS, 0x76, 0x30, 0, stride & 0xff, stride >> 8, rows & 0xff, rows >> 8]);
    band.set(bitmap.bits.subarray(top * stride, (top + rows) * stride), 8);
    bands.push(band);
  }
  const out = new Uint8Array(bands.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const band of bands) {
    out.set(band, offset);
    offset += band.length;
  }
  return out;
}
