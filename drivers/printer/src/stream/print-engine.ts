import iconv from 'iconv-lite';
import type { Alignment } from '../protocol/escpos';
import { decodeCode128Data } from '../protocol/escpos-symbols';
import { fontHas, type PrinterFont } from '../protocol/font-coverage';
import type { EscPosToken } from './escpos-tokenizer';
import { code128Bars, lineText, qrModules, runWidth } from './symbol-geometry';
import { CUTTER_OFFSET_DOTS, initialModes, modeChange, type Modes } from './print-modes';

export { CUTTER_OFFSET_DOTS, DEFAULT_LINE_SPACING } from './print-modes';
import {
  CELL_HEIGHT,
  DOTS_PER_MM,
  PAPER_DOTS,
  type GlyphRun,
  type PrintedLine,
  type PrintedReceipt,
  type Sheet,
  type SheetElement,
} from './sheet';

export type { PrintedLine, PrintedReceipt, Sheet } from './sheet';

/**
 * A model of a thermal receipt printer's paper path (what the simulator "prints", and how the
 * driver measures a job's paper for the counters). Rules, from the Epson reference and what
 * Chinese units do:
 * - a line takes the alignment in force when its first character arrives (ESC a acts at the
 *   beginning of a line); ESC $ positions switch alignment off for that line;
 * - a line advances max(line spacing, tallest character) dots; an empty LF the line spacing;
 * - QR codes, barcodes and raster pictures print at once, aligned, and advance their height;
 * - the cut feeds `n` dots plus the head-to-cutter distance: paper from cut to cut is what one
 *   receipt consumes.
 * Text is decoded (GB18030 in Chinese mode, code page 437 outside) when a run ends, so a
 * character split across chunks decodes whole.
 */

interface OpenRun {
  x: number;
  bytes: number[];
  modes: Modes;
}

export interface PrintedSheet {
  receipt: PrintedReceipt;
  sheet: Sheet;
}

export class PrintEngine {
  private modes = initialModes();
  private readonly paperWidth: number;
  /** The line being composed. */
  private runs: GlyphRun[] = [];
  private run: OpenRun | undefined;
  private lineModes: Modes | undefined;
  private x = 0;
  private positioned = false;
  private y = 0;
  private lines: PrintedLine[] = [];
  private elements: SheetElement[] = [];
  private qrCodes: string[] = [];
  private barcodes: string[] = [];
  private images = 0;
  private storedQr: Uint8Array | undefined;
  /** Dots of paper moved since the engine started (for speed and consumption knobs). */
  fedDots = 0;

  /**
   * `font`: the font the modelled unit carries; a character outside it comes out as '?' (what
   * such a unit prints), so a test can prove the encoder never sends one.
   */
  constructor(
    private readonly now: () => Date = () => new Date(),
    paperWidth: 80 | 58 = 80,
    private readonly font: PrinterFont = 'gb18030',
  ) {
    this.paperWidth = PAPER_DOTS[paperWidth];
  }

  /** Applies one command; returns the receipt when it was a cut. */
  apply(token: EscPosToken): PrintedSheet | undefined {
    switch (token.kind) {
      case 'text':
        if (!this.run) this.openRun();
        this.run?.bytes.push(...token.bytes);
        return undefined;
      case 'line-feed':
        this.endLine();
        return undefined;
      case 'feed-lines': {
        // ESC d n prints the pending line and advances n lines in all.
        let remaining = token.lines;
        if (this.run || this.runs.length > 0) {
          this.endLine();
          remaining--;
        }
        for (; remaining > 0; remaining--) this.endLine();
        return undefined;
      }
      case 'feed-dots':
        if (this.run || this.runs.length > 0) this.endLine(token.dots);
        else this.advance(token.dots);
        return undefined;
      case 'initialize':
        this.modes = initialModes();
        this.run = undefined;
        this.runs = [];
        this.lineModes = undefined;
        this.x = 0;
        return undefined;
      case 'chinese-mode':
      case 'size':
      case 'print-mode':
      case 'bold':
      case 'align':
      case 'line-spacing':
      case 'qr-setting':
      case 'barcode-setting':
        // A style change ends the run of text in the old style (same line, same x).
        this.closeRun();
        Object.assign(this.modes, modeChange(token));
        return undefined;
      case 'position':
        this.closeRun();
        this.x = Math.min(token.dots, this.paperWidth);
        this.positioned = true;
        return undefined;
      case 'qr-store':
        this.storedQr = token.data;
        return undefined;
      case 'qr-print':
        this.printQr();
        return undefined;
      case 'barcode':
        this.printBarcode(token.system, token.data);
        return undefined;
      case 'raster':
        this.printRaster(token.widthBytes, token.height, token.bits);
        return undefined;
      case 'cut':
        return this.cut(token.partial, token.feed);
      case 'status-request':
      case 'transmit-status':
      case 'transmit-id':
      case 'ignored':
      case 'unknown':
        return undefined;
    }
  }

