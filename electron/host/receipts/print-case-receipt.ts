/**
 * The 办件回执 for a case: one receipt (drivers/printer templates, receiptline) printed on paper
 * and shown on screen as SVG before and while it prints. The resident's name is masked on both:
 * a receipt is left behind on a counter more often than one would think.
 */
import { maskName } from '../../shared/mask';
import { ok, err, type Result } from '../../shared/result';
import type { PrintFailureCode } from '../../shared/views';
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import type { PrintError } from '../../../drivers/printer/src/driver';
import type { PrinterFont } from '../../../drivers/printer/src/protocol/font-coverage';
import {
  encodeReceipt,
  renderReceiptSvg,
  type PrintableReceipt,
} from '../../../drivers/printer/src/receipts/printable';
import { deliveryMethodFor } from '../catalog/availability';
import type { CaseReceipt, ServiceItem } from '../platform/types';

export interface ReceiptSink {
  print(job: Uint8Array): Promise<Result<void, PrintError>>;
}

export interface ReceiptTerminal {
  terminalId: string;
  hotline: string;
  paperWidth: 80 | 58;
  font: PrinterFont;
}

export function caseReceiptFor(
  input: { card: IdentityCard; item: ServiceItem; receipt: CaseReceipt },
  terminal: ReceiptTerminal,
): PrintableReceipt {
  const delivery = deliveryMethodFor(input.item);
  return {
    kind: 'case',
    itemName: input.item.name,
    caseNo: input.receipt.caseNo,
    queryCode: input.receipt.queryCode,
    status: input.receipt.status,
    acceptedAt: input.receipt.acceptedAt,
    promisedBy: input.receipt.promisedBy,
    applicantMasked: maskName(input.card.name),
    terminalId: terminal.terminalId,
    hotline: terminal.hotline,
    paperWidth: terminal.paperWidth,
    ...(delivery ? { delivery } : {}),
    ...(input.receipt.nextSteps ? { nextSteps: input.receipt.nextSteps } : {}),
  };
}

export async function printReceipt(
  printer: ReceiptSink,
  receipt: PrintableReceipt,
  terminal: ReceiptTerminal,
): Promise<Result<void, PrintFailureCode>> {
  const job = encodeReceipt(receipt, { paperWidth: terminal.paperWidth, font: terminal.font });
  const printed = await printer.print(job);
  return printed.ok ? ok() : err(printFailureOf(printed.error));
}

export function receiptSvg(receipt: PrintableReceipt, terminal: ReceiptTerminal): string {
  return renderReceiptSvg(receipt, { paperWidth: terminal.paperWidth });
}

function printFailureOf(error: PrintError): PrintFailureCode {
  switch (error.code) {
    case 'paper-out':
    case 'cover-open':
    case 'offline':
    case 'absent':
      return error.code;
    case 'cutter-error':
    case 'busy':
    case 'other':
      return 'other';
  }
}
