import type { Alignment } from '../protocol/escpos';
import type { Bitmap } from '../protocol/escpos-raster';

/**
 * What a job put on paper, in printer dots (203 dpi, 8 dots per mm): the decoded text, and the
 * geometry an image of the receipt is drawn from. `PrintedReceipt` is the part the dev panel and
 * the tests read; `Sheet` the part the PNG renderer reads.
 */
export interface PrintedReceipt {
  /** ISO 8601, when the cut happened. */
  printedAt: string;
  lines: PrintedLine[];
  /** Payloads of the QR codes printed, in order. */
  qrCodes: string[];
  /** Data of the barcodes printed, in order. */
  barcodes: string[];
  /** Raster pictures printed (GS v 0): text the font lacked, logos. */
  images: number;
  /** Paper used, from the previous cut to this one, cutter offset included. */
  lengthMm: number;
  cut: boolean;
}

export interface PrintedLine {
  text: string;
  align: Alignment;
  bold: boolean;
  /** The larger of the width and height magnifications (GS !). */
  scale: number;
  width: number;
  height: number;
}

/** A run of text in one style, `x` dots from the left edge. */
export interface GlyphRun {
  x: number;
  text: string;
  /** Magnifications (GS !). */
  width: number;
  height: number;
  bold: boolean;
  /** Whether bytes ≥ 0x80 were GB18030 (Chinese mode): sets half/full width per character. */
  chinese: boolean;
}

export type SheetElement =
  | { kind: 'text'; y: number; height: number; runs: GlyphRun[] }
  | { kind: 'qr'; x: number; y: number; moduleSize: number; modules: boolean[][]; payload: string }
  | { kind: 'barcode'; x: number; y: number; height: number; bars: number[]; data: string }
  | { kind: 'raster'; x: number; y: number; bitmap: Bitmap }
  | { kind: 'cut'; y: number; partial: boolean };

export interface Sheet {
  /** Dots across: 576 (80 mm) or 384 (58 mm). */
  width: number;
  /** Dots down, to the cut. */
  length: number;
  elements: SheetElement[];
}

export const DOTS_PER_MM = 8;
/** Font A cell: 12 × 24 dots; a Chinese character is two cells wide. */
export const CELL_WIDTH = 12;
export const CELL_HEIGHT = 24;
export const PAPER_DOTS = { 80: 576, 58: 384 } as const;
