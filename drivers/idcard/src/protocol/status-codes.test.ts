import { describe, expect, it } from 'vitest';
import { hex, toHex } from '../../../transport/src/hex';
import { encodeResponse, FrameAccumulator } from './frame';
import { describeSw3, Sw3, sw3Name, type Sw3Name } from './status-codes';

/** Every SW3 the readers answer, as a data-less reply frame: AA AA AA 96 69 00 04 00 00 SW3 CHK. */
const vectors: [Sw3Name, string, string][] = [
  ['ok', 'AA AA AA 96 69 00 04 00 00 90 94', 'ok'],
  ['cardFound', 'AA AA AA 96 69 00 04 00 00 9F 9B', 'card found'],
  ['itemEmpty', 'AA AA AA 96 69 00 04 00 00 91 95', 'item empty'],
  [
    'checksumError',
    'AA AA AA 96 69 00 04 00 00 10 14',
    'reader saw a checksum error in our command',
  ],
  ['lengthError', 'AA AA AA 96 69 00 04 00 00 11 15', 'reader saw a length error in our command'],
  ['commandError', 'AA AA AA 96 69 00 04 00 00 21 25', 'command error'],
  ['unauthorised', 'AA AA AA 96 69 00 04 00 00 23 27', 'unauthorised operation'],
  ['unknownError', 'AA AA AA 96 69 00 04 00 00 24 20', 'unknown error'],
  ['cardAuthFailed', 'AA AA AA 96 69 00 04 00 00 31 35', 'card failed to authenticate the SAM'],
  ['samAuthFailed', 'AA AA AA 96 69 00 04 00 00 32 36', 'SAM failed to authenticate the card'],
  ['verifyFailed', 'AA AA AA 96 69 00 04 00 00 33 37', 'information verification failed'],
  ['unknownCardType', 'AA AA AA 96 69 00 04 00 00 40 44', 'unknown card type'],
  ['readFailed', 'AA AA AA 96 69 00 04 00 00 41 45', 'card read failed'],
  ['randomFailed', 'AA AA AA 96 69 00 04 00 00 47 43', 'random number failed'],
  ['samSelfTestFailed', 'AA AA AA 96 69 00 04 00 00 60 64', 'SAM self-test failed'],
  ['samNotAuthorised', 'AA AA AA 96 69 00 04 00 00 66 62', 'SAM not authorised'],
  ['noCard', 'AA AA AA 96 69 00 04 00 00 80 84', 'no card'],
  ['selectFailed', 'AA AA AA 96 69 00 04 00 00 81 85', 'card select failed'],
];

describe('SW3 status hex vectors', () => {
  it('covers every documented status code', () => {
    expect(vectors.map(([name]) => name).sort()).toEqual(Object.keys(Sw3).sort());
  });

  it.each(vectors)('%s: %s', (name, wire, meaning) => {
    const sw3 = Sw3[name];
    expect(toHex(encodeResponse(sw3))).toBe(wire);
    expect(new FrameAccumulator().push(hex(wire))).toEqual([
      { ok: true, value: { sw1: 0, sw2: 0, sw3, data: new Uint8Array() } },
    ]);
    expect(sw3Name(sw3)).toBe(name);
    expect(describeSw3(sw3)).toBe(`SW3 ${wire.slice(27, 29)} (${meaning})`);
  });

  it('says so when a code is not documented', () => {
    expect(describeSw3(0x55)).toBe('SW3 55 (undocumented)');
    expect(sw3Name(0x55)).toBeUndefined();
  });
});
