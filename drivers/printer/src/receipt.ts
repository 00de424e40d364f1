import type { PaperWidth } from './layout/render';
import type { CaseReceiptInput } from './receipts/case-receipt';
import { encodeReceipt, type ReceiptRenderOptions } from './receipts/printable';

/**
 * The 办件回执 entry points the host has used since the walking skeleton; the receipts
 * themselves are in `receipts/` (one file each, receiptline templates).
 */
export { caseQrPayload, parseCaseQrPayload, type CaseReference } from './case-qr';
export { caseReceiptMarkup, type CaseReceiptInput } from './receipts/case-receipt';
export { COLUMNS } from './layout/render';

/** The case receipt as an ESC/POS job (paper width from the input, else 80 mm). */
export function encodeCaseReceipt(
  input: CaseReceiptInput,
  options: Partial<ReceiptRenderOptions> = {},
): Uint8Array {
  const paperWidth: PaperWidth = options.paperWidth ?? input.paperWidth ?? 80;
  return encodeReceipt({ kind: 'case', ...input }, { ...options, paperWidth });
}
