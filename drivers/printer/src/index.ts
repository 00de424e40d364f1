/** The receipt printer driver's public surface (what the host imports). */
export {
  createReceiptPrinter,
  defaultPrinterDelays,
  type PrintError,
  type PrinterDelays,
  type PrinterDiagnostics,
  type PrinterIdentity,
  type ReceiptPrinter,
  type ReceiptPrinterOptions,
} from './driver';
export type { CounterSnapshot, PaperForecast, PrinterJobCounters } from './counters';
export { canPrint, type PrinterStatus, type StatusReplies } from './protocol/status';
export { EscPosBuilder } from './protocol/escpos-builder';
export { PRINTER_FONTS, fontHas, type PrinterFont } from './protocol/font-coverage';
export {
  caseQrPayload,
  localQrPayload,
  parseCaseQrPayload,
  parseReceiptQrPayload,
  type CaseReference,
  type LocalReference,
  type ReceiptCode,
} from './case-qr';
export { encodeCaseReceipt, type CaseReceiptInput } from './receipt';
export {
  encodeReceipt,
  receiptMarkup,
  renderReceiptSvg,
  type PrintableReceipt,
  type ReceiptRenderOptions,
} from './receipts/printable';
export type { OfflineReceiptInput } from './receipts/offline-receipt';
export type { QueueTicketInput } from './receipts/queue-ticket';
export type { GuideItem, ServiceGuideInput } from './receipts/service-guide';
export type { TestPageInput } from './receipts/test-page';
export { jobPaperLengthMm } from './stream/paper-length';
export type { TextRasteriser } from './layout/text-rasteriser';
export { createResvgRasteriser, defaultTextRasteriser } from './raster/resvg-rasteriser';
export { createSvgRenderer, findCjkFontFiles, type SvgRenderer } from './raster/svg-renderer';
export {
  createPrinterSimulator,
  type PaperLevel,
  type PrinterSimulator,
  type PrinterSimulatorOptions,
} from './simulator/printer-simulator';
export { sheetToPng, sheetToSvg } from './simulator/sheet-image';
export type { PrintedLine, PrintedReceipt, Sheet } from './stream/sheet';
