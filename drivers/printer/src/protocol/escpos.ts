import iconv from 'iconv-lite';

/**
 * ESC/POS command encoders (Epson "ESC/POS Command Reference", command names as headings
 * there). Pure: each returns bytes; `EscPosBuilder` strings them into a job. Text is GB18030,
 * which Chinese receipt printers expect once Chinese mode (FS &) is on.
 */
const ESC = 0x1b;
const FS = 0x1c;
const GS = 0x1d;
const LF = 0x0a;

export type Alignment = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** ESC @: initialise (clears the buffer, resets modes). */
export const initialize = (): Uint8Array => Uint8Array.of(ESC, 0x40);

/** FS &: select Chinese (double-byte) character mode. */
export const chineseModeOn = (): Uint8Array => Uint8Array.of(FS, 0x26);

/** FS .: cancel Chinese character mode. */
export const chineseModeOff = (): Uint8Array => Uint8Array.of(FS, 0x2e);

/** Text as GB18030 bytes. Control characters other than LF are refused (a bug upstream). */
export function encodeText(text: string): Uint8Array {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== LF) || code === 0x7f) {
      throw new RangeError('control characters are not text');
    }
  }
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}

/** GS ! n: character size, width and height magnification 1..8 (n = (w-1) << 4 | (h-1)). */
export function characterSize(width: number, height: number): Uint8Array {
  for (const m of [width, height]) {
    if (!Number.isInteger(m) || m < 1 || m > 8) throw new RangeError(`size ${m} not 1..8`);
  }
  return Uint8Array.of(GS, 0x21, ((width - 1) << 4) | (height - 1));
}

/** ESC E n: emphasised (bold) on/off. */
export const bold = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x45, on ? 1 : 0);

const alignCodes: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

/** ESC a n: justification; takes effect at the beginning of a line. */
export const align = (alignment: Alignment): Uint8Array =>
  Uint8Array.of(ESC, 0x61, alignCodes[alignment]);

/** LF: print the buffer and feed one line. */
export const lineFeed = (): Uint8Array => Uint8Array.of(LF);

/** ESC d n: print the buffer and feed n lines. */
export function feedLines(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`feed ${n} not 0..255`);
  return Uint8Array.of(ESC, 0x64, n);
}

/** GS V 66 n: feed n motion units past the cutting position, then partial cut. */
export function partialCutAfterFeed(n = 0): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 255) throw new RangeError(`feed ${n} not 0..255`);
  return Uint8Array.of(GS, 0x56, 66, n);
}

/** GS ( k with cn = 49 (QR code): pL pH count the bytes after themselves. */
function qrFunction(fn: number, params: Uint8Array): Uint8Array {
  const length = params.length + 2; // cn fn + params
  return Uint8Array.of(GS, 0x28, 0x6b, length & 0xff, length >> 8, 49, fn, ...params);
}

const errorCorrectionCodes: Record<QrErrorCorrection, number> = { L: 48, M: 49, Q: 50, H: 51 };

/** The QR data limit of GS ( k function 180 (version 40, numeric); bytes mode holds fewer. */
export const QR_MAX_BYTES = 7089;

/**
 * A QR code: select model 2 (function 165), module size (167), error correction (169), store
 * the data (180, `pL pH 31 50 30 d…`), print it (181). The payload is UTF-8 (plain ASCII for
 * our codes, so any scanner reads it the same).
 */
export function qrCode(
  data: string,
  options: { moduleSize?: number; errorCorrection?: QrErrorCorrection } = {},
): Uint8Array {
  const { moduleSize = 6, errorCorrection = 'M' } = options;
  if (!Number.isInteger(moduleSize) || moduleSize < 1 || moduleSize > 16) {
    throw new RangeError(`module size ${moduleSize} not 1..16`);
  }
  const bytes = new TextEncoder().encode(data);
  if (bytes.length === 0 || bytes.length > QR_MAX_BYTES) {
    throw new RangeError(`QR payload of ${bytes.length} bytes`);
  }
  return concat([
    qrFunction(65, Uint8Array.of(50, 0)), // 165: model 2
    qrFunction(67, Uint8Array.of(moduleSize)), // 167: module size in dots
    qrFunction(69, Uint8Array.of(errorCorrectionCodes[errorCorrection])), // 169
    qrFunction(80, Uint8Array.of(48, ...bytes)), // 180: store in the symbol area
    qrFunction(81, Uint8Array.of(48)), // 181: print the stored symbol
  ]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Strings commands into one job: `new EscPosBuilder().initialize().line('…').build()`. */
export class EscPosBuilder {
  private readonly parts: Uint8Array[] = [];

  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }
  initialize(): this {
    return this.raw(initialize());
  }
  chineseMode(on: boolean): this {
    return this.raw(on ? chineseModeOn() : chineseModeOff());
  }
  text(text: string): this {
    return this.raw(encodeText(text));
  }
  /** Text and LF. */
  line(text = ''): this {
    return this.raw(concat([encodeText(text), lineFeed()]));
  }
  size(width: number, height: number): this {
    return this.raw(characterSize(width, height));
  }
  bold(on: boolean): this {
    return this.raw(bold(on));
  }
  align(alignment: Alignment): this {
    return this.raw(align(alignment));
  }
  feed(lines: number): this {
    return this.raw(feedLines(lines));
  }
  qrCode(
    data: string,
    options?: { moduleSize?: number; errorCorrection?: QrErrorCorrection },
  ): this {
    return this.raw(qrCode(data, options));
  }
  partialCut(feed = 0): this {
    return this.raw(partialCutAfterFeed(feed));
  }
  build(): Uint8Array {
    return concat(this.parts);
  }
}
