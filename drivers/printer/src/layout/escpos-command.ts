import createDebug from 'debug';
import type receiptline from 'receiptline';
import {
  absolutePosition,
  align,
  bold,
  characterSize,
  chineseModeOn,
  concat,
  encodeText,
  initialize,
  lineFeed,
  lineSpacing,
  partialCutAfterFeed,
  type Alignment,
} from '../protocol/escpos';
import { rasterImage } from '../protocol/escpos-raster';
import { code128, qrCode, type QrErrorCorrection } from '../protocol/escpos-symbols';
import { fontHas, type PrinterFont } from '../protocol/font-coverage';
import { textColumns } from '../protocol/text-width';
import { CELL_HEIGHT, CELL_WIDTH } from '../stream/sheet';
import type { RasterRun, TextRasteriser } from './text-rasteriser';

type BaseCommand = typeof receiptline.commands.base;

const debug = createDebug('kiosk:printer');

/**
 * Our ESC/POS command set for receiptline: receiptline parses the template and lays it out
 * (columns, wrapping, alignment, sizes), and calls these methods; they answer with bytes (as a
 * latin1 string, receiptline's convention). We write our own instead of using receiptline's
 * `escpos` set because that one prints QR codes and pictures with GS 8 L / GS ( L (not on many
 * Chinese units), selects code pages with ESC t, and prints '?' for characters the font lacks.
 * Ours: FS & + GB18030 text, GS ( k QR, GS k Code128, GS v 0 pictures, GS V 66 cut, and a line
 * with a character the printer's font lacks becomes a GS v 0 picture of that whole line (text and
 * pictures cannot share a printed line), drawn by the injected rasteriser.
 *
 * Text lines are buffered until `lf()`: a single run of text becomes ESC a + text (the printer
 * centres it), anything with columns uses ESC $ absolute positions.
 */
export interface EscPosCommandOptions {
  font: PrinterFont;
  /** Draws lines the font cannot; without one, missing characters print as □ (never '?'). */
  rasteriser?: TextRasteriser;
  /** ESC 3 n for every line (dots); receiptline's SVG uses 30 with `spacing: true`. */
  lineSpacingDots: number;
  /** GS V 66 n: dots fed past the cutting position before the partial cut. */
  cutFeedDots: number;
}

interface Segment {
  /** Column (half-width cells) from the print area's left edge. */
  column: number;
  text: string;
  bold: boolean;
  width: number;
  height: number;
}

interface PrinterState {
  align: Alignment;
  bold: boolean;
  width: number;
  height: number;
}

const ALIGNMENTS: Alignment[] = ['left', 'center', 'right'];
/** U+25A1 WHITE SQUARE (GB 2312 A1F5): stands in for a glyph nobody can draw. */
const MISSING = '□';

