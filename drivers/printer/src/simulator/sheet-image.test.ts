import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../protocol/escpos-builder';
import { blankBitmap } from '../protocol/escpos-raster';
import { createSvgRenderer, findCjkFontFiles } from '../raster/svg-renderer';
import { decodeJob } from '../stream/decode-job';
import { sheetToPng, sheetToSvg } from './sheet-image';

const picture = blankBitmap(16, 2);
picture.bits.set([0xf0, 0x00, 0x00, 0x0f]);
const job = new EscPosBuilder()
  .initialize()
  .chineseMode(true)
  .align('center')
  .bold(true)
  .line('回执 A&B')
  .qrCode('CASE:1:2', { moduleSize: 4 })
  .code128('0123')
  .image(picture)
  .partialCut()
  .build();
const sheet = decodeJob(job)[0]!.sheet;
const fonts = findCjkFontFiles();

describe('picture of the printed receipt', () => {
  it('draws text in cells, QR modules, bars, raster dots and the cut', () => {
    const svg = sheetToSvg(sheet);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="576" height="\d+"/);
    // One element per run, one x per character cell (centres): 回执 24 wide, A & B 12 wide;
    // the space's cell is skipped.
    expect(svg).toContain('x="252 276 306 318 330"');
    expect(svg).toContain('>回执A&amp;B</text>');
    expect(svg).toContain('stroke="#000" stroke-width="1"'); // bold
    expect(svg).toContain('stroke-dasharray="8 4"'); // partial cut
    // The raster's first row: 4 dots at x = 280 (centred 16-dot picture); second row: 4 at 292.
    const raster = sheet.elements.find((e) => e.kind === 'raster');
    const y = raster?.kind === 'raster' ? raster.y : -1;
    expect(svg).toContain(`M280,${y}h4v1h-4z`);
    expect(svg).toContain(`M292,${y + 1}h4v1h-4z`);
  });

  it.skipIf(fonts.length === 0)('renders to a PNG through resvg', () => {
    const png = sheetToPng(sheet, createSvgRenderer({ fontFiles: fonts }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(576);
    expect(png.readUInt32BE(20)).toBe(sheet.length);
  });
});
