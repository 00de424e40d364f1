import type { Alignment } from '../protocol/escpos';
import type { StatusRequest } from '../protocol/status';

/**
 * The printer's side of ESC/POS: bytes in, commands out, robust to any chunking (a command
 * split across chunks waits for its remaining bytes). Covers what our jobs use plus what a
 * printer must survive; anything else becomes `unknown` so a test can see it.
 */
export type EscPosToken =
  | { kind: 'text'; bytes: Uint8Array }
  | { kind: 'line-feed' }
  | { kind: 'feed-lines'; lines: number }
  | { kind: 'initialize' }
  | { kind: 'chinese-mode'; on: boolean }
  | { kind: 'size'; width: number; height: number }
  | { kind: 'bold'; on: boolean }
  | { kind: 'align'; align: Alignment }
  | { kind: 'qr-store'; data: Uint8Array }
  | { kind: 'qr-print' }
  | { kind: 'qr-setting'; fn: number }
  | { kind: 'cut'; partial: boolean; feed: number }
  | { kind: 'status-request'; n: StatusRequest }
  | { kind: 'unknown'; bytes: Uint8Array };

/** A token and how many stream bytes it took (the paper-out knob counts bytes). */
export type SizedToken = EscPosToken & { size: number };

const NEED_MORE = Symbol('need more');

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

function parseAt(b: Uint8Array, i: number): SizedToken | typeof NEED_MORE {
  const at = (k: number) => b[i + k];
  const have = (n: number) => i + n <= b.length;
  const first = at(0) ?? 0;

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
      if (!have(3)) return NEED_MORE;
      if (at(1) === 0x04 && [1, 2, 3, 4].includes(at(2) ?? 0)) {
        return { kind: 'status-request', n: at(2) as StatusRequest, size: 3 };
      }
      return { kind: 'unknown', bytes: b.slice(i, i + 1), size: 1 };
    case 0x1b:
      return parseEsc(b, i);
    case 0x1c: // FS & / FS .
      if (!have(2)) return NEED_MORE;
      if (at(1) === 0x26) return { kind: 'chinese-mode', on: true, size: 2 };
      if (at(1) === 0x2e) return { kind: 'chinese-mode', on: false, size: 2 };
      return { kind: 'unknown', bytes: b.slice(i, i + 2), size: 2 };
    case 0x1d:
      return parseGs(b, i);
    default: // CR, HT and other controls we do not act on
      return { kind: 'unknown', bytes: b.slice(i, i + 1), size: 1 };
  }
}

function parseEsc(b: Uint8Array, i: number): SizedToken | typeof NEED_MORE {
  if (i + 2 > b.length) return NEED_MORE;
  const command = b[i + 1];
  if (command === 0x40) return { kind: 'initialize', size: 2 };
  if (command !== 0x45 && command !== 0x61 && command !== 0x64) {
    return { kind: 'unknown', bytes: b.slice(i, i + 2), size: 2 };
  }
  if (i + 3 > b.length) return NEED_MORE;
  const n = b[i + 2] ?? 0;
  switch (command) {
    case 0x45: // ESC E n: only bit 0 counts
      return { kind: 'bold', on: (n & 1) === 1, size: 3 };
    case 0x61: // ESC a n: 0/48 left, 1/49 centre, 2/50 right
      return {
        kind: 'align',
        align: (['left', 'center', 'right'] as const)[n % 48] ?? 'left',
        size: 3,
      };
    default: // ESC d n
      return { kind: 'feed-lines', lines: n, size: 3 };
  }
}

function parseGs(b: Uint8Array, i: number): SizedToken | typeof NEED_MORE {
  if (i + 2 > b.length) return NEED_MORE;
  const command = b[i + 1];
  if (command === 0x21) {
    if (i + 3 > b.length) return NEED_MORE;
    const n = b[i + 2] ?? 0;
    return { kind: 'size', width: ((n >> 4) & 7) + 1, height: (n & 7) + 1, size: 3 };
  }
  if (command === 0x56) {
    // GS V m (m = 0/48 full, 1/49 partial) or GS V m n (m = 65/66: feed n, then cut).
    if (i + 3 > b.length) return NEED_MORE;
    const m = b[i + 2] ?? 0;
    if ([0, 1, 48, 49].includes(m)) return { kind: 'cut', partial: m % 48 === 1, feed: 0, size: 3 };
    if (i + 4 > b.length) return NEED_MORE;
    return { kind: 'cut', partial: m % 2 === 0, feed: b[i + 3] ?? 0, size: 4 };
  }
  if (command === 0x28 && b[i + 2] === undefined) return NEED_MORE;
  if (command === 0x28 && b[i + 2] === 0x6b) {
    // GS ( k pL pH cn fn [params]: pL + 256 pH bytes follow pH.
    if (i + 5 > b.length) return NEED_MORE;
    const length = (b[i + 3] ?? 0) + 256 * (b[i + 4] ?? 0);
    const size = 5 + length;
    if (i + size > b.length) return NEED_MORE;
    const cn = b[i + 5];
    const fn = b[i + 6] ?? 0;
    if (cn !== 49) return { kind: 'unknown', bytes: b.slice(i, i + size), size };
    if (fn === 80) return { kind: 'qr-store', data: b.slice(i + 8, i + size), size }; // skip m = 48
    if (fn === 81) return { kind: 'qr-print', size };
    return { kind: 'qr-setting', fn, size };
  }
  return { kind: 'unknown', bytes: b.slice(i, i + 2), size: 2 };
}
