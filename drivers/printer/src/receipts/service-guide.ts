import type { ServiceItem } from '../../../../electron/host/platform/types';
import { ReceiptMarkup } from '../layout/markup';
import { COLUMNS, type PaperWidth } from '../layout/render';
import { deliveryWords } from './case-receipt';
import { DEFAULT_HOTLINE, wallClock } from './format';

/**
 * 一次性告知书: everything a resident needs to do an item at a window in one visit (what to
 * bring, where, how long, what it costs), printed from the catalog's ServiceItem, for items the
 * terminal cannot complete itself.
 */
export type GuideItem = Pick<
  ServiceItem,
  | 'code'
  | 'name'
  | 'department'
  | 'legalDays'
  | 'promisedDays'
  | 'fee'
  | 'selfService'
  | 'materials'
  | 'steps'
  | 'delivery'
  | 'notes'
>;

export interface ServiceGuideInput {
  item: GuideItem;
  /** RFC 3339 */
  printedAt: string;
  terminalId: string;
  hotline?: string;
}

const sourceWords = {
  scan: '',
  'e-license': '可用电子证照',
  commitment: '可告知承诺',
} as const;

export function serviceGuideMarkup(input: ServiceGuideInput, paperWidth: PaperWidth): string {
  const { item } = input;
  const doc = new ReceiptMarkup(COLUMNS[paperWidth]);
  doc.text('一次性告知书', { align: 'center', bold: true, size: 'double' }).blank();
  doc.text(item.name, { align: 'center', bold: true });
  doc.blank();
  doc.field('实施编码', item.code);
  doc.field('办理部门', item.department);
  doc.field('办理地点', item.selfService.windowArea ?? '请到大厅咨询台问询');
  if (!item.selfService.eligible && item.selfService.reason) {
    doc.field('窗口办理', item.selfService.reason);
  }
  doc.field('法定时限', `${item.legalDays} 个工作日`);
  doc.field('承诺时限', item.promisedDays === 0 ? '即办' : `${item.promisedDays} 个工作日`);
  doc.field(
    '收费标准',
    item.fee.free
      ? '不收费'
      : `${(item.fee.amountFen / 100).toFixed(2)} 元（依据：${item.fee.basis}）`,
  );
  if (item.delivery.length > 0) {
    doc.field('送达方式', item.delivery.map((d) => deliveryWords[d]).join('、'));
  }

  doc.rule().text('申请材料', { bold: true });
  if (item.materials.length === 0) doc.text('无需提交材料');
  item.materials.forEach((m, index) => {
    const flags = [
      m.required ? '必需' : '可选',
      `${m.copies}份`,
      m.tolerable ? '可容缺后补' : '',
      ...m.sources.map((s) => sourceWords[s]),
    ].filter((f) => f !== '');
    doc.item(`${index + 1}.`, `${m.name}（${flags.join('，')}）`);
    if (m.note) doc.item(' '.repeat(String(index + 1).length + 1), m.note);
  });

  if (item.steps.length > 0) {
    doc.rule().text('办理流程', { bold: true });
    item.steps.forEach((step, index) => {
      const days = step.days !== undefined ? `（${step.days} 个工作日）` : '';
      doc.item(`${index + 1}.`, `${step.name}${days}`);
    });
  }

  if (item.notes) {
    doc.rule().text('温馨提示', { bold: true });
    for (const paragraph of item.notes.split(/\n\s*\n/))
      doc.text(paragraph.replace(/\s*\n\s*/g, ''));
  }
  doc.rule();
  doc.field('咨询电话', input.hotline ?? DEFAULT_HOTLINE);
  doc.field('打印时间', wallClock(input.printedAt, 'printedAt'));
  doc.field('终端编号', input.terminalId);
  return doc.toString();
}
