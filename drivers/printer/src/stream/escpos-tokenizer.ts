import type { Alignment } from '../protocol/escpos';
import type { StatusRequest } from '../protocol/status';

/**
 * The printer's side of ESC/POS: bytes in, commands out, robust to any chunking (a command
 * split across chunks waits for its remaining bytes). Covers what our jobs use, plus the
 * lengths of the common commands we do not act on so a foreign stream (receiptline's own
 * output, a vendor tool) stays in step; anything else becomes `unknown` so a test can see it.
 */
export type EscPosToken =
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'line-feed' }
  | { kind: 'feed-lines'; lines: number }
  | { kind: 'feed-dots'; dots: number }
  | { kind: 'initialize' }
  | { kind: 'chinese-mode'; on: boolean }
  | { kind: 'size'; width: number; height: number }
  /** ESC ! n: print mode (bit 3 bold, bit 4 double height, bit 5 double width). */
  | { kind: 'print-mode'; bold: boolean; width: number; height: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'align'; align: Alignment }
  | { kind: 'line-spacing'; dots: number | 'default' }
  | { kind: 'position'; dots: number }
  | { kind: 'qr-store'; data: Uint8Array }
  | { kind: 'qr-print' }
  | { kind: 'qr-setting'; fn: number; params: Uint8Array }
  | { kind: 'barcode-setting'; what: 'height' | 'module-width' | 'hri'; value: number }
  | { kind: 'barcode'; system: number; data: Uint8Array }
  | { kind: 'raster'; widthBytes: number; height: number; bits: Uint8Array }
  | { kind: 'cut'; partial: boolean; feed: number }
  | { kind: 'status-request'; n: StatusRequest }
  /** GS r n: a status reply once the printer reaches this point of the stream. */
  | { kind: 'transmit-status'; n: number }
  /** GS I n: transmit printer ID. */
  | { kind: 'transmit-id'; n: number }
  | { kind: 'ignored'; bytes: Uint8Array }
  | { kind: 'unknown'; bytes: Uint8Array };

/** A token and how many stream bytes it took (the paper-out knob counts bytes). */
export type SizedToken = EscPosToken & { size: number };

const NEED_MORE = Symbol('need more');
type Parsed = SizedToken | typeof NEED_MORE;

export class EscPosTokenizer {
  private buffer = new Uint8Array(0);

  push(chunk: Uint8Array): SizedToken[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer);
    merged.set(chunk, this.buffer.length);
    const tokens: SizedToken[] = [];
    let offset = 0;
    while (offset < merged.length) {
      const token = parseAt(merged, offset);
      if (token === NEED_MORE) break;
      tokens.push(token);
      offset += token.size;
    }
    this.buffer = merged.slice(offset);
    return tokens;
  }
}

/** ESC x commands with one parameter byte that we do not act on (ESC - underline, ESC M font…). */
const ESC_ONE_PARAM_IGNORED = new Set([0x20, 0x2d, 0x47, 0x4d, 0x52, 0x56, 0x74, 0x7b]);
/** GS x commands with one parameter byte that we do not act on (GS B reverse, GS a ASB, GS f…). */
const GS_ONE_PARAM_IGNORED = new Set([0x42, 0x61, 0x66]);

function parseAt(b: Uint8Array, i: number): Parsed {
  const first = b[i] ?? 0;
  if (first >= 0x20) {
    // Printable bytes, GB18030 multi-byte characters included (their bytes are all ≥ 0x30).
    let end = i;
    while (end < b.length && (b[end] ?? 0) >= 0x20) end++;
    return { kind: 'text', bytes: b.slice(i, end), size: end - i };
  }
  switch (first) {
    case 0x0a:
      return { kind: 'line-feed', size: 1 };
    case 0x10: // DLE EOT n
      if (i + 3 > b.length) return NEED_MORE;
      if (b[i + 1] === 0x04 && [1, 2, 3, 4].includes(b[i + 2] ?? 0)) {
        return { kind: 'status-request', n: b[i + 2] as StatusRequest, size: 3 };
      }
      return { kind: 'unknown', bytes: b.slice(i, i + 1), size: 1 };
    case 0x1b:
      return parseEsc(b, i);
    case 0x1c:
      return parseFs(b, i);
    case 0x1d:
      return parseGs(b, i);
    default: // CR, HT and other controls we do not act on
      return { kind: 'ignored', bytes: b.slice(i, i + 1), size: 1 };
  }
}

