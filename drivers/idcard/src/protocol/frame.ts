import { err, ok, type Result } from '../../../../electron/shared/result';

/**
 * The SAM communication frame of resident-ID readers (GA 467 "身份证验证安全控制模块接口"
 * family, the protocol every SAM-V reader speaks over serial and USB):
 *
 *   host → reader:  AA AA AA 96 69 | Len(2, big-endian) | CMD PARA [data] | CHK
 *   reader → host:  AA AA AA 96 69 | Len(2, big-endian) | SW1 SW2 SW3 [data] | CHK
 *
 * Len counts every byte after itself, CHK included. CHK is the XOR of every byte after the
 * 5-byte preamble (both Len bytes and the payload) up to, not including, CHK.
 */
export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
const HEADER = PREAMBLE.length + 2;

/** CMD PARA CHK: the shortest command. */
export const MIN_COMMAND_LEN = 3;
/** SW1 SW2 SW3 CHK: the shortest reply. */
export const MIN_RESPONSE_LEN = 4;
/**
 * The longest reply is text + photo + fingerprint (30 10): 3 + 6 + 256 + 1024 + 1024 + 1 = 2314.
 * Anything claiming more is a corrupted Len; refusing it early lets us resynchronise.
 */
export const MAX_LEN = 4096;

export interface CommandFrame {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface ResponseFrame {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export type FrameError =
  | { code: 'bad-checksum'; expected: number; actual: number }
  | { code: 'bad-length'; length: number };

/** XOR of `bytes`. */
export function xorChecksum(bytes: Uint8Array): number {
  let chk = 0;
  for (const byte of bytes) chk ^= byte;
  return chk;
}

function encodeFrame(payload: Uint8Array): Uint8Array {
  const len = payload.length + 1;
  if (len > MAX_LEN) throw new RangeError(`frame payload too long: ${payload.length} bytes`);
  const frame = new Uint8Array(HEADER + len);
  frame.set(PREAMBLE, 0);
  frame[5] = len >> 8;
  frame[6] = len & 0xff;
  frame.set(payload, HEADER);
  frame[frame.length - 1] = xorChecksum(frame.subarray(PREAMBLE.length, frame.length - 1));
  return frame;
}

export function encodeCommand(
  cmd: number,
  para: number,
  data: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const payload = new Uint8Array(2 + data.length);
  payload[0] = cmd;
  payload[1] = para;
  payload.set(data, 2);
  return encodeFrame(payload);
}

/** A reader's reply (the simulator's side). SW1 SW2 are always 00 00 in this protocol. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const payload = new Uint8Array(3 + data.length);
  payload[2] = sw3;
  payload.set(data, 3);
  return encodeFrame(payload);
}

/**
 * Reassembles frames from arbitrary chunks (DESIGN §4 rule 3: framing is an accumulator).
 * Buffers it lets go of are zeroed first: they held card data, fingerprints included.
 * Bytes before a preamble are discarded; a frame with an impossible Len or a wrong CHK is
 * reported as an error value and scanning resumes one byte after its preamble, so a frame
 * hidden behind a lost byte is still found. A frame is yielded only when its CHK matches.
 */
class Accumulator<F> {
  private buffer = new Uint8Array(0);
  /** Bytes thrown away while hunting for a preamble (for debug logs). */
  discarded = 0;

  constructor(
    private readonly minLen: number,
    private readonly decode: (payload: Uint8Array) => F,
  ) {}

  push(chunk: Uint8Array): Result<F, FrameError>[] {
    const merged = new Uint8Array(this.buffer.length + chunk.length);
    merged.set(this.buffer, 0);
    merged.set(chunk, this.buffer.length);
    this.buffer.fill(0);
    this.buffer = merged;
    const out: Result<F, FrameError>[] = [];
    for (;;) {
      const start = findPreamble(this.buffer);
      if (start < 0) {
        this.keepPossiblePreamblePrefix();
        return out;
      }
      this.drop(start);
      if (this.buffer.length < HEADER) return out;
      const len = ((this.buffer[5] ?? 0) << 8) | (this.buffer[6] ?? 0);
      if (len < this.minLen || len > MAX_LEN) {
        out.push(err({ code: 'bad-length', length: len }));
        this.drop(1);
        continue;
      }
      const total = HEADER + len;
      if (this.buffer.length < total) return out;
      const expected = xorChecksum(this.buffer.subarray(PREAMBLE.length, total - 1));
      const actual = this.buffer[total - 1] ?? 0;
      if (expected !== actual) {
        out.push(err({ code: 'bad-checksum', expected, actual }));
        this.drop(1);
        continue;
      }
      out.push(ok(this.decode(this.buffer.slice(HEADER, total - 1))));
      this.drop(total);
    }
  }

  /** Forgets everything buffered (before a new command, so a stale reply cannot answer it). */
  reset(): void {
    this.discarded += this.buffer.length;
    this.buffer.fill(0);
    this.buffer = new Uint8Array(0);
  }

  get buffered(): number {
    return this.buffer.length;
  }

  private drop(count: number): void {
    this.discarded += count;
    const rest = this.buffer.slice(count);
    this.buffer.fill(0);
    this.buffer = rest;
  }

  /** Keeps the longest tail that could be the start of a preamble split across chunks. */
  private keepPossiblePreamblePrefix(): void {
    for (let keep = Math.min(PREAMBLE.length - 1, this.buffer.length); keep > 0; keep--) {
      const tail = this.buffer.subarray(this.buffer.length - keep);
      if (tail.every((byte, i) => byte === PREAMBLE[i])) {
        this.drop(this.buffer.length - keep);
        return;
      }
    }
    this.drop(this.buffer.length);
  }
}

function findPreamble(buffer: Uint8Array): number {
  outer: for (let i = 0; i + PREAMBLE.length <= buffer.length; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) {
      if (buffer[i + j] !== PREAMBLE[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Host side: reassembles the reader's replies. */
export class FrameAccumulator extends Accumulator<ResponseFrame> {
  constructor() {
    super(MIN_RESPONSE_LEN, (p) => ({
      sw1: p[0] ?? 0,
      sw2: p[1] ?? 0,
      sw3: p[2] ?? 0,
      data: p.subarray(3),
    }));
  }
}

/** Reader side (the simulator): reassembles the host's commands. */
export class CommandFrameAccumulator extends Accumulator<CommandFrame> {
  constructor() {
    super(MIN_COMMAND_LEN, (p) => ({ cmd: p[0] ?? 0, para: p[1] ?? 0, data: p.subarray(2) }));
  }
}
