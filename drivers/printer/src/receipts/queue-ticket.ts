import { ReceiptMarkup, type TextSize } from '../layout/markup';
import { COLUMNS, type PaperWidth } from '../layout/render';
import { wallClock } from './format';

/**
 * 排队取号: a ticket for a hall window (`POST /v1/queue/tickets` answers ticketNo, windowArea,
 * waitingAhead, estimatedWaitMinutes). The number is as large as the line allows: it is read
 * from arm's length against the calling display.
 */
export interface QueueTicketInput {
  ticketNo: string;
  windowArea: string;
  waitingAhead: number;
  estimatedWaitMinutes?: number;
  itemName: string;
  /** RFC 3339 */
  takenAt: string;
  terminalId: string;
}

export function queueTicketMarkup(input: QueueTicketInput, paperWidth: PaperWidth): string {
  const columns = COLUMNS[paperWidth];
  if (!Number.isInteger(input.waitingAhead) || input.waitingAhead < 0) {
    throw new RangeError('waitingAhead must be a count');
  }
  const doc = new ReceiptMarkup(columns);
  doc.text('排队取号', { align: 'center', bold: true, size: 'double' }).blank();
  doc.text(input.ticketNo, {
    align: 'center',
    bold: true,
    size: ticketSize(input.ticketNo, columns),
  });
  doc.blank();
  doc.field('办理事项', input.itemName);
  doc.field('办理窗口', input.windowArea, { bold: true });
  const wait =
    input.estimatedWaitMinutes !== undefined
      ? `，预计等候约 ${input.estimatedWaitMinutes} 分钟`
      : '';
  doc.text(`您前面还有 ${input.waitingAhead} 人${wait}`, { align: 'center' });
  doc.field('取号时间', wallClock(input.takenAt, 'takenAt'));
  doc.rule();
  doc.text('请留意叫号屏和语音提示，过号请重新取号。', { align: 'center' });
  doc.field('终端编号', input.terminalId);
  return doc.toString();
}

/** The largest square size (up to 6×) at which the ticket number fits one line. */
function ticketSize(ticketNo: string, columns: number): TextSize {
  const length = Math.max(1, Array.from(ticketNo).length);
  for (const size of [6, 5, 4, 3] as const) if (length * size <= columns) return size;
  return length * 2 <= columns ? 'double' : 'tall';
}