function parseEsc(b: Uint8Array, i: number): Parsed {
  if (i + 2 > b.length) return NEED_MORE;
  const command = b[i + 1] ?? 0;
  if (command === 0x40) return { kind: 'initialize', size: 2 };
  if (command === 0x32) return { kind: 'line-spacing', dots: 'default', size: 2 };
  if (command === 0x24 || command === 0x5c) {
    // ESC $ nL nH absolute position; ESC \ relative (we only use absolute).
    if (i + 4 > b.length) return NEED_MORE;
    const dots = (b[i + 2] ?? 0) + 256 * (b[i + 3] ?? 0);
    if (command === 0x24) return { kind: 'position', dots, size: 4 };
    return { kind: 'ignored', bytes: b.slice(i, i + 4), size: 4 };
  }
  const oneParam = [0x21, 0x33, 0x45, 0x4a, 0x61, 0x64];
  if (!oneParam.includes(command) && !ESC_ONE_PARAM_IGNORED.has(command)) {
    return { kind: 'unknown', bytes: b.slice(i, i + 2), size: 2 };
  }
  if (i + 3 > b.length) return NEED_MORE;
  const n = b[i + 2] ?? 0;
  switch (command) {
    case 0x21:
      return {
        kind: 'print-mode',
        bold: (n & 0x08) !== 0,
        height: n & 0x10 ? 2 : 1,
        width: n & 0x20 ? 2 : 1,
        size: 3,
      };
    case 0x33:
      return { kind: 'line-spacing', dots: n, size: 3 };
    case 0x45: // ESC E n: only bit 0 counts
      return { kind: 'bold', on: (n & 1) === 1, size: 3 };
    case 0x4a:
      return { kind: 'feed-dots', dots: n, size: 3 };
    case 0x61: // ESC a n: 0/48 left, 1/49 centre, 2/50 right
      return {
        kind: 'align',
        align: (['left', 'center', 'right'] as const)[n % 48] ?? 'left',
        size: 3,
      };
    case 0x64:
      return { kind: 'feed-lines', lines: n, size: 3 };
    default:
      return { kind: 'ignored', bytes: b.slice(i, i + 3), size: 3 };
  }
}

function parseFs(b: Uint8Array, i: number): Parsed {
  if (i + 2 > b.length) return NEED_MORE;
  const command = b[i + 1];
  if (command === 0x26) return { kind: 'chinese-mode', on: true, size: 2 };
  if (command === 0x2e) return { kind: 'chinese-mode', on: false, size: 2 };
  if (command === 0x2d || command === 0x43) {
    // FS - n (Chinese underline), FS C n (character encoding)
    if (i + 3 > b.length) return NEED_MORE;
    return { kind: 'ignored', bytes: b.slice(i, i + 3), size: 3 };
  }
  if (command === 0x53) {
    // FS S n1 n2: Chinese character spacing
    if (i + 4 > b.length) return NEED_MORE;
    return { kind: 'ignored', bytes: b.slice(i, i + 4), size: 4 };
  }
  if (command === 0x28) return parseLengthPrefixed(b, i, 3); // FS ( x pL pH …
  return { kind: 'unknown', bytes: b.slice(i, i + 2), size: 2 };
}

/** `XX YY ZZ pL pH d…` commands (`prefix` bytes before pL): skipped whole. */
function parseLengthPrefixed(b: Uint8Array, i: number, prefix: number): Parsed {
  if (i + prefix + 2 > b.length) return NEED_MORE;
  const size = prefix + 2 + (b[i + prefix] ?? 0) + 256 * (b[i + prefix + 1] ?? 0);
  if (i + size > b.length) return NEED_MORE;
  return { kind: 'ignored', bytes: b.slice(i, i + size), size };
}