  /** Paper ran out mid-receipt: what was printed is torn off and never counts as a receipt. */
  tear(): void {
    this.run = undefined;
    this.runs = [];
    this.lineModes = undefined;
    this.x = 0;
    this.lines = [];
    this.elements = [];
    this.qrCodes = [];
    this.barcodes = [];
    this.images = 0;
    this.y = 0;
  }

  private openRun(): void {
    this.lineModes ??= { ...this.modes };
    this.run = { x: this.x, bytes: [], modes: { ...this.modes } };
  }

  private closeRun(): void {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    const { modes } = run;
    const decoded = iconv.decode(Buffer.from(run.bytes), modes.chinese ? 'gb18030' : 'cp437');
    const text = modes.chinese
      ? Array.from(decoded, (c) => (fontHas(this.font, c) ? c : '?')).join('')
      : decoded;
    const glyphs: GlyphRun = {
      x: run.x,
      text,
      width: modes.width,
      height: modes.height,
      bold: modes.bold,
      chinese: modes.chinese,
    };
    this.runs.push(glyphs);
    this.x = run.x + runWidth(glyphs);
  }

  private endLine(minimumAdvance = 0): void {
    this.closeRun();
    const modes = this.lineModes ?? this.modes;
    const runs = this.runs;
    const first = runs[0];
    const textHeight = Math.max(0, ...runs.map((r) => r.height * CELL_HEIGHT));
    if (runs.length > 0) {
      const offset = this.positioned ? 0 : this.alignOffset(modes.align, this.x);
      const placed = runs.map((r) => ({ ...r, x: r.x + offset }));
      this.elements.push({ kind: 'text', y: this.y, height: textHeight, runs: placed });
    }
    this.lines.push({
      text: lineText(runs),
      align: modes.align,
      bold: first?.bold ?? modes.bold,
      scale: Math.max(first?.width ?? modes.width, first?.height ?? modes.height),
      width: first?.width ?? modes.width,
      height: first?.height ?? modes.height,
    });
    this.advance(Math.max(this.modes.lineSpacing, textHeight, minimumAdvance));
    this.runs = [];
    this.lineModes = undefined;
    this.x = 0;
    this.positioned = false;
  }

  /** A block (QR, barcode, picture) starts on a fresh line. */
  private flushLine(): void {
    if (this.run || this.runs.length > 0) this.endLine();
  }

  private alignOffset(alignment: Alignment, width: number): number {
    const free = Math.max(0, this.paperWidth - width);
    return alignment === 'center' ? Math.floor(free / 2) : alignment === 'right' ? free : 0;
  }

  private advance(dots: number): void {
    this.y += dots;
    this.fedDots += dots;
  }

  private printQr(): void {
    const data = this.storedQr;
    if (!data || data.length === 0) return;
    this.flushLine();
    const payload = new TextDecoder().decode(data);
    const modules = qrModules(data, this.modes.qrLevel);
    const size = modules.length * this.modes.qrModule;
    const x = this.alignOffset(this.modes.align, size);
    this.elements.push({
      kind: 'qr',
      x,
      y: this.y,
      moduleSize: this.modes.qrModule,
      modules,
      payload,
    });
    this.qrCodes.push(payload);
    this.advance(size);
  }

  private printBarcode(system: number, body: Uint8Array): void {
    this.flushLine();
    // Code128 (73) is the one we print; other symbologies are counted but not drawn.
    const data = system === 73 ? decodeCode128Data(body) : Buffer.from(body).toString('latin1');
    this.barcodes.push(data);
    if (system !== 73) return;
    const bars = code128Bars(data, this.modes.barModule);
    const length = bars.reduce((a, b) => a + b, 0);
    const x = this.alignOffset(this.modes.align, length);
    this.elements.push({
      kind: 'barcode',
      x,
      y: this.y,
      height: this.modes.barHeight,
      bars,
      data,
    });
    this.advance(this.modes.barHeight + (this.modes.hri ? this.modes.lineSpacing : 0));
  }

  private printRaster(widthBytes: number, height: number, bits: Uint8Array): void {
    this.flushLine();
    const width = widthBytes * 8;
    const x = this.alignOffset(this.modes.align, width);
    this.elements.push({ kind: 'raster', x, y: this.y, bitmap: { width, height, bits } });
    this.images++;
    this.advance(height);
  }

  private cut(partial: boolean, feed: number): PrintedSheet {
    this.flushLine();
    this.advance(feed + CUTTER_OFFSET_DOTS);
    this.elements.push({ kind: 'cut', y: this.y, partial });
    const receipt: PrintedReceipt = {
      printedAt: this.now().toISOString(),
      lines: this.lines,
      qrCodes: this.qrCodes,
      barcodes: this.barcodes,
      images: this.images,
      lengthMm: Math.round((this.y / DOTS_PER_MM) * 10) / 10,
      cut: true,
    };
    const sheet: Sheet = { width: this.paperWidth, length: this.y, elements: this.elements };
    this.lines = [];
    this.elements = [];
    this.qrCodes = [];
    this.barcodes = [];
    this.images = 0;
    this.y = 0;
    return { receipt, sheet };
  }
}
