import iconv from 'iconv-lite';

/**
 * ESC/POS text and paper-motion commands (Epson "ESC/POS Command Reference", command names as
 * headings there). Pure: each returns bytes. Symbols (QR, Code128) are in `escpos-symbols.ts`,
 * raster images in `escpos-raster.ts`, and `EscPosBuilder` (`escpos-builder.ts`) strings them
 * into a job. Text is GB18030, which Chinese receipt printers expect once Chinese mode (FS &) is on.
 */
export const ESC = 0x1b;
export const FS = 0x1c;
export const GS = 0x1d;
export const LF = 0x0a;

export type Alignment = 'left' | 'center' | 'right';

/** ESC @: initialise (clears the print buffer, resets every mode to its power-on value). */
export const initialize = (): Uint8Array => Uint8Array.of(ESC, 0x40);

/** FS &: select Chinese (double-byte) character mode; bytes ≥ 0x81 start a GB18030 character. */
export const chineseModeOn = (): Uint8Array => Uint8Array.of(FS, 0x26);

/** FS .: cancel Chinese character mode (bytes ≥ 0x80 are code-page characters again). */
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

function byteArg(n: number, what: string, min = 0, max = 255): number {
  if (!Number.isInteger(n) || n < min || n > max)
    throw new RangeError(`${what} ${n} not ${min}..${max}`);
  return n;
}

/** GS ! n: character size, width and height magnification 1..8 (n = (w-1) << 4 | (h-1)). */
export function characterSize(width: number, height: number): Uint8Array {
  byteArg(width, 'size', 1, 8);
  byteArg(height, 'size', 1, 8);
  return Uint8Array.of(GS, 0x21, ((width - 1) << 4) | (height - 1));
}

/** ESC E n: emphasised (bold) on/off. */
export const bold = (on: boolean): Uint8Array => Uint8Array.of(ESC, 0x45, on ? 1 : 0);

const alignCodes: Record<Alignment, number> = { left: 0, center: 1, right: 2 };

/** ESC a n: justification; takes effect at the beginning of a line (and for images, codes). */
export const align = (alignment: Alignment): Uint8Array =>
  Uint8Array.of(ESC, 0x61, alignCodes[alignment]);

/**
 * ESC 3 n: line spacing n dots (203 dpi: 8 dots = 1 mm). A line taller than the spacing (double
 * height text) feeds its own height instead, so the spacing is the gap for normal lines.
 */
export const lineSpacing = (dots: number): Uint8Array =>
  Uint8Array.of(ESC, 0x33, byteArg(dots, 'line spacing'));

/** ESC 2: default line spacing (1/6 inch, about 34 dots at 203 dpi). */
export const defaultLineSpacing = (): Uint8Array => Uint8Array.of(ESC, 0x32);

/** ESC $ nL nH: absolute horizontal print position, in dots from the left margin. */
export function absolutePosition(dots: number): Uint8Array {
  byteArg(dots, 'position', 0, 0xffff);
  return Uint8Array.of(ESC, 0x24, dots & 0xff, dots >> 8);
}

/** LF: print the buffer and feed one line. */
export const lineFeed = (): Uint8Array => Uint8Array.of(LF);

/** ESC d n: print the buffer and feed n lines. */
export const feedLines = (n: number): Uint8Array => Uint8Array.of(ESC, 0x64, byteArg(n, 'feed'));

/** ESC J n: print the buffer and feed n dots. */
export const feedDots = (n: number): Uint8Array => Uint8Array.of(ESC, 0x4a, byteArg(n, 'feed'));

/**
 * GS V 66 n: feed to the cutting position plus n vertical motion units (1 dot on 203-dpi
 * printers), then cut partially: a tab of paper holds the receipt until the resident takes it.
 */
export const partialCutAfterFeed = (n = 0): Uint8Array =>
  Uint8Array.of(GS, 0x56, 66, byteArg(n, 'feed'));

/**
 * GS r 1: transmit the paper sensor status. Unlike DLE EOT it is NOT real-time: the printer
 * answers when it reaches the command in its buffer, i.e. after everything before it has been
 * printed and cut. Appended to a job, its answer is the "job done" signal. The reply has bit 4 = 0
 * (DLE EOT replies always have bit 4 = 1), so both can be in flight at once.
 */
export const transmitPaperStatus = (): Uint8Array => Uint8Array.of(GS, 0x72, 1);

/** GS I n: transmit printer ID; n = 65 firmware version, 66 maker, 67 model (`_ … NUL` replies). */
export const transmitPrinterId = (n: 65 | 66 | 67): Uint8Array => Uint8Array.of(GS, 0x49, n);

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
