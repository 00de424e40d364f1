import { describe, expect, it } from 'vitest';
import { decodeJob } from '../stream/decode-job';
import type { TextRasteriser } from '../layout/text-rasteriser';
import { blankBitmap } from '../protocol/escpos-raster';
import { encodeReceipt } from './printable';

const page = {
  kind: 'test-page' as const,
  terminalId: 'T-370100-0042',
  printedAt: '2025-03-04T09:15:27+08:00',
  font: 'gb2312' as const,
  identity: { firmware: 'V2.31', maker: 'ACME' },
  status: {
    state: 'paper-low' as const,
    replies: { printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x1e },
  },
  counters: {
    snapshot: {
      printsSinceRefill: 120,
      paperMmSinceRefill: 15_240,
      refilledAt: '2025-03-01T08:00:00+08:00',
      rollLengthMm: 80_000,
      totalPrints: 2_345,
    },
    forecast: { remainingMm: 64_760, averageJobMm: 127, jobsLeft: 509, low: false },
  },
};

describe('technician test page', () => {
  it('shows the firmware answer, status bytes bit by bit, counters, samples, a ruler', () => {
    const drawn: string[] = [];
    const rasteriser: TextRasteriser = {
      rasteriseLine(line) {
        drawn.push(line.runs.map((r) => r.text).join(''));
        return blankBitmap(line.width, line.height);
      },
      decodePng: () => blankBitmap(8, 8),
    };
    const receipt = decodeJob(encodeReceipt(page, { font: 'gb2312', rasteriser }), {
      font: 'gb2312',
    })[0]!.receipt;
    const texts = receipt.lines.map((l) => l.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        '固件版本：V2.31',
        '厂商：ACME',
        '型号：无应答',
        '状态：paper-low',
        'n=1 打印机：0x12 00010010',
        'n=4 纸传感器：0x1E 00011110',
        '置位：paper-near-end',
        '打印张数：120（累计 2345）',
        '走纸长度：15.24 m',
        '预计剩余：64.8 m，约 509 张',
        '字库配置：GB2312',
        '1234567890'.repeat(5).slice(0, 48),
      ]),
    );
    // The GB 18030 sample is a picture on a GB 2312 unit; nothing came out as '?'.
    expect(drawn).toEqual(['GB18030：堃 喆 昇 祎 䶮（GB2312 字库以图片打印）']);
    expect(texts.join('')).not.toContain('?');
    expect(receipt).toMatchObject({ qrCodes: ['TEST:T-370100-0042'], barcodes: ['0123456789'] });
  });

  it('says what it does not know', () => {
    const bare = { ...page, identity: undefined, status: undefined, counters: undefined };
    const texts = decodeJob(encodeReceipt(bare, { rasteriser: null }))[0]!.receipt.lines.map(
      (l) => l.text,
    );
    expect(texts).toEqual(
      expect.arrayContaining(['固件版本：无应答', '状态：无应答', '无计数数据']),
    );
  });
});
