import { describe, expect, it } from 'vitest';
import { parseReceiptQrPayload } from '../case-qr';
import { decodeJob } from '../stream/decode-job';
import { encodeReceipt } from './printable';

const offline = {
  kind: 'offline' as const,
  itemName: '城乡居民基本养老保险参保登记',
  localReference: 'L20250304-0007',
  submittedAt: '2025-03-04T09:15:27+08:00',
  applicantMasked: '李*',
  terminalId: 'T-370100-0042',
};

describe('offline receipt (待上传)', () => {
  it('carries the local reference large, 待上传, what happens next, and a LOCAL code', () => {
    const receipt = decodeJob(encodeReceipt(offline, { rasteriser: null }))[0]!.receipt;
    const texts = receipt.lines.map((l) => l.text);
    expect(receipt.lines.find((l) => l.text === '待上传')).toMatchObject({
      width: 2,
      height: 2,
      bold: true,
    });
    expect(receipt.lines.find((l) => l.text === 'L20250304-0007')).toMatchObject({
      width: 2,
      height: 2,
    });
    expect(texts).toEqual(
      expect.arrayContaining([
        '本地受理号：',
        '办理状态：待上传（网络暂时中断）',
        '提交时间：2025-03-04 09:15',
        '申请人：李*',
        '接下来：',
      ]),
    );
    const prose = texts.map((t) => t.trim()).join('');
    expect(prose).toContain('网络恢复后自动上传，无需再次提交');
    expect(prose).toContain('平台生成正式办件编号和查询码');
    expect(receipt.qrCodes).toEqual(['LOCAL:T-370100-0042:L20250304-0007']);
    expect(parseReceiptQrPayload(receipt.qrCodes[0] ?? '')).toEqual({
      ok: true,
      value: { kind: 'local', terminalId: 'T-370100-0042', reference: 'L20250304-0007' },
    });
    // No case number exists yet: nothing on paper may look like one.
    expect(texts.join('\n')).not.toMatch(/办件编号：/);
  });
});
