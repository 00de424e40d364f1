import { describe, expect, it } from 'vitest';
import { decodeJob } from '../stream/decode-job';
import { encodeReceipt } from './printable';

const ticket = {
  kind: 'queue-ticket' as const,
  ticketNo: 'B023',
  windowArea: '2楼 B区 社保窗口',
  waitingAhead: 3,
  estimatedWaitMinutes: 15,
  itemName: '社会保障卡补领',
  takenAt: '2025-03-04T09:15:27+08:00',
  terminalId: 'T-370100-0042',
};

describe('queue ticket', () => {
  it('prints the number as large as fits, the window area and the people ahead', () => {
    for (const [paperWidth, scale] of [
      [80, 6],
      [58, 6],
    ] as const) {
      const receipt = decodeJob(encodeReceipt(ticket, { paperWidth, rasteriser: null }), {
        paperWidth,
      })[0]!.receipt;
      expect(receipt.lines.find((l) => l.text === 'B023')).toMatchObject({
        align: 'center',
        width: scale,
        height: scale,
      });
      const texts = receipt.lines.map((l) => l.text);
      expect(texts).toContain('办理窗口：2楼 B区 社保窗口');
      expect(texts.join('')).toContain('您前面还有 3 人，预计等候约'); // wraps at 58 mm
      expect(texts).toContain('取号时间：2025-03-04 09:15');
    }
  });

  it('shrinks a long ticket number to fit, and refuses a negative count', () => {
    const long = { ...ticket, ticketNo: 'SB-20250304-0123' };
    const receipt = decodeJob(encodeReceipt(long, { paperWidth: 58, rasteriser: null }), {
      paperWidth: 58,
    })[0]!.receipt;
    expect(receipt.lines.find((l) => l.text === long.ticketNo)).toMatchObject({
      width: 2,
      height: 2,
    });
    expect(() => encodeReceipt({ ...ticket, waitingAhead: -1 })).toThrow(RangeError);
  });
});
