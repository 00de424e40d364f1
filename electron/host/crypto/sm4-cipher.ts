/**
 * SM4 (GB/T 32907-2016) for deployments that must use 国密 algorithms, in pure JS (sm-crypto)
 * because Electron's BoringSSL has no SM4. sm-crypto offers only ECB and CBC, neither
 * authenticated, so this composes a standard AEAD from parts: SM4 in counter mode (the block
 * cipher applied to counter blocks, GB/T 17964-2021 CTR) for confidentiality, then HMAC-SM3
 * (GB/T 15852.2 with SM3, GB/T 32905-2016) over everything for integrity — encrypt-then-MAC.
 *
 * From the 32-byte record key K: encKey = HMAC-SM3(K, "kiosk/sm4-ctr")[0..16],
 * macKey = HMAC-SM3(K, "kiosk/hmac-sm3"). Layout: `0x02 ‖ iv(16) ‖ ciphertext ‖ tag(32)`, the tag
 * over `0x02 ‖ iv ‖ len(aad) as u32 BE ‖ aad ‖ ciphertext`. The IV is random; the counter is the
 * IV as a 128-bit big-endian number plus the block index.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import smCrypto from 'sm-crypto';
import { err, ok } from '../../shared/result';
import { assertKey } from './record-cipher';
import type { RecordCipher } from './record-cipher';

const { sm3, sm4 } = smCrypto;

const VERSION = 0x02;
const BLOCK = 16;
const TAG_BYTES = 32;
const ENC_LABEL = new TextEncoder().encode('kiosk/sm4-ctr');
const MAC_LABEL = new TextEncoder().encode('kiosk/hmac-sm3');

export function hmacSm3(key: Uint8Array, data: Uint8Array): Uint8Array {
  return Uint8Array.from(Buffer.from(sm3(data, { key }), 'hex'));
}

/** One SM4 block (exported for the standard's test vector). */
export function sm4EncryptBlocks(key: Uint8Array, blocks: Uint8Array): Uint8Array {
  return Uint8Array.from(sm4.encrypt(blocks, key, { padding: 'none', output: 'array' }));
}

function keystream(key: Uint8Array, iv: Uint8Array, length: number): Uint8Array {
  const count = Math.ceil(length / BLOCK);
  const counters = new Uint8Array(count * BLOCK);
  const counter = Uint8Array.from(iv);
  for (let b = 0; b < count; b += 1) {
    counters.set(counter, b * BLOCK);
    // Increment the 128-bit big-endian counter.
    for (let i = BLOCK - 1; i >= 0; i -= 1) {
      counter[i] = (counter[i]! + 1) & 0xff;
      if (counter[i] !== 0) break;
    }
  }
  return count === 0 ? counters : sm4EncryptBlocks(key, counters);
}

function xor(data: Uint8Array, stream: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.byteLength);
  for (let i = 0; i < data.byteLength; i += 1) out[i] = data[i]! ^ stream[i]!;
  return out;
}

function derive(key: Uint8Array): { encKey: Uint8Array; macKey: Uint8Array } {
  assertKey(key);
  return { encKey: hmacSm3(key, ENC_LABEL).subarray(0, BLOCK), macKey: hmacSm3(key, MAC_LABEL) };
}

function tagOf(macKey: Uint8Array, iv: Uint8Array, aad: Uint8Array, body: Uint8Array): Uint8Array {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(aad.byteLength);
  return hmacSm3(macKey, Buffer.concat([Buffer.of(VERSION), iv, length, aad, body]));
}

export const sm4Cipher: RecordCipher = {
  id: 'sm4-ctr-hmac-sm3',
  seal(key, plaintext, aad) {
    const { encKey, macKey } = derive(key);
    const iv = randomBytes(BLOCK);
    const body = xor(plaintext, keystream(encKey, iv, plaintext.byteLength));
    const tag = tagOf(macKey, iv, aad, body);
    return new Uint8Array(Buffer.concat([Buffer.of(VERSION), iv, body, tag]));
  },
  open(key, sealed, aad) {
    const { encKey, macKey } = derive(key);
    if (sealed.byteLength < 1 + BLOCK + TAG_BYTES || sealed[0] !== VERSION) {
      return err({ code: 'tampered' });
    }
    const iv = sealed.subarray(1, 1 + BLOCK);
    const body = sealed.subarray(1 + BLOCK, sealed.byteLength - TAG_BYTES);
    const tag = sealed.subarray(sealed.byteLength - TAG_BYTES);
    if (!timingSafeEqual(tag, tagOf(macKey, iv, aad, body))) return err({ code: 'tampered' });
    return ok(xor(body, keystream(encKey, iv, body.byteLength)));
  },
};