function parseGs(b: Uint8Array, i: number): Parsed {
  if (i + 2 > b.length) return NEED_MORE;
  const command = b[i + 1] ?? 0;
  const need = (n: number) => i + n > b.length;
  const n = b[i + 2] ?? 0;
  switch (command) {
    case 0x21: // GS ! n
      if (need(3)) return NEED_MORE;
      return { kind: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1, size: 3 };
    case 0x56: {
      // GS V m (m = 0/48 full, 1/49 partial) or GS V m n (m = 65/66: feed n, then cut).
      if (need(3)) return NEED_MORE;
      if ([0, 1, 48, 49].includes(n))
        return { kind: 'cut', partial: n % 48 === 1, feed: 0, size: 3 };
      if (need(4)) return NEED_MORE;
      return { kind: 'cut', partial: n % 2 === 0, feed: b[i + 3] ?? 0, size: 4 };
    }
    case 0x68:
    case 0x77:
    case 0x48: {
      if (need(3)) return NEED_MORE;
      const what = command === 0x68 ? 'height' : command === 0x77 ? 'module-width' : 'hri';
      return { kind: 'barcode-setting', what, value: n, size: 3 };
    }
    case 0x6b:
      return parseBarcode(b, i);
    case 0x76: // GS v 0 m xL xH yL yH d…
      if (need(8)) return NEED_MORE;
      if (n !== 0x30) return { kind: 'unknown', bytes: b.slice(i, i + 3), size: 3 };
      return parseRaster(b, i);
    case 0x72: // GS r n
      if (need(3)) return NEED_MORE;
      return { kind: 'transmit-status', n, size: 3 };
    case 0x49: // GS I n
      if (need(3)) return NEED_MORE;
      return { kind: 'transmit-id', n, size: 3 };
    case 0x4c: // GS L nL nH left margin; GS W nL nH print area width
    case 0x57:
      if (need(4)) return NEED_MORE;
      return { kind: 'ignored', bytes: b.slice(i, i + 4), size: 4 };
    case 0x28:
      if (need(3)) return NEED_MORE;
      if (n === 0x6b) return parseQr(b, i);
      return parseLengthPrefixed(b, i, 3); // GS ( L, GS ( H, …
    case 0x38: {
      // GS 8 L p1 p2 p3 p4 …: graphics data with a four-byte length
      if (need(7)) return NEED_MORE;
      const length =
        (b[i + 3] ?? 0) +
        2 ** 8 * (b[i + 4] ?? 0) +
        2 ** 16 * (b[i + 5] ?? 0) +
        2 ** 24 * (b[i + 6] ?? 0);
      if (need(7 + length)) return NEED_MORE;
      return { kind: 'ignored', bytes: b.slice(i, i + 7 + length), size: 7 + length };
    }
    default:
      if (GS_ONE_PARAM_IGNORED.has(command)) {
        if (need(3)) return NEED_MORE;
        return { kind: 'ignored', bytes: b.slice(i, i + 3), size: 3 };
      }
      return { kind: 'unknown', bytes: b.slice(i, i + 2), size: 2 };
  }
}

function parseQr(b: Uint8Array, i: number): Parsed {
  // GS ( k pL pH cn fn [params]: pL + 256 pH bytes follow pH.
  if (i + 5 > b.length) return NEED_MORE;
  const size = 5 + (b[i + 3] ?? 0) + 256 * (b[i + 4] ?? 0);
  if (i + size > b.length) return NEED_MORE;
  const cn = b[i + 5];
  const fn = b[i + 6] ?? 0;
  if (cn !== 49) return { kind: 'ignored', bytes: b.slice(i, i + size), size };
  if (fn === 80) return { kind: 'qr-store', data: b.slice(i + 8, i + size), size }; // skip m = 48
  if (fn === 81) return { kind: 'qr-print', size };
  return { kind: 'qr-setting', fn, params: b.slice(i + 7, i + size), size };
}

function parseBarcode(b: Uint8Array, i: number): Parsed {
  // GS k m d… NUL (m = 0..6) or GS k m n d… (m = 65..79)
  if (i + 3 > b.length) return NEED_MORE;
  const system = b[i + 2] ?? 0;
  if (system <= 6) {
    const end = b.indexOf(0, i + 3);
    if (end < 0) return NEED_MORE;
    return { kind: 'barcode', system, data: b.slice(i + 3, end), size: end + 1 - i };
  }
  if (i + 4 > b.length) return NEED_MORE;
  const size = 4 + (b[i + 3] ?? 0);
  if (i + size > b.length) return NEED_MORE;
  return { kind: 'barcode', system, data: b.slice(i + 4, i + size), size };
}

function parseRaster(b: Uint8Array, i: number): Parsed {
  const widthBytes = (b[i + 4] ?? 0) + 256 * (b[i + 5] ?? 0);
  const height = (b[i + 6] ?? 0) + 256 * (b[i + 7] ?? 0);
  const size = 8 + widthBytes * height;
  if (i + size > b.length) return NEED_MORE;
  return { kind: 'raster', widthBytes, height, bits: b.slice(i + 8, i + size), size };
}
