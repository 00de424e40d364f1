/** The receipt printer driver's public surface (what the host imports). */
export {
  createReceiptPrinter,
  defaultPrinterDelays,
  type PrintError,
  type PrinterDelays,
  type ReceiptPrinter,
  type ReceiptPrinterOptions,
} from './driver';
export { canPrint, type PrinterStatus } from './protocol/status';
export { EscPosBuilder } from './protocol/escpos';
export {
  caseQrPayload,
  encodeCaseReceipt,
  layoutCaseReceipt,
  parseCaseQrPayload,
  type CaseReceiptInput,
} from './receipt';
export {
  createPrinterSimulator,
  type PaperLevel,
  type PrinterSimulator,
} from './simulator/printer-simulator';
export type { PrintedLine, PrintedReceipt } from './simulator/print-engine';
