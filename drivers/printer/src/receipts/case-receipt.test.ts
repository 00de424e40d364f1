import { describe, expect, it } from 'vitest';
import { textColumns } from '../protocol/text-width';
import { decodeJob } from '../stream/decode-job';
import { encodeCaseReceipt, type CaseReceiptInput } from '../receipt';

const input: CaseReceiptInput = {
  itemName: '居民身份证换领（到期换证）',
  caseNo: '3701022025030400001234',
  queryCode: '482913',
  status: 'accepted',
  acceptedAt: '2025-03-04T09:15:27+08:00',
  promisedBy: '2025-03-18',
  applicantMasked: '王**',
  terminalId: 'T-370100-0042',
  materialsReceived: [
    { name: '居民户口簿', via: 'e-license' },
    { name: '近期免冠照片', via: 'scan' },
  ],
  pendingMaterials: [{ name: '结婚证', dueBy: '2025-03-11' }],
  delivery: 'mail',
  nextSteps: '审核通过后将短信通知您领取',
};

function printed(receipt: CaseReceiptInput, font: 'gb18030' | 'gb2312' = 'gb18030') {
  const job = encodeCaseReceipt(receipt, { font, rasteriser: null });
  const sheets = decodeJob(job, { paperWidth: receipt.paperWidth ?? 80, font });
  expect(sheets).toHaveLength(1);
  return sheets[0]!.receipt;
}

describe('办件回执', () => {
  it('decodes back to every field the issue lists, the QR payload, a barcode and the cut', () => {
    const receipt = printed(input);
    expect(receipt.cut).toBe(true);
    expect(receipt.qrCodes).toEqual(['CASE:3701022025030400001234:482913']);
    expect(receipt.barcodes).toEqual(['3701022025030400001234']);
    const texts = receipt.lines.map((l) => l.text).filter((t) => t !== '');
    expect(texts).toEqual([
      '办件回执',
      '办理事项：居民身份证换领（到期换证）',
      '办件编号：',
      '3701022025030400001234',
      '查询码：482913',
      '扫描二维码或凭办件编号和查询码查询办理进度',
      '办理状态：已受理',
      '受理时间：2025-03-04 09:15',
      '承诺办结：2025-03-18',
      '申请人：王**',
      '送达方式：邮寄送达',
      '已收材料：',
      '· 居民户口簿（电子证照）',
      '· 近期免冠照片（现场扫描）',
      '容缺材料（请在期限前补交，逾期将影响办理）：',
      '· 结婚证  补交期限：2025-03-11',
      '下一步：审核通过后将短信通知您领取',
      '-'.repeat(48),
      '咨询电话：12345',
      '终端编号：T-370100-0042',
      '请妥善保管本回执',
    ]);
    expect(receipt.lines[0]).toMatchObject({ align: 'center', bold: true, width: 2, height: 2 });
    expect(receipt.lines.find((l) => l.text === input.caseNo)).toMatchObject({
      align: 'center',
      bold: true,
      width: 2,
      height: 2,
    });
  });

  it('fits 58 mm paper: 32 columns, the case number double height only when too wide', () => {
    const narrow = {
      ...input,
      paperWidth: 58 as const,
      hotline: '0531-12345',
      status: 'approved' as const,
    };
    const receipt = printed(narrow);
    for (const line of receipt.lines) {
      expect(textColumns(line.text) * line.width).toBeLessThanOrEqual(32);
    }
    const texts = receipt.lines.map((l) => l.text);
    expect(texts).toContain('-'.repeat(32));
    expect(texts).toContain('咨询电话：0531-12345');
    expect(texts).toContain('办理状态：已办结');
    expect(receipt.lines.find((l) => l.text === input.caseNo)).toMatchObject({
      width: 1,
      height: 2,
    });
    // 22 digits in Code128 set C at 2 dots a module fit 384 dots.
    expect(receipt.barcodes).toEqual([input.caseNo]);
  });

  it('leaves out the barcode when its bars would not fit the paper', () => {
    const receipt = printed({
      ...input,
      paperWidth: 58,
      caseNo: 'ABCDEFGHJK1234567890ABCDEFGHJK12',
    });
    expect(receipt.barcodes).toEqual([]);
    expect(receipt.qrCodes).toHaveLength(1);
  });

  it('never prints "?" on a GB 2312 unit: no rasteriser → □ stands in for 堃', () => {
    const receipt = printed({ ...input, itemName: '王堃的事项' }, 'gb2312');
    const texts = receipt.lines.map((l) => l.text).join('\n');
    expect(texts).not.toContain('?');
    expect(texts).toContain('办理事项：王□的事项');
  });

  it('refuses malformed input (caller bugs), an unmasked name included', () => {
    expect(() => encodeCaseReceipt({ ...input, acceptedAt: '2025-03-04 9:15' })).toThrow(
      RangeError,
    );
    expect(() => encodeCaseReceipt({ ...input, promisedBy: '2025/03/18' })).toThrow(RangeError);
    expect(() => encodeCaseReceipt({ ...input, applicantMasked: '王秀英' })).toThrow(RangeError);
    expect(() =>
      encodeCaseReceipt({ ...input, pendingMaterials: [{ name: 'x', dueBy: 'soon' }] }),
    ).toThrow(RangeError);
  });
});
