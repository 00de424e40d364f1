import type { CounterSnapshot, PaperForecast } from '../counters';
import { ReceiptMarkup } from '../layout/markup';
import { COLUMNS, type PaperWidth } from '../layout/render';
import type { PrinterFont } from '../protocol/font-coverage';
import { describeStatusBits, type PrinterStatus, type StatusReplies } from '../protocol/status';
import { wallClock } from './format';

/**
 * The technician's test page: what the printer says about itself (GS I firmware, maker, model),
 * its status bytes bit by bit, the paper counters, and samples of everything receipts use — font
 * coverage (the GB 18030 line prints as a picture on a GB 2312 unit), sizes, alignment, QR and
 * Code128 — with a column ruler to check the paper width setting.
 */
export interface TestPageInput {
  terminalId: string;
  /** RFC 3339 */
  printedAt: string;
  font: PrinterFont;
  /** GS I answers; a missing field is a printer that did not answer. */
  identity?: { firmware?: string; maker?: string; model?: string };
  status?: { state: PrinterStatus['state']; replies?: StatusReplies };
  counters?: { snapshot: CounterSnapshot; forecast: PaperForecast };
}

const hexBits = (byte: number) =>
  `0x${byte.toString(16).toUpperCase().padStart(2, '0')} ${byte.toString(2).padStart(8, '0')}`;
const NO_ANSWER = '无应答';

export function testPageMarkup(input: TestPageInput, paperWidth: PaperWidth): string {
  const columns = COLUMNS[paperWidth];
  const doc = new ReceiptMarkup(columns);
  doc.text('打印机测试页', { align: 'center', bold: true, size: 'double' }).blank();
  doc.field('终端编号', input.terminalId);
  doc.field('打印时间', wallClock(input.printedAt, 'printedAt'));
  doc.field('纸宽', `${paperWidth} mm，${columns} 列`);
  doc.field('字库配置', input.font === 'gb18030' ? 'GB18030' : 'GB2312');

  doc.rule().text('打印机应答 (GS I)', { bold: true });
  doc.field('固件版本', input.identity?.firmware ?? NO_ANSWER);
  doc.field('厂商', input.identity?.maker ?? NO_ANSWER);
  doc.field('型号', input.identity?.model ?? NO_ANSWER);

  doc.rule().text('实时状态 (DLE EOT 1-4)', { bold: true });
  doc.field('状态', input.status?.state ?? NO_ANSWER);
  const replies = input.status?.replies;
  if (replies) {
    doc.field('n=1 打印机', hexBits(replies.printer));
    doc.field('n=2 脱机原因', hexBits(replies.offlineCause));
    doc.field('n=3 错误原因', hexBits(replies.errorCause));
    doc.field('n=4 纸传感器', hexBits(replies.paperSensor));
    const bits = describeStatusBits(replies);
    doc.field('置位', bits.length > 0 ? bits.join(', ') : '无');
  }

  doc.rule().text('纸张计数（自上次换纸）', { bold: true });
  if (input.counters) {
    const { snapshot, forecast } = input.counters;
    doc.field('打印张数', `${snapshot.printsSinceRefill}（累计 ${snapshot.totalPrints}）`);
    doc.field('走纸长度', `${(snapshot.paperMmSinceRefill / 1000).toFixed(2)} m`);
    doc.field('纸卷长度', `${(snapshot.rollLengthMm / 1000).toFixed(0)} m`);
    doc.field(
      '预计剩余',
      `${(forecast.remainingMm / 1000).toFixed(1)} m，约 ${forecast.jobsLeft} 张`,
    );
    doc.field('换纸时间', snapshot.refilledAt ? wallClock(snapshot.refilledAt) : '未记录');
    if (forecast.low) doc.text('预计即将缺纸，请准备换纸', { bold: true });
  } else {
    doc.text('无计数数据');
  }

  doc.rule().text('字库', { bold: true });
  doc.field('GB2312', '政务服务自助终端办件回执');
  doc.field('GB18030', '堃 喆 昇 祎 䶮（GB2312 字库以图片打印）');
  doc.field('ASCII', 'ABCDEFGHIJ abcdefghij 0123456789');
  doc.text('1234567890'.repeat(Math.ceil(columns / 10)).slice(0, columns));

  doc.rule().text('字号与对齐', { bold: true });
  doc.text('标准 Normal');
  doc.text('倍宽', { size: 'wide' });
  doc.text('倍高', { size: 'tall' });
  doc.text('倍宽倍高', { size: 'double' });
  doc.text('加粗 Bold', { bold: true });
  doc.text('居左');
  doc.text('居中', { align: 'center' });
  doc.text('居右', { align: 'right' });

  doc.rule().text('二维码 / 条码', { bold: true });
  doc.blank().qr(`TEST:${input.terminalId}`, 4).blank();
  doc.barcode('0123456789', 2, 48).blank();
  doc.rule();
  doc.text('测试页结束', { align: 'center' });
  return doc.toString();
}
