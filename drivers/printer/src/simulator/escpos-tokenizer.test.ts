import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../protocol/escpos';
import { statusRequest } from '../protocol/status';
import { EscPosTokenizer, type SizedToken } from './escpos-tokenizer';
import { PrintEngine } from './print-engine';

const job = new EscPosBuilder()
  .initialize()
  .chineseMode(true)
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
  return { tokens, receipts: tokens.flatMap((t) => engine.apply(t) ?? []) };
}

describe('ESC/POS tokenizer + print engine', () => {
  it('decodes a job into lines with their attributes, the QR, the status request and the cut', () => {
    const { tokens, receipts } = run([job]);
    expect(tokens.filter((t) => t.kind === 'status-request')).toMatchObject([{ n: 4 }]);
    expect(receipts).toEqual([
      {
        printedAt: '1970-01-01T00:00:00.000Z',
        lines: [
          { text: '办件回执 \u{20000}', align: 'center', bold: true, scale: 2 },
          { text: 'Query 查询', align: 'right', bold: false, scale: 1 },
          { text: '', align: 'right', bold: false, scale: 1 },
          { text: '', align: 'right', bold: false, scale: 1 },
          { text: 'ascii', align: 'right', bold: false, scale: 1 },
        ],
        qrCodes: ['CASE:ABC123:000001'],
        cut: true,
      },
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
    const { tokens } = run([
      Uint8Array.of(0x1d, 0x56, 0x00, 0x1d, 0x56, 0x31, 0x1d, 0x56, 0x41, 0x05),
    ]);
    expect(tokens).toMatchObject([
      { kind: 'cut', partial: false, feed: 0 },
      { kind: 'cut', partial: true, feed: 0 },
      { kind: 'cut', partial: false, feed: 5 },
    ]);
  });
});
