import { describe, expect, it } from 'vitest';
import { decodeJob } from '../stream/decode-job';
import { encodeReceipt } from './printable';
import type { GuideItem } from './service-guide';

const item: GuideItem = {
  code: '11370100MB0000001X4370115001000',
  name: '结婚登记',
  department: '市民政局',
  legalDays: 1,
  promisedDays: 0,
  fee: { free: false, amountFen: 900, basis: '鲁价费发〔2003〕号' },
  selfService: { eligible: false, reason: '双方须本人到场', windowArea: '1楼 A区 婚姻登记窗口' },
  materials: [
    {
      id: 'hukou',
      name: '居民户口簿',
      required: true,
      tolerable: false,
      sources: ['scan', 'e-license'],
      copies: 1,
    },
    {
      id: 'photo',
      name: '近期半身免冠合影照片',
      required: true,
      tolerable: true,
      sources: ['scan'],
      copies: 3,
      note: '2 寸红底',
    },
    {
      id: 'single',
      name: '无配偶声明',
      required: false,
      tolerable: false,
      sources: ['commitment'],
      copies: 1,
    },
  ],
  steps: [{ name: '受理', days: 0 }, { name: '审查' }, { name: '颁证' }],
  delivery: ['pickup'],
  notes: '请双方本人同时到场。\n\n节假日不办理。',
};

describe('printed guide (一次性告知书)', () => {
  it('lists where, how long, what it costs, every material with its terms, the steps, the notes', () => {
    const job = encodeReceipt(
      { kind: 'guide', item, printedAt: '2025-03-04T09:15:27+08:00', terminalId: 'T-370100-0042' },
      { rasteriser: null },
    );
    const receipt = decodeJob(job)[0]!.receipt;
    const texts = receipt.lines.map((l) => l.text).filter((t) => t !== '');
    expect(texts[0]).toBe('一次性告知书');
    expect(texts).toEqual(
      expect.arrayContaining([
        '结婚登记',
        '办理部门：市民政局',
        '办理地点：1楼 A区 婚姻登记窗口',
        '窗口办理：双方须本人到场',
        '法定时限：1 个工作日',
        '承诺时限：即办',
        '收费标准：9.00 元（依据：鲁价费发〔2003〕号）',
        '送达方式：窗口领取',
        '申请材料',
        '1. 居民户口簿（必需，1份，可用电子证照）',
        '2. 近期半身免冠合影照片（必需，3份，可容缺后补）',
        '   2 寸红底',
        '3. 无配偶声明（可选，1份，可告知承诺）',
        '办理流程',
        '1. 受理（0 个工作日）',
        '2. 审查',
        '温馨提示',
        '请双方本人同时到场。',
        '节假日不办理。',
        '咨询电话：12345',
        '打印时间：2025-03-04 09:15',
      ]),
    );
    expect(receipt.cut).toBe(true);
  });

  it('says so when an item needs no materials and is free', () => {
    const bare = {
      ...item,
      materials: [],
      fee: { free: true as const },
      steps: [],
      notes: undefined,
    };
    const job = encodeReceipt(
      {
        kind: 'guide',
        item: bare,
        printedAt: '2025-03-04T09:15:27+08:00',
        terminalId: 'T-370100-0042',
      },
      { rasteriser: null, paperWidth: 58 },
    );
    const texts = decodeJob(job, { paperWidth: 58 })[0]!.receipt.lines.map((l) => l.text);
    expect(texts).toContain('无需提交材料');
    expect(texts).toContain('收费标准：不收费');
    expect(texts).not.toContain('办理流程');
  });
});
