import { caseQrPayload } from './case-qr';
import { EscPosBuilder, type Alignment } from './protocol/escpos';
import { wrapText } from './protocol/text-width';

export { caseQrPayload, parseCaseQrPayload, type CaseReference } from './case-qr';

/**
 * The 办件回执 (case receipt) of the walking skeleton, laid out in code. Issue 4 moves receipt
 * templates to receiptline (assets/receipt templates), with a raster fallback for characters the
 * printer's font lacks; until then this file is the template.
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
  paperWidth?: 80 | 58;
}

/** One printed element; the simulator decodes the same lines back (see receipt.test.ts). */
export type ReceiptBlock =
  | {
      kind: 'text';
      text: string;
      align: Alignment;
      bold: boolean;
      /** Character magnification (GS !). */
      width: number;
      height: number;
    }
  | { kind: 'qr'; payload: string }
  | { kind: 'feed'; lines: number };

/** Half-width columns per line with Font A: 576 dots / 12 at 80 mm, 384 / 12 at 58 mm. */
export const COLUMNS = { 80: 48, 58: 32 } as const;

const statusWords = { accepted: '已受理', approved: '已办结' } as const;

export function layoutCaseReceipt(input: CaseReceiptInput): ReceiptBlock[] {
  const columns = COLUMNS[input.paperWidth ?? 80];
  const blocks: ReceiptBlock[] = [];
  const text = (
    content: string,
    style: Partial<{ align: Alignment; bold: boolean; width: number; height: number }> = {},
  ) => {
    const { align = 'left', bold = false, width = 1, height = 1 } = style;
    for (const line of wrapText(content, Math.floor(columns / width))) {
      blocks.push({ kind: 'text', text: line, align, bold, width, height });
    }
  };

  text('办件回执', { align: 'center', bold: true, width: 2, height: 2 });
  blocks.push({ kind: 'feed', lines: 1 });
  text(`办理事项：${input.itemName}`);
  text('办件编号：');
  // Double height only: a 32-character case number still fits one line on 58 mm paper.
  text(input.caseNo, { bold: true, height: 2 });
  text(`查询码：${input.queryCode}`, { bold: true });
  blocks.push({ kind: 'qr', payload: caseQrPayload(input) });
  text('扫描二维码或凭查询码查询办理进度', { align: 'center' });
  text(`办理状态：${statusWords[input.status]}`);
  text(`受理时间：${wallClock(input.acceptedAt)}`);
  text(`承诺办结：${isoDate(input.promisedBy)}`);
  text(`申请人：${input.applicantMasked}`);
  text(`咨询电话：${input.hotline ?? '12345'}`);
  text(`终端编号：${input.terminalId}`);
  text('-'.repeat(columns));
  text('请妥善保管本回执', { align: 'center' });
  blocks.push({ kind: 'feed', lines: 2 });
  return blocks;
}

/** Blocks → one ESC/POS job: initialise, Chinese mode, the blocks, partial cut. */
export function renderReceipt(blocks: readonly ReceiptBlock[]): Uint8Array {
  const job = new EscPosBuilder().initialize().chineseMode(true);
  for (const block of blocks) {
    switch (block.kind) {
      case 'text':
        // ESC a acts at the start of a line, so every attribute is set before the text.
        job
          .align(block.align)
          .bold(block.bold)
          .size(block.width, block.height)
          .line(block.text)
          .bold(false)
          .size(1, 1);
        break;
      case 'qr':
        // Module size 6 dots: a ~3 cm symbol at 203 dpi, comfortable for phone cameras.
        job.align('center').qrCode(block.payload, { moduleSize: 6, errorCorrection: 'M' });
        job.align('left');
        break;
      case 'feed':
        job.feed(block.lines);
        break;
    }
  }
  // GS V 66 0: feed to the cutter, partial cut (a tab holds the receipt until it is taken).
  return job.partialCut(0).build();
}

export function encodeCaseReceipt(input: CaseReceiptInput): Uint8Array {
  return renderReceipt(layoutCaseReceipt(input));
}

const RFC3339 =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** `2025-03-04T09:15:00+08:00` → `2025-03-04 09:15`. Throws on anything else (a caller bug). */
function wallClock(rfc3339: string): string {
  const match = RFC3339.exec(rfc3339);
  if (!match) throw new RangeError('acceptedAt is not RFC 3339');
  return `${match[1]} ${match[2]}`;
}

function isoDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError('promisedBy is not YYYY-MM-DD');
  return date;
}
