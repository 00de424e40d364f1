import receiptline from 'receiptline';
import { caseQrPayload } from '../case-qr';
import { ReceiptMarkup, type TextSize } from '../layout/markup';
import { COLUMNS, type PaperWidth } from '../layout/render';
import { CELL_WIDTH } from '../stream/sheet';
import { DEFAULT_HOTLINE, isoDate, maskedName, wallClock } from './format';

/**
 * 办件回执: the resident's proof that the case was accepted, with what they need to follow it
 * (case number large, query code, a QR the terminal's own progress lookup reads) and to finish it
 * (容缺 materials still owed and by when, how the result reaches them).
 */
export interface CaseReceiptInput {
  itemName: string;
  caseNo: string;
  queryCode: string;
  status: 'accepted' | 'approved';
  /** RFC 3339, e.g. `2025-03-04T09:15:00+08:00`; printed in its own offset's wall-clock time. */
  acceptedAt: string;
  /** YYYY-MM-DD */
  promisedBy: string;
  /** Already masked by the caller (`张*`): the receipt never sees a full name. */
  applicantMasked: string;
  terminalId: string;
  hotline?: string;
  paperWidth?: PaperWidth;
  /** Materials handed over at the terminal, and how. */
  materialsReceived?: readonly ReceivedMaterial[];
  /** 容缺: materials accepted as missing, to be supplied by `dueBy` (YYYY-MM-DD). */
  pendingMaterials?: readonly { name: string; dueBy: string }[];
  delivery?: DeliveryMethod;
  /** The platform's next steps for the resident, if it gave any. */
  nextSteps?: string;
}

export type DeliveryMethod = 'pickup' | 'mail' | 'electronic';

export interface ReceivedMaterial {
  name: string;
  via: 'scan' | 'e-license' | 'commitment';
}

const statusWords = { accepted: '已受理', approved: '已办结' } as const;
export const deliveryWords: Record<DeliveryMethod, string> = {
  pickup: '窗口领取',
  mail: '邮寄送达',
  electronic: '电子送达',
};
const viaWords: Record<ReceivedMaterial['via'], string> = {
  scan: '现场扫描',
  'e-license': '电子证照',
  commitment: '告知承诺',
};

export function caseReceiptMarkup(input: CaseReceiptInput, paperWidth: PaperWidth): string {
  const columns = COLUMNS[paperWidth];
  const doc = new ReceiptMarkup(columns);
  doc.text('办件回执', { align: 'center', bold: true, size: 'double' }).blank();
  doc.field('办理事项', input.itemName);
  doc.text('办件编号：');
  // Large: double width and height when it fits the line, else double height only.
  const size: TextSize = input.caseNo.length * 2 <= columns ? 'double' : 'tall';
  doc.text(input.caseNo, { align: 'center', bold: true, size });
  doc.text(`查询码：${input.queryCode}`, { bold: true });
  // Blank lines around codes: the quiet zone scanners need, on paper and on screen.
  doc.blank().qr(caseQrPayload(input), 6).blank();
  doc.text('扫描二维码或凭办件编号和查询码查询办理进度', { align: 'center' });
  // For the windows' 1D scanners, when the bars fit the paper at 2 dots a module.
  if (code128Dots(input.caseNo, 2) <= columns * CELL_WIDTH) doc.barcode(input.caseNo, 2, 48);
  doc.blank();
  doc.field('办理状态', statusWords[input.status]);
  doc.field('受理时间', wallClock(input.acceptedAt, 'acceptedAt'));
  doc.field('承诺办结', isoDate(input.promisedBy, 'promisedBy'));
  doc.field('申请人', maskedName(input.applicantMasked));
  if (input.delivery) doc.field('送达方式', deliveryWords[input.delivery]);
  if (input.materialsReceived?.length) {
    doc.text('已收材料：');
    for (const m of input.materialsReceived) doc.item('·', `${m.name}（${viaWords[m.via]}）`);
  }
  if (input.pendingMaterials?.length) {
    doc.text('容缺材料（请在期限前补交，逾期将影响办理）：', { bold: true });
    for (const m of input.pendingMaterials) {
      doc.item('·', `${m.name}  补交期限：${isoDate(m.dueBy, 'dueBy')}`);
    }
  }
  if (input.nextSteps) doc.field('下一步', input.nextSteps);
  doc.rule();
  doc.field('咨询电话', input.hotline ?? DEFAULT_HOTLINE);
  doc.field('终端编号', input.terminalId);
  doc.text('请妥善保管本回执', { align: 'center' });
  return doc.toString();
}

/** Width of a Code128 symbol in dots (receiptline computes the same modules we print). */
function code128Dots(data: string, moduleWidth: number): number {
  const form = receiptline.barcode.generate({
    data,
    type: 'code128',
    width: moduleWidth,
    height: 48,
    hri: false,
    quietZone: true,
  });
  return form.length;
}
