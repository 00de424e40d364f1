import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../protocol/escpos-builder';
import { blankBitmap } from '../protocol/escpos-raster';
import { statusRequest } from '../protocol/status';
import { hex } from '../../../transport/src/hex';
import { EscPosTokenizer, type SizedToken } from './escpos-tokenizer';
import { PrintEngine } from './print-engine';

const picture = blankBitmap(16, 3);
picture.bits[0] = 0xff;
const job = new EscPosBuilder()
  .initialize()
  .chineseMode(true)
  .lineSpacing(30)
  .align('center')
  .size(2, 2)
  .bold(true)
  .line('办件回执 \u{20000}')
  .size(1, 1)
  .bold(false)
  .align('right')
  .line('Query 查询')
  .raw(statusRequest(4))
  .qrCode('CASE:ABC123:000001')
  .code128('370102')
  .image(picture)
  .feed(2)
  .chineseMode(false)
  .line('ascii')
  .partialCut(3)
  .build();

function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set([0, ...cuts.map((c) => c % bytes.length), bytes.length])].sort(
    (a, b) => a - b,
  );
  return points.slice(1).map((end, i) => bytes.subarray(points[i], end));
}

function run(parts: Uint8Array[]) {
  const tokenizer = new EscPosTokenizer();
  const engine = new PrintEngine(() => new Date(0));
  const tokens: SizedToken[] = parts.flatMap((p) => tokenizer.push(p));
  return { tokens, receipts: tokens.flatMap((t) => engine.apply(t)?.receipt ?? []) };
}

const line = (text: string, align: string, bold = false, scale = 1) => ({
  text,
  align,
  bold,
  scale,
  width: scale,
  height: scale,
});

describe('ESC/POS tokenizer + print engine', () => {
  it('decodes a job into lines, QR, barcode, picture, status request and cut', () => {
    const { tokens, receipts } = run([job]);
    expect(tokens.filter((t) => t.kind === 'status-request')).toMatchObject([{ n: 4 }]);
    expect(tokens.filter((t) => t.kind === 'unknown')).toEqual([]);
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt).toMatchObject({
      printedAt: '1970-01-01T00:00:00.000Z',
      qrCodes: ['CASE:ABC123:000001'],
      barcodes: ['370102'],
      images: 1,
      cut: true,
    });
    // The Extension B character is not in a GB 18030 level-1 font: a real unit prints '?'.
    expect(receipt.lines).toEqual([
      line('办件回执 ?', 'center', true, 2),
      line('Query 查询', 'right'),
      line('', 'right'),
      line('', 'right'),
      line('ascii', 'right'),
    ]);
  });

  it('gives the same result however the stream is chunked', () => {
    const whole = run([job]).receipts;
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (cuts) => {
        expect(run(chunks(job, cuts)).receipts).toEqual(whole);
      }),
    );
  });

  it('survives arbitrary bytes without throwing', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (bytes, cuts) => {
          if (bytes.length === 0) return;
          run(chunks(bytes, cuts));
        },
      ),
    );
  });

  it('knows the other cut forms', () => {
    const { tokens } = run([hex('1D 56 00 1D 56 31 1D 56 41 05')]);
    expect(tokens).toMatchObject([
      { kind: 'cut', partial: false, feed: 0 },
      { kind: 'cut', partial: true, feed: 0 },
      { kind: 'cut', partial: false, feed: 5 },
    ]);
  });

  it('steps over commands it does not act on, keeping in step with the text after them', () => {
    // ESC t 0, ESC M 0, FS C 0, FS S 0 0, GS L 0 0, GS ( L 2 0 48 50, GS 8 L (4-byte length), GS r 1, GS I 65
    const stream = hex(
      '1B 74 00 1B 4D 00 1C 43 00 1C 53 00 00 1D 4C 00 00 1D 28 4C 02 00 30 32' +
        ' 1D 38 4C 02 00 00 00 AA BB 1D 72 01 1D 49 41 41 0A',
    );
    const { tokens } = run([stream]);
    expect(tokens.map((t) => t.kind)).toEqual([
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'ignored',
      'transmit-status',
      'transmit-id',
      'text',
      'line-feed',
    ]);
  });
});