export function createEscPosCommand(options: EscPosCommandOptions): BaseCommand {
  const bin = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
  let cpl = 48;
  let cutting = true;
  let areaLeft = 0;
  let areaWidth = 48;
  let blockAlign = 0;
  let cursor = 0;
  let segments: Segment[] = [];
  let deco = { bold: false, width: 1, height: 1 };
  let printer: PrinterState = { align: 'left', bold: false, width: 1, height: 1 };

  /** Emits only what changes the printer's state. */
  function style(next: Partial<PrinterState>): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (next.align !== undefined && next.align !== printer.align) out.push(align(next.align));
    if (next.bold !== undefined && next.bold !== printer.bold) out.push(bold(next.bold));
    const width = next.width ?? printer.width;
    const height = next.height ?? printer.height;
    if (width !== printer.width || height !== printer.height)
      out.push(characterSize(width, height));
    printer = { ...printer, ...next };
    return out;
  }

  function segmentColumns(segment: Segment): number {
    return textColumns(segment.text) * segment.width;
  }

  /** ESC a alignment for one contiguous run of text in the full-width area, if it is one. */
  function singleRunAlignment(): Alignment | undefined {
    if (areaLeft !== 0 || areaWidth !== cpl) return undefined;
    let next = segments[0]?.column ?? 0;
    for (const segment of segments) {
      if (segment.column !== next) return undefined;
      next += segmentColumns(segment);
    }
    const margin = segments[0]?.column ?? 0;
    const free = cpl - (next - margin);
    if (margin === 0) return 'left';
    if (Math.abs(margin * 2 - free) < 1e-9) return 'center';
    if (Math.abs(margin - free) < 1e-9) return 'right';
    return undefined;
  }

  function rasterLine(): Uint8Array {
    const rasteriser = options.rasteriser;
    if (!rasteriser) throw new Error('unreachable: no rasteriser');
    const textHeight = Math.max(...segments.map((s) => s.height)) * CELL_HEIGHT;
    const runs: RasterRun[] = segments.map((s) => ({
      x: (areaLeft + s.column) * CELL_WIDTH,
      text: s.text,
      width: s.width,
      height: s.height,
      bold: s.bold,
    }));
    const bitmap = rasteriser.rasteriseLine({
      width: cpl * CELL_WIDTH,
      height: Math.max(textHeight, options.lineSpacingDots),
      textHeight,
      runs,
    });
    return concat([...style({ align: 'left' }), rasterImage(bitmap)]);
  }

  function textLine(): Uint8Array {
    const parts: Uint8Array[] = [];
    const alignment = singleRunAlignment();
    parts.push(...style({ align: alignment ?? 'left' }));
    for (const segment of segments) {
      if (!alignment) parts.push(absolutePosition((areaLeft + segment.column) * CELL_WIDTH));
      parts.push(...style({ bold: segment.bold, width: segment.width, height: segment.height }));
      parts.push(encodeText(segment.text));
    }
    parts.push(lineFeed());
    return concat(parts);
  }

  function flushLine(): string {
    const pending = segments.filter((s) => s.text !== '');
    segments = pending;
    cursor = 0;
    // receiptline writes an empty line as one space: a bare LF feeds the same.
    if (pending.every((s) => s.text.trim() === '')) {
      segments = [];
      return bin(lineFeed());
    }
    const lacking = pending.some((s) => Array.from(s.text).some((c) => !fontHas(options.font, c)));
    let bytes: Uint8Array;
    if (lacking && options.rasteriser) {
      bytes = rasterLine();
    } else {
      if (lacking) {
        debug('no rasteriser: characters the printer font lacks print as %s', MISSING);
        for (const s of pending) {
          s.text = Array.from(s.text, (c) => (fontHas(options.font, c) ? c : MISSING)).join('');
        }
      }
      bytes = textLine();
    }
    segments = [];
    return bin(bytes);
  }

  function pushText(text: string): void {
    segments.push({ column: cursor, text, ...deco });
    cursor += textColumns(text) * deco.width;
  }

  function block(bytes: Uint8Array): string {
    return bin(concat([...style({ align: ALIGNMENTS[blockAlign] ?? 'center' }), bytes]));
  }

  const ruleLine = (widths: number[], joint: string) =>
    pushText(joint + widths.map((w) => '-'.repeat(w)).join(joint) + joint);

  const command: Partial<BaseCommand> = {
    charWidth: CELL_WIDTH,
    measureText: (text: string) => textColumns(text),
    arrayFrom: (text: string) => Array.from(text),
    open(config) {
      cpl = config.cpl ?? 48;
      cutting = config.cutting !== false;
      areaWidth = cpl;
      printer = { align: 'left', bold: false, width: 1, height: 1 };
      return bin(concat([initialize(), chineseModeOn(), lineSpacing(options.lineSpacingDots)]));
    },
    close() {
      return cutting ? bin(partialCutAfterFeed(options.cutFeedDots)) : '';
    },
    area(left: number, width: number) {
      areaLeft = left;
      areaWidth = width;
      return '';
    },
    align(alignment: number) {
      blockAlign = alignment;
      return '';
    },
    absolute(position: number) {
      cursor = position;
      return '';
    },
    relative(position: number) {
      cursor += position;
      return '';
    },
    hr(width: number) {
      cursor = 0;
      pushText('-'.repeat(width));
      return '';
    },
    vr(widths: number[]) {
      // `|` at the current cell, then one after each column width (receiptline's rule layout).
      pushText('|');
      for (const w of widths) {
        cursor += w;
        pushText('|');
      }
      return '';
    },
    vrstart: (widths: number[]) => (ruleLine(widths, '+'), ''),
    vrstop: (widths: number[]) => (ruleLine(widths, '+'), ''),
    vrhr: (_widths1: number[], widths2: number[]) => (ruleLine(widths2, '+'), ''),
    vrlf: () => flushLine(),
    cut: () => bin(partialCutAfterFeed(options.cutFeedDots)),
    ul: () => '',
    em() {
      deco = { ...deco, bold: true };
      return '';
    },
    iv: () => '',
    wh(wh: number) {
      // receiptline's scale: 1 wide, 2 tall, 3 both, 4..7 → 3×..6× (see its `wh`).
      deco = { ...deco, width: wh < 2 ? wh + 1 : wh - 1, height: wh < 3 ? wh : wh - 1 };
      return '';
    },
    normal() {
      deco = { bold: false, width: 1, height: 1 };
      return '';
    },
    text(text: string) {
      pushText(text);
      return '';
    },
    lf: () => flushLine(),
    command: (raw: string) => raw,
    image(image: string) {
      if (!options.rasteriser) throw new RangeError('pictures need a rasteriser');
      return block(rasterImage(options.rasteriser.decodePng(image)));
    },
    qrcode(symbol) {
      const errorCorrection = symbol.level.toUpperCase() as QrErrorCorrection;
      return block(qrCode(symbol.data, { moduleSize: symbol.cell, errorCorrection }));
    },
    barcode(symbol) {
      if (symbol.type !== 'code128') throw new RangeError(`barcode ${symbol.type}: only code128`);
      return block(
        code128(symbol.data, { moduleWidth: symbol.width, height: symbol.height, hri: symbol.hri }),
      );
    },
  };
  return command as BaseCommand;
}
