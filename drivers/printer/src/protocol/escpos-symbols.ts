import { concat, GS } from './escpos';

/**
 * Symbols the printer draws itself from data: QR codes (GS ( k, cn = 49) and Code128 barcodes
 * (GS k m = 73). Sending the data instead of a picture keeps a job small (a QR picture would be
 * ~5 KB, its data is 40 bytes) and lets the printer draw crisp modules.
 */
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';

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

export interface Code128Options {
  /** GS w n: module width in dots, 2..6 (2 = 0.25 mm, what 1D scanners at a window read well). */
  moduleWidth?: number;
  /** GS h n: bar height in dots, 1..255. */
  height?: number;
  /** GS H n: human-readable digits below the bars (2) or none (0). */
  hri?: boolean;
}

/**
 * The data part of GS k 73 (Code128): the printer wants the code set chosen explicitly with
 * `{A`, `{B` or `{C`. All-digit data of even length goes in set C (two digits per symbol
 * character, half the width); anything else printable in set B, where `{` itself is `{{`.
 */
export function code128Data(data: string): Uint8Array {
  if (data.length === 0) throw new RangeError('empty barcode');
  if (/^(\d\d)+$/.test(data)) {
    const pairs = data.match(/\d\d/g) ?? [];
    return Uint8Array.of(0x7b, 0x43, ...pairs.map((pair) => Number(pair)));
  }
  if (!/^[\x20-\x7e]+$/.test(data)) throw new RangeError('Code128 set B takes printable ASCII');
  const escaped = data.replace(/\{/g, '{{');
  return Uint8Array.of(0x7b, 0x42, ...Array.from(escaped, (c) => c.charCodeAt(0)));
}

/** GS h, GS w, GS H, then GS k 73 n d…: a Code128 barcode (at most 255 data bytes). */
export function code128(data: string, options: Code128Options = {}): Uint8Array {
  const { moduleWidth = 2, height = 64, hri = false } = options;
  if (!Number.isInteger(moduleWidth) || moduleWidth < 2 || moduleWidth > 6) {
    throw new RangeError(`module width ${moduleWidth} not 2..6`);
  }
  if (!Number.isInteger(height) || height < 1 || height > 255) {
    throw new RangeError(`bar height ${height} not 1..255`);
  }
  const body = code128Data(data);
  if (body.length > 255) throw new RangeError('barcode data over 255 bytes');
  return concat([
    Uint8Array.of(GS, 0x68, height),
    Uint8Array.of(GS, 0x77, moduleWidth),
    Uint8Array.of(GS, 0x48, hri ? 2 : 0),
    Uint8Array.of(GS, 0x6b, 73, body.length),
    body,
  ]);
}

/** Reads GS k 73 data back (the simulator's side of `code128Data`). */
export function decodeCode128Data(body: Uint8Array): string {
  let set: 'A' | 'B' | 'C' = 'B';
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] ?? 0;
    if (byte === 0x7b && i + 1 < body.length) {
      const next = body[i + 1] ?? 0;
      i++;
      if (next === 0x41 || next === 0x42 || next === 0x43) {
        set = String.fromCharCode(next) as 'A' | 'B' | 'C';
      } else if (next === 0x7b) out += '{';
      continue; // FNC1..4 and shifts carry no text
    }
    out += set === 'C' ? String(byte).padStart(2, '0') : String.fromCharCode(byte);
  }
  return out;
}
