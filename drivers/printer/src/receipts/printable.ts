import { assertNever } from '../../../../electron/shared/result';
import { encodeMarkup, markupToSvg, type PaperWidth } from '../layout/render';
import type { TextRasteriser } from '../layout/text-rasteriser';
import type { PrinterFont } from '../protocol/font-coverage';
import { defaultTextRasteriser } from '../raster/resvg-rasteriser';
import { caseReceiptMarkup, type CaseReceiptInput } from './case-receipt';
import { offlineReceiptMarkup, type OfflineReceiptInput } from './offline-receipt';
import { queueTicketMarkup, type QueueTicketInput } from './queue-ticket';
import { serviceGuideMarkup, type ServiceGuideInput } from './service-guide';
import { testPageMarkup, type TestPageInput } from './test-page';

/**
 * Everything the terminal prints, as one union: what a session keeps until the paper is in the
 * resident's hand (a failed job is reprinted from it), and what both renderings start from.
 */
export type PrintableReceipt =
  | ({ kind: 'case' } & CaseReceiptInput)
  | ({ kind: 'offline' } & OfflineReceiptInput)
  | ({ kind: 'queue-ticket' } & QueueTicketInput)
  | ({ kind: 'guide' } & ServiceGuideInput)
  | ({ kind: 'test-page' } & TestPageInput);

export interface ReceiptRenderOptions {
  paperWidth: PaperWidth;
  /** The printer's font (configuration). Default `gb18030`. */
  font: PrinterFont;
  /**
   * Draws lines with characters the font lacks. Default: resvg with the machine's CJK font,
   * looked up on first need; `null` for none (those characters print as □).
   */
  rasteriser: TextRasteriser | null;
}

/** The receiptline document for a receipt. */
export function receiptMarkup(receipt: PrintableReceipt, paperWidth: PaperWidth): string {
  switch (receipt.kind) {
    case 'case':
      return caseReceiptMarkup(receipt, paperWidth);
    case 'offline':
      return offlineReceiptMarkup(receipt, paperWidth);
    case 'queue-ticket':
      return queueTicketMarkup(receipt, paperWidth);
    case 'guide':
      return serviceGuideMarkup(receipt, paperWidth);
    case 'test-page':
      return testPageMarkup(receipt, paperWidth);
    default:
      return assertNever(receipt, 'receipt');
  }
}

function paperOf(receipt: PrintableReceipt, options: Partial<ReceiptRenderOptions>): PaperWidth {
  return options.paperWidth ?? (receipt.kind === 'case' ? receipt.paperWidth : undefined) ?? 80;
}

/** The ESC/POS job: initialise, Chinese mode, the receipt, partial cut. */
export function encodeReceipt(
  receipt: PrintableReceipt,
  options: Partial<ReceiptRenderOptions> = {},
): Uint8Array {
  const paperWidth = paperOf(receipt, options);
  const rasteriser =
    options.rasteriser === null ? undefined : (options.rasteriser ?? defaultTextRasteriser());
  return encodeMarkup(receiptMarkup(receipt, paperWidth), {
    paperWidth,
    font: options.font ?? 'gb18030',
    ...(rasteriser ? { rasteriser } : {}),
  });
}

/**
 * The same receipt as SVG for the screen (before and while printing; and when the printer
 * cannot print, so the resident can photograph the QR). Width 576 or 384 user units.
 */
export function renderReceiptSvg(
  receipt: PrintableReceipt,
  options: Partial<Pick<ReceiptRenderOptions, 'paperWidth'>> = {},
): string {
  const paperWidth = paperOf(receipt, options);
  return markupToSvg(receiptMarkup(receipt, paperWidth), paperWidth);
}
