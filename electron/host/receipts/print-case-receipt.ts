/**
 * Prints the 办件回执 for a case through the printer driver. The resident's name is masked on
 * paper too: a receipt is left behind on a counter more often than one would think.
 */
import { maskName } from '../../shared/mask';
import { ok, err, type Result } from '../../shared/result';
import type { PrintFailureCode } from '../../shared/views';
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import type { PrintError } from '../../../drivers/printer/src/driver';
import { encodeCaseReceipt } from '../../../drivers/printer/src/receipt';
import type { CaseReceipt, ServiceItem } from '../platform/types';

export interface ReceiptSink {
  print(job: Uint8Array): Promise<Result<void, PrintError>>;
}

export async function printCaseReceipt(
  printer: ReceiptSink,
  input: { card: IdentityCard; item: ServiceItem; receipt: CaseReceipt },
  terminal: { terminalId: string; hotline: string; paperWidth: 80 | 58 },
): Promise<Result<void, PrintFailureCode>> {
  const job = encodeCaseReceipt({
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
  });
  const printed = await printer.print(job);
  return printed.ok ? ok() : err(printFailureOf(printed.error));
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
