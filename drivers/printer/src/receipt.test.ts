import { describe, expect, it } from 'vitest';
import { textColumns } from './protocol/text-width';
import {
  caseQrPayload,
  encodeCaseReceipt,
  layoutCaseReceipt,
  parseCaseQrPayload,
  type CaseReceiptInput,
} from './receipt';
import { EscPosTokenizer } from './simulator/escpos-tokenizer';
import { PrintEngine, type PrintedReceipt } from './simulator/print-engine';

const input: CaseReceiptInput = {
  itemName: '居民身份证换领（到期换证）',
  caseNo: '3701022025030400001234',
  queryCode: '482913',
  status: 'accepted',
  acceptedAt: '2025-03-04T09:15:27+08:00',
  promisedBy: '2025-03-18',
  applicantMasked: '王**',
  terminalId: 'JN-LX-0007',
};

/** Decodes a job the way the simulated printer does. */
function printed(job: Uint8Array): PrintedReceipt[] {
  const tokenizer = new EscPosTokenizer();
  const engine = new PrintEngine(() => new Date('2025-03-04T01:15:30Z'));
  return tokenizer.push(job).flatMap((token) => engine.apply(token) ?? []);
}

describe('case QR payload', () => {
  it('is CASE:<caseNo>:<queryCode> and parses back', () => {
    const payload = caseQrPayload(input);
    expect(payload).toBe('CASE:3701022025030400001234:482913');
    expect(parseCaseQrPayload(payload)).toEqual({
      ok: true,
      value: { caseNo: input.caseNo, queryCode: input.queryCode },
    });
  });

  it('refuses what is not a case code', () => {
    for (const text of ['', 'CASE:', 'CASE:a', 'CASE:a:b:c', 'https://x', 'CASE:张:1']) {
      expect(parseCaseQrPayload(text)).toEqual({ ok: false, error: { code: 'not-a-case-code' } });
    }
    expect(() => caseQrPayload({ caseNo: 'a:b', queryCode: '1' })).toThrow(RangeError);
  });
});

describe('办件回执 layout', () => {
  it('prints, decodes back to the same lines, QR payload and cut', () => {
    const blocks = layoutCaseReceipt(input);
    const receipts = printed(encodeCaseReceipt(input));
    expect(receipts).toHaveLength(1);
    const receipt = receipts[0]!;
    expect(receipt.cut).toBe(true);
    expect(receipt.printedAt).toBe('2025-03-04T01:15:30.000Z');
    expect(receipt.qrCodes).toEqual(['CASE:3701022025030400001234:482913']);
    const expected = blocks.flatMap((b) =>
      b.kind === 'text'
        ? [{ text: b.text, align: b.align, bold: b.bold, scale: Math.max(b.width, b.height) }]
        : [],
    );
    expect(receipt.lines.filter((l) => l.text !== '')).toEqual(expected);
  });

  it('has the title, case number, query code, times, masked applicant, hotline, terminal', () => {
    const lines = printed(encodeCaseReceipt(input))[0]!.lines;
    const texts = lines.map((l) => l.text);
    expect(lines[0]).toEqual({ text: '办件回执', align: 'center', bold: true, scale: 2 });
    expect(lines.find((l) => l.text === input.caseNo)).toMatchObject({ bold: true, scale: 2 });
    expect(texts).toEqual(
      expect.arrayContaining([
        '办理事项：居民身份证换领（到期换证）',
        '查询码：482913',
        '办理状态：已受理',
        '受理时间：2025-03-04 09:15',
        '承诺办结：2025-03-18',
        '申请人：王**',
        '咨询电话：12345',
        '终端编号：JN-LX-0007',
      ]),
    );
    expect(texts.join('\n')).not.toContain('王秀英');
  });

  it('wraps to 32 columns on 58 mm paper and takes a local hotline', () => {
    const narrow = {
      ...input,
      paperWidth: 58 as const,
      hotline: '0531-12345',
      status: 'approved' as const,
      itemName: '城乡居民基本医疗保险参保登记（含 Medical Insurance 变更）',
    };
    for (const block of layoutCaseReceipt(narrow)) {
      if (block.kind === 'text')
        expect(textColumns(block.text) * block.width).toBeLessThanOrEqual(32);
    }
    const lines = printed(encodeCaseReceipt(narrow))[0]!.lines;
    const texts = lines.map((l) => l.text);
    expect(texts).toContain('-'.repeat(32));
    expect(texts).toContain('咨询电话：0531-12345');
    expect(texts).toContain('办理状态：已办结');
    expect(texts.filter((t) => t.startsWith('办理事项') || t.includes('Medical')).length).toBe(2);
  });

  it('keeps every line within 48 columns at 80 mm', () => {
    for (const block of layoutCaseReceipt(input)) {
      if (block.kind === 'text')
        expect(textColumns(block.text) * block.width).toBeLessThanOrEqual(48);
    }
  });

  it('refuses malformed times (a caller bug)', () => {
    expect(() => encodeCaseReceipt({ ...input, acceptedAt: '2025-03-04 9:15' })).toThrow(
      RangeError,
    );
    expect(() => encodeCaseReceipt({ ...input, promisedBy: '2025/03/18' })).toThrow(RangeError);
  });
});
