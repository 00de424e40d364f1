/**
 * AES-256-GCM (NIST SP 800-38D) from node:crypto: a 96-bit random nonce (§8.2.2; with one data
 * key per record and a handful of seals per key, random nonces are far inside the 2³² limit) and
 * the full 128-bit tag. Layout: `0x01 ‖ nonce(12) ‖ ciphertext ‖ tag(16)`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { err, ok } from '../../shared/result';
import { assertKey } from './record-cipher';
import type { RecordCipher } from './record-cipher';

const VERSION = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export const aesGcmCipher: RecordCipher = {
  id: 'aes-256-gcm',
  seal(key, plaintext, aad) {
    assertKey(key);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return new Uint8Array(Buffer.concat([Buffer.of(VERSION), nonce, body, cipher.getAuthTag()]));
  },
  open(key, sealed, aad) {
    assertKey(key);
    if (sealed.byteLength < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      return err({ code: 'tampered' });
    }
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    const body = bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      return ok(new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()])));
    } catch {
      return err({ code: 'tampered' });
    }
  },
};
