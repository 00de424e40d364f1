import type { Alignment } from '../protocol/escpos';
import { textColumns, wrapText } from '../protocol/text-width';

/**
 * Receipt templates are receiptline markup (https://github.com/receiptline/receiptline): one
 * document renders to ESC/POS for paper and to SVG for the screen, so what the resident sees
 * before printing is what comes out. This builder writes that markup from data, escaping what
 * would be markup, and wraps text itself first (Latin words and numbers stay whole; receiptline
 * alone would break them anywhere), so receiptline never has to wrap.
 *
 * receiptline size markers: `^` double width, `^^` double height, `^^^` both, `^^^^`… 3×…6×.
 */
export type TextSize = 'normal' | 'wide' | 'tall' | 'double' | 3 | 4 | 5 | 6;

export interface TextStyle {
  align?: Alignment;
  bold?: boolean;
  size?: TextSize;
}

const CARETS: Record<string, number> = { normal: 0, wide: 1, tall: 2, double: 3 };

function caretCount(size: TextSize): number {
  return typeof size === 'number' ? size + 1 : (CARETS[size] ?? 0);
}

/** Width magnification of a size. */
export function sizeWidth(size: TextSize): number {
  if (typeof size === 'number') return size;
  return size === 'wide' || size === 'double' ? 2 : 1;
}

/** Escapes text so receiptline prints it as is (its markup characters, then edge spaces). */
export function escapeText(text: string): string {
  const escaped = text.replace(/[\\|{}_"`^~]/g, (c) => `\\${c}`);
  if (/^[-=]+$/.test(text)) return escaped.replace(/[-=]/g, (c) => `\\${c}`);
  // receiptline trims each line; `~` is its non-trimmed space.
  return escaped.replace(/^ +| +$/g, (spaces) => '~'.repeat(spaces.length));
}

/** Escapes a property value (`{code:…}`): backslash, braces, bar and `;`. */
export function escapeProperty(value: string): string {
  return value.replace(/[\\|{};]/g, (c) => `\\${c}`);
}

export class ReceiptMarkup {
  private readonly lines: string[] = [];

  /** `columns`: half-width columns per line (48 at 80 mm, 32 at 58 mm). */
  constructor(readonly columns: number) {}

  /** Text, wrapped to the line at its size; one markup line per printed line. */
  text(content: string, style: TextStyle = {}): this {
    const { align = 'left', bold = false, size = 'normal' } = style;
    const width = Math.floor(this.columns / sizeWidth(size));
    for (const line of wrapText(content, Math.max(2, width))) this.line(line, align, bold, size);
    return this;
  }

  /**
   * `label：value`, wrapped with the value's continuation lines indented under it (when the
   * label is short enough to leave room), e.g. a long item name or a pickup address.
   */
  field(label: string, value: string, style: Omit<TextStyle, 'align' | 'size'> = {}): this {
    const head = `${label}：`;
    const indent = textColumns(head);
    if (indent > this.columns / 3) return this.text(`${head}${value}`, style);
    const [first = '', ...rest] = wrapText(value, this.columns - indent);
    this.line(`${head}${first}`, 'left', style.bold ?? false, 'normal');
    for (const line of rest)
      this.line(`${' '.repeat(indent)}${line}`, 'left', style.bold ?? false, 'normal');
    return this;
  }

  /** A list item: `bullet text`, continuation lines indented under the text. */
  item(bullet: string, content: string): this {
    const indent = textColumns(bullet) + 1;
    const [first = '', ...rest] = wrapText(content, this.columns - indent);
    this.line(`${bullet} ${first}`, 'left', false, 'normal');
    for (const line of rest) this.line(`${' '.repeat(indent)}${line}`, 'left', false, 'normal');
    return this;
  }

  blank(): this {
    this.lines.push('');
    return this;
  }

  /** A horizontal rule across the line. */
  rule(): this {
    this.lines.push('-');
    return this;
  }

  /** A QR code, centred; `cell` dots per module (3..8), error correction M. */
  qr(payload: string, cell = 6): this {
    if (!Number.isInteger(cell) || cell < 3 || cell > 8) throw new RangeError(`QR cell ${cell}`);
    this.lines.push(`{code:${escapeProperty(payload)}; option:qrcode,${cell},m}`);
    return this;
  }

  /** A Code128 barcode, centred; `moduleWidth` 2..4 dots, `height` 24..240 dots. */
  barcode(data: string, moduleWidth = 2, height = 64): this {
    this.lines.push(`{code:${escapeProperty(data)}; option:code128,${moduleWidth},${height}}`);
    return this;
  }

  toString(): string {
    return this.lines.join('\n');
  }

  private line(text: string, align: Alignment, bold: boolean, size: TextSize): void {
    const carets = '^'.repeat(caretCount(size));
    const body = `${carets}${bold ? '"' : ''}${escapeText(text)}${bold ? '"' : ''}${carets}`;
    // receiptline: `|text` is left-aligned, `text|` right-aligned, bare text centred.
    const framed = align === 'left' ? `|${body}` : align === 'right' ? `${body}|` : body;
    this.lines.push(text === '' ? '' : framed);
  }
}
