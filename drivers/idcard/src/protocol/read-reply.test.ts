import { describe, expect, it } from 'vitest';
import { toHex } from '../../../transport/src/hex';
import { encodeResponse } from './frame';
import { decodeReadReply, encodeReadReply } from './read-reply';
import { Sw3 } from './status-codes';

const text = new Uint8Array(256).fill(0x20);
const photo = new Uint8Array(1024).fill(0x57);
const fingerprint = new Uint8Array(1024).fill(0xf9);

describe('read replies', () => {
  it('30 01: textLen photoLen text photo, a 1295-byte frame with Len 05 08', () => {
    const data = encodeReadReply({ text, photo }, 'text-photo');
    expect(toHex(data.subarray(0, 4))).toBe('01 00 04 00');
    const frame = encodeResponse(Sw3.ok, data);
    expect(frame).toHaveLength(1295);
    expect(toHex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
    expect(decodeReadReply(data, 'text-photo')).toEqual({
      ok: true,
      value: { text, photo, hasFingerprint: false },
    });
  });

  it('30 10 with fingerprints: fpLen 04 00, a 2321-byte frame; the templates are never returned and are zeroed', () => {
    const data = encodeReadReply({ text, photo, fingerprint }, 'text-photo-fingerprint');
    expect(toHex(data.subarray(0, 6))).toBe('01 00 04 00 04 00');
    expect(encodeResponse(Sw3.ok, data)).toHaveLength(2321);
    const decoded = decodeReadReply(data, 'text-photo-fingerprint');
    expect(decoded).toEqual({ ok: true, value: { text, photo, hasFingerprint: true } });
    expect(data.subarray(6 + 256 + 1024).every((b) => b === 0)).toBe(true);
  });

  it('30 10 without fingerprints: fpLen 00 00, a 1297-byte frame', () => {
    const data = encodeReadReply({ text, photo }, 'text-photo-fingerprint');
    expect(toHex(data.subarray(0, 6))).toBe('01 00 04 00 00 00');
    expect(encodeResponse(Sw3.ok, data)).toHaveLength(1297);
    expect(decodeReadReply(data, 'text-photo-fingerprint')).toMatchObject({
      ok: true,
      value: { hasFingerprint: false },
    });
  });

  it('a card without a photo says so (and nothing is invented)', () => {
    const data = encodeReadReply({ text, photo: new Uint8Array(0) }, 'text-photo');
    expect(decodeReadReply(data, 'text-photo')).toMatchObject({
      ok: true,
      value: { photo: new Uint8Array(0) },
    });
  });

  it.each([
    [
      'a short reply',
      encodeReadReply({ text, photo }, 'text-photo').subarray(0, 1000),
      'text-photo',
    ],
    [
      'a wrong text length',
      encodeReadReply({ text: text.subarray(0, 254), photo }, 'text-photo'),
      'text-photo',
    ],
    [
      'a wrong photo length',
      encodeReadReply({ text, photo: photo.subarray(0, 1000) }, 'text-photo'),
      'text-photo',
    ],
    [
      'a wrong fingerprint length',
      encodeReadReply(
        { text, photo, fingerprint: fingerprint.subarray(0, 512) },
        'text-photo-fingerprint',
      ),
      'text-photo-fingerprint',
    ],
    [
      'a 30 10 reply read as 30 01',
      encodeReadReply({ text, photo }, 'text-photo-fingerprint'),
      'text-photo',
    ],
    ['three bytes', Uint8Array.of(1, 0, 4), 'text-photo'],
  ] as const)('refuses %s', (_, data, kind) => {
    expect(decodeReadReply(data.slice(), kind)).toMatchObject({
      ok: false,
      error: { code: 'bad-reply' },
    });
  });
});
