import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeNamedCommand } from './commands';
import {
  CommandFrameAccumulator,
  encodeCommand,
  encodeResponse,
  FrameAccumulator,
  PREAMBLE,
  xorChecksum,
  type ResponseFrame,
} from './frame';
import { Sw3 } from './status-codes';
import { hex, toHex } from '../../../transport/src/hex';

describe('command frames (hex vectors: every command in commands.test.ts)', () => {
  it('counts data in Len and CHK', () => {
    expect(toHex(encodeCommand(0x61, 0xff, hex('01 02')))).toBe(
      'AA AA AA 96 69 00 05 61 FF 01 02 98',
    );
  });
});

describe('response frames (hex vectors)', () => {
  it.each([
    ['SAM ok', Sw3.ok, '', 'AA AA AA 96 69 00 04 00 00 90 94'],
    ['card found', Sw3.cardFound, '00 00 00 00', 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'],
    ['no card', Sw3.noCard, '', 'AA AA AA 96 69 00 04 00 00 80 84'],
    ['read failed', Sw3.readFailed, '', 'AA AA AA 96 69 00 04 00 00 41 45'],
    [
      'selected',
      Sw3.ok,
      '00 00 00 00 00 00 00 00',
      'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C',
    ],
  ])('%s', (_, sw3, data, expected) => {
    expect(toHex(encodeResponse(sw3, hex(data)))).toBe(expected);
  });

  it('a read text+photo reply is 1295 bytes with Len 05 08', () => {
    const data = new Uint8Array(1284);
    data.set(hex('01 00 04 00'), 0);
    const frame = encodeResponse(Sw3.ok, data);
    expect(frame.length).toBe(1295);
    expect(toHex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
  });
});

describe('FrameAccumulator', () => {
  const okFrame = encodeResponse(Sw3.ok);
  const found = encodeResponse(Sw3.cardFound, hex('00 00 00 00'));

  it('reassembles a frame delivered byte by byte', () => {
    const acc = new FrameAccumulator();
    const out = Array.from(found).flatMap((b) => acc.push(Uint8Array.of(b)));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ ok: true, value: { sw3: 0x9f } });
  });

  it('skips garbage, including a partial preamble, before a frame', () => {
    const acc = new FrameAccumulator();
    const out = acc.push(Uint8Array.of(0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, ...okFrame));
    expect(out).toEqual([
      { ok: true, value: { sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array() } },
    ]);
  });

  it('reports a bad checksum as a value and finds the next frame', () => {
    const bad = okFrame.slice();
    bad[bad.length - 1] = (bad.at(-1) ?? 0) ^ 0x01;
    const out = new FrameAccumulator().push(Uint8Array.of(...bad, ...found));
    expect(out[0]).toEqual({
      ok: false,
      error: { code: 'bad-checksum', expected: 0x94, actual: 0x95 },
    });
    expect(out.at(-1)).toMatchObject({ ok: true, value: { sw3: 0x9f } });
  });

  it('reports an impossible Len and resynchronises', () => {
    const out = new FrameAccumulator().push(
      Uint8Array.of(...hex('AA AA AA 96 69 00 01'), ...okFrame),
    );
    expect(out[0]).toEqual({ ok: false, error: { code: 'bad-length', length: 1 } });
    expect(out.at(-1)).toMatchObject({ ok: true, value: { sw3: 0x90 } });
  });

  it('finds a frame that a lost byte hid inside a broken one', () => {
    const truncated = found.slice(0, 10); // the rest of this frame never arrived
    const out = new FrameAccumulator().push(Uint8Array.of(...truncated, ...okFrame, ...okFrame));
    expect(out[0]).toMatchObject({ ok: false, error: { code: 'bad-checksum' } });
    expect(out.filter((r) => r.ok)).toHaveLength(2);
  });

  it('reset() forgets a partial frame', () => {
    const acc = new FrameAccumulator();
    acc.push(found.subarray(0, 9));
    acc.reset();
    expect(acc.buffered).toBe(0);
    expect(acc.push(okFrame)).toHaveLength(1);
  });

  it('the command accumulator reads what the host sends', () => {
    const out = new CommandFrameAccumulator().push(encodeNamedCommand('find-card'));
    expect(out).toEqual([{ ok: true, value: { cmd: 0x20, para: 0x01, data: new Uint8Array() } }]);
  });
});

/** Splits `bytes` at the given cut points (fast-check picks them). */
function chunked(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let last = 0;
  for (const p of [...points, bytes.length]) {
    chunks.push(bytes.subarray(last, p));
    last = p;
  }
  return chunks;
}

/** Rebuilds the wire bytes of a decoded reply, to check what the accumulator let through. */
function rewire(frame: ResponseFrame): Uint8Array {
  const wire = encodeResponse(frame.sw3, frame.data);
  wire[7] = frame.sw1;
  wire[8] = frame.sw2;
  wire[wire.length - 1] = xorChecksum(wire.subarray(5, wire.length - 1));
  return wire;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).includes(Buffer.from(needle));
}

describe('FrameAccumulator properties', () => {
  it('never throws on arbitrary bytes, and only yields frames that are in the stream with a good CHK', () => {
    fc.assert(
      fc.property(
        // Random bytes alone almost never hold a preamble, so mix in preambles, plausible
        // headers and whole frames, any of which may then be cut short by the next piece.
        fc
          .array(
            fc.oneof(
              fc.uint8Array({ maxLength: 30 }),
              fc.constant(PREAMBLE),
              fc
                .uint8Array({ minLength: 2, maxLength: 2 })
                .map((len) => Uint8Array.of(...PREAMBLE, 0, len[0] ?? 0)),
              fc
                .tuple(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 20 }), fc.nat())
                .map(([sw3, data, cut]) => {
                  const frame = encodeResponse(sw3, data);
                  return frame.subarray(0, frame.length - (cut % 3));
                }),
            ),
            { maxLength: 20 },
          )
          .map((pieces) => Uint8Array.from(pieces.flatMap((p) => [...p]))),
        fc.array(fc.nat(), { maxLength: 40 }),
        (bytes, cuts) => {
          const acc = new FrameAccumulator();
          for (const chunk of chunked(bytes, cuts)) {
            for (const outcome of acc.push(chunk)) {
              if (!outcome.ok) continue;
              const wire = rewire(outcome.value);
              expect(xorChecksum(wire.subarray(5, wire.length - 1))).toBe(wire.at(-1));
              expect(contains(bytes, wire)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('recovers every frame, in order, from frames mixed with garbage and split anywhere', () => {
    const frameArb = fc
      .record({ sw3: fc.integer({ min: 0, max: 255 }), data: fc.uint8Array({ maxLength: 40 }) })
      .map(({ sw3, data }) => encodeResponse(sw3, data));
    // Garbage without 0xAA cannot contain (part of) a preamble.
    const garbageArb = fc
      .uint8Array({ maxLength: 12 })
      .map((g) => g.map((b) => (b === 0xaa ? 0 : b)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(garbageArb, frameArb), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (pieces, cuts) => {
          const stream = Uint8Array.from(pieces.flatMap(([g, f]) => [...g, ...f]));
          const acc = new FrameAccumulator();
          const got = chunked(stream, cuts)
            .flatMap((chunk) => acc.push(chunk))
            .filter((o) => o.ok)
            .map((o) => toHex(rewire(o.value)));
          expect(got).toEqual(pieces.map(([, f]) => toHex(f)));
        },
      ),
    );
  });
});
