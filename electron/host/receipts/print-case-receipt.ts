/**
 * The receipt for a case: the 办件回执 with the platform's case number, or — for a case queued
 * while the platform was away — the 受理凭条 "待上传" with the local reference. One receipt
 * (drivers/printer templates, receiptline) is printed on paper and shown on screen as SVG before
 * and while it prints. The resident's name is masked on both: a receipt is left behind on a
 * counter more often than one would think.
 */
import { maskName } from '../../shared/mask';
import { ok, err, type Result } from '../../shared/result';
import type { PrintFailureCode } from '../../shared/views';
import type { PrintError } from '../../../drivers/printer/src/driver';
import { caseQrPayload, localQrPayload } from '../../../drivers/printer/src/case-qr';
import type { PrinterFont } from '../../../drivers/printer/src/protocol/font-coverage';
import {
  encodeReceipt,
  renderReceiptSvg,
  type PrintableReceipt,
} from '../../../drivers/printer/src/receipts/printable';
import { deliveryMethodFor } from '../catalog/availability';
import type { ReceiptInput, ReceiptPreview } from '../session/session-context';

export interface ReceiptSink {
  print(job: Uint8Array): Promise<Result<void, PrintError>>;
}

export interface ReceiptTerminal {
  terminalId: string;
  hotline: string;
  paperWidth: 80 | 58;
  font: PrinterFont;
}

export function caseReceiptFor(input: ReceiptInput, terminal: ReceiptTerminal): PrintableReceipt {
  const applicantMasked = maskName(input.card.name);
  const { outcome } = input;
  if (outcome.kind === 'queued') {
    return {
      kind: 'offline',
      itemName: input.item.name,
      localReference: outcome.localReference,
      submittedAt: outcome.queuedAt,
      applicantMasked,
      terminalId: terminal.terminalId,
      hotline: terminal.hotline,
    };
  }
  const delivery = deliveryMethodFor(input.item);
  return {
    kind: 'case',
    itemName: input.item.name,
    caseNo: outcome.receipt.caseNo,
    queryCode: outcome.receipt.queryCode,
    status: outcome.receipt.status,
    acceptedAt: outcome.receipt.acceptedAt,
    promisedBy: outcome.receipt.promisedBy,
    applicantMasked,
    terminalId: terminal.terminalId,
    hotline: terminal.hotline,
    paperWidth: terminal.paperWidth,
    ...(delivery ? { delivery } : {}),
    ...(outcome.receipt.nextSteps ? { nextSteps: outcome.receipt.nextSteps } : {}),
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

/** The same receipt for the screen, and what its QR code says (the progress lookup reads both kinds). */
export function receiptPreview(input: ReceiptInput, terminal: ReceiptTerminal): ReceiptPreview {
  const { outcome } = input;
  return {
    svg: renderReceiptSvg(caseReceiptFor(input, terminal), { paperWidth: terminal.paperWidth }),
    qrPayload:
      outcome.kind === 'accepted'
        ? caseQrPayload({ caseNo: outcome.receipt.caseNo, queryCode: outcome.receipt.queryCode })
        : localQrPayload({ terminalId: terminal.terminalId, reference: outcome.localReference }),
  };
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
