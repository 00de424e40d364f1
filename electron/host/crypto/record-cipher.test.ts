import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { CIPHER_IDS } from './record-cipher';
import { cipherById } from './ciphers';
import { hmacSm3, sm4EncryptBlocks } from './sm4-cipher';
import { newDataKey, recordAad, unwrapDataKey, wrapDataKey } from './envelope';

const { sm3 } = smCrypto;
const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const text = (s: string) => new TextEncoder().encode(s);

describe('SM4 and SM3 primitives (standard vectors)', () => {
  it('SM4 encrypts the GB/T 32907-2016 example block', () => {
    const key = hex('0123456789abcdeffedcba9876543210');
    expect(Buffer.from(sm4EncryptBlocks(key, key)).toString('hex')).toBe(
      '681edf34d206965e86b3e94f536e4246',
    );
  });

  it('SM3 hashes the GB/T 32905-2016 example, and HMAC-SM3 is RFC 2104 over it', () => {
    expect(sm3(text('abc'))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    const key = text('kiosk key');
    const block = new Uint8Array(64);
    block.set(key);
    const pad = (byte: number) => block.map((b) => b ^ byte);
    const inner = hex(sm3(Buffer.concat([pad(0x36), text('message')])));
    const expected = sm3(Buffer.concat([pad(0x5c), inner]));
    expect(Buffer.from(hmacSm3(key, text('message'))).toString('hex')).toBe(expected);
  });
});

describe.each(CIPHER_IDS)('record cipher %s', (id) => {
  const cipher = cipherById(id);
  const key = newDataKey();
  const aad = recordAad('L-1', 'payload');

  it('round-trips any bytes, with a fresh nonce every time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (plain) => {
        const sealed = cipher.seal(key, plain, aad);
        const opened = cipher.open(key, sealed, aad);
        return opened.ok && Buffer.from(opened.value).equals(Buffer.from(plain));
      }),
      { numRuns: 60 },
    );
    const a = cipher.seal(key, text('同一内容'), aad);
    const b = cipher.seal(key, text('同一内容'), aad);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuses a flipped bit anywhere, another key, or other associated data', () => {
    const sealed = cipher.seal(key, text('王秀英 37010219580312124X'), aad);
    for (const index of [0, 1, 20, sealed.length - 1]) {
      const broken = Uint8Array.from(sealed);
      broken[index] = broken[index]! ^ 0x01;
      expect(cipher.open(key, broken, aad)).toEqual({ ok: false, error: { code: 'tampered' } });
    }
    expect(cipher.open(newDataKey(), sealed, aad).ok).toBe(false);
    expect(cipher.open(key, sealed, recordAad('L-2', 'payload')).ok).toBe(false);
    expect(cipher.open(key, sealed.subarray(0, 10), aad).ok).toBe(false);
  });

  it('never leaves the plaintext visible in the sealed bytes', () => {
    const secret = '37010219580312124X';
    const sealed = Buffer.from(cipher.seal(key, text(secret), aad));
    expect(sealed.includes(Buffer.from(secret))).toBe(false);
  });

  it('wraps a data key under the KEK, bound to the record', () => {
    const kek = new Uint8Array(randomBytes(32));
    const dek = newDataKey();
    const wrapped = wrapDataKey(cipher, kek, dek, 'L-7');
    expect(unwrapDataKey(cipher, kek, wrapped, 'L-7')).toEqual({ ok: true, value: dek });
    expect(unwrapDataKey(cipher, kek, wrapped, 'L-8').ok).toBe(false);
  });

  it('treats a wrong-length key as a bug', () => {
    expect(() => cipher.seal(new Uint8Array(16), text('x'), aad)).toThrow(/32 bytes/);
  });
});
