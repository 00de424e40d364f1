import { describe, expect, it } from 'vitest';
import { toHex } from '../../../transport/src/hex';
import { blankBitmap, type Bitmap } from '../protocol/escpos-raster';
import { EscPosTokenizer } from '../stream/escpos-tokenizer';
import { PrintEngine } from '../stream/print-engine';
import { encodeMarkup, markupToSvg } from './render';
import type { RasterLine, TextRasteriser } from './text-rasteriser';

/**
 * A rasteriser double that records what it was asked to draw and answers a blank picture of the
 * right size: the byte-level tests need the request, not the glyphs (the real one is tested in
 * raster/ and tests/integration).
 */
function recordingRasteriser(): TextRasteriser & { lines: RasterLine[] } {
  const lines: RasterLine[] = [];
  return {
    lines,
    rasteriseLine(line) {
      lines.push(line);
      return blankBitmap(line.width, line.height);
    },
    decodePng(): Bitmap {
      return blankBitmap(8, 8);
    },
  };
}

function decode(job: Uint8Array) {
  const engine = new PrintEngine(() => new Date(0));
  return new EscPosTokenizer().push(job).flatMap((t) => engine.apply(t) ?? []);
}

describe('our receiptline command set', () => {
  it('starts with ESC @, FS &, ESC 3 30 and ends with GS V 66 n', () => {
    const job = encodeMarkup('|回执', { paperWidth: 80, font: 'gb18030', cutFeedDots: 16 });
    expect(toHex(job.subarray(0, 7))).toBe('1B 40 1C 26 1B 33 1E');
    expect(toHex(job.subarray(-4))).toBe('1D 56 42 10');
    expect(toHex(job)).toBe('1B 40 1C 26 1B 33 1E BB D8 D6 B4 0A 1D 56 42 10');
  });

  it('prints a QR with GS ( k (model 2, cell, EC M) and Code128 with GS k 73, centred', () => {
    const job = encodeMarkup(
      '{code:CASE:1:2; option:qrcode,5,m}\n{code:0123; option:code128,2,48}',
      {
        paperWidth: 80,
        font: 'gb18030',
      },
    );
    const text = toHex(job);
    expect(text).toContain(
      '1B 61 01 1D 28 6B 04 00 31 41 32 00 1D 28 6B 03 00 31 43 05 1D 28 6B 03 00 31 45 31',
    );
    expect(text).toContain('1D 6B 49 04 7B 43 01 17');
    expect(decode(job)[0]?.receipt).toMatchObject({ qrCodes: ['CASE:1:2'], barcodes: ['0123'] });
  });

  it('lays columns out with ESC $ positions', () => {
    const job = encodeMarkup('{width:*,8}\n名称 | 12.00', { paperWidth: 80, font: 'gb18030' });
    expect(toHex(job)).toContain('1B 24 00 00');
    expect(decode(job)[0]?.receipt.lines[0]?.text.trimEnd()).toMatch(/^名称 +12\.00$/);
  });

  it('prints a line with a character the font lacks as one GS v 0 picture, never "?"', () => {
    const rasteriser = recordingRasteriser();
    const job = encodeMarkup('|申请人：王堃\n|办件回执', {
      paperWidth: 80,
      font: 'gb2312',
      rasteriser,
    });
    expect(rasteriser.lines).toEqual([
      {
        width: 576,
        height: 30,
        textHeight: 24,
        runs: [{ x: 0, text: '申请人：王堃', width: 1, height: 1, bold: false }],
      },
    ]);
    const receipt = decode(job)[0]!.receipt;
    expect(receipt.images).toBe(1);
    expect(receipt.lines.map((l) => l.text)).toEqual(['办件回执']);
    expect(toHex(job)).toContain('1D 76 30 00 48 00 1E 00'); // 72 bytes × 30 rows
    // The same line on a GB 18030 unit is plain text.
    const plain = encodeMarkup('|申请人：王堃', { paperWidth: 80, font: 'gb18030', rasteriser });
    expect(decode(plain)[0]?.receipt).toMatchObject({
      images: 0,
      lines: [{ text: '申请人：王堃' }],
    });
  });

  it('keeps a sized, centred line where the printer would put it when rasterised', () => {
    const rasteriser = recordingRasteriser();
    encodeMarkup('^^^堃', { paperWidth: 58, font: 'gb2312', rasteriser });
    // 堃 at 2×2 = 4 columns of 32: centred 14 columns (168 dots) in.
    expect(rasteriser.lines[0]).toEqual({
      width: 384,
      height: 48,
      textHeight: 48,
      runs: [{ x: 168, text: '堃', width: 2, height: 2, bold: false }],
    });
  });

  it('without a rasteriser, prints □ for what the font lacks (never "?")', () => {
    const job = encodeMarkup('|王堃', { paperWidth: 80, font: 'gb2312' });
    expect(decode(job)[0]?.receipt.lines[0]?.text).toBe('王□');
  });

  it('renders the same markup to an SVG with the paper width and a white background', () => {
    const svg = markupToSvg('^^^"办件回执"\n|查询码：482913', 58);
    expect(svg).toMatch(/^<svg width="384px"/);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#fff"/>');
    expect(svg).toContain('>办<');
    expect(svg).toContain('lang="zh-Hans"');
  });
});
