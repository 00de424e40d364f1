import { localQrPayload } from '../case-qr';
import { ReceiptMarkup, type TextSize } from '../layout/markup';
import { COLUMNS, type PaperWidth } from '../layout/render';
import { DEFAULT_HOTLINE, maskedName, wallClock } from './format';

/**
 * The receipt for a case queued in the outbox because the platform was unreachable: there is no
 * case number yet, so the resident leaves with the terminal's local reference, told plainly that
 * the application is 待上传 (waiting to upload) and what happens next.
 */
export interface OfflineReceiptInput {
  itemName: string;
  /** The outbox's reference for the queued case (`[0-9A-Za-z-]`, ≤ 64). */
  localReference: string;
  /** RFC 3339: when the resident submitted. */
  submittedAt: string;
  applicantMasked: string;
  terminalId: string;
  hotline?: string;
}

export function offlineReceiptMarkup(input: OfflineReceiptInput, paperWidth: PaperWidth): string {
  const columns = COLUMNS[paperWidth];
  const doc = new ReceiptMarkup(columns);
  const hotline = input.hotline ?? DEFAULT_HOTLINE;
  doc.text('受理凭条', { align: 'center', bold: true, size: 'double' });
  doc.text('待上传', { align: 'center', bold: true, size: 'double' }).blank();
  doc.field('办理事项', input.itemName);
  doc.text('本地受理号：');
  const size: TextSize = input.localReference.length * 2 <= columns ? 'double' : 'tall';
  doc.text(input.localReference, { align: 'center', bold: true, size });
  doc
    .blank()
    .qr(localQrPayload({ terminalId: input.terminalId, reference: input.localReference }), 5);
  doc.blank();
  doc.field('提交时间', wallClock(input.submittedAt, 'submittedAt'));
  doc.field('申请人', maskedName(input.applicantMasked));
  doc.field('办理状态', '待上传（网络暂时中断）');
  doc.text('接下来：', { bold: true });
  doc.item('1.', '您的申请已加密保存在本终端，网络恢复后自动上传，无需再次提交。');
  doc.item('2.', '上传成功后，平台生成正式办件编号和查询码。');
  doc.item('3.', '在本终端扫描上方二维码，可查看上传进度和正式办件编号。');
  doc.item('4.', `如三个工作日内仍未上传，请持本凭条到服务窗口或拨打 ${hotline} 咨询。`);
  doc.rule();
  doc.field('咨询电话', hotline);
  doc.field('终端编号', input.terminalId);
  doc.text('请妥善保管本凭条', { align: 'center' });
  return doc.toString();
}
