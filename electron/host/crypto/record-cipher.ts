/**
 * Authenticated encryption of one record's bytes under a 32-byte key, with associated data bound
 * in (the record id and what the bytes are), so a sealed payload cannot be swapped into another
 * record or another role undetected. Two implementations behind this one interface (DESIGN §2.6):
 * AES-256-GCM from node:crypto, and SM4 (国密) in pure JS for deployments that must use it —
 * Electron's BoringSSL has no SM4, so node:crypto cannot be relied on for it there.
 */
import type { Result } from '../../shared/result';

export type CipherId = 'aes-256-gcm' | 'sm4-ctr-hmac-sm3';

export const CIPHER_IDS: readonly CipherId[] = ['aes-256-gcm', 'sm4-ctr-hmac-sm3'];

/** Every key handed to a cipher is this long (SM4 derives its 128-bit key and MAC key from it). */
export const KEY_BYTES = 32;

export type OpenError = { code: 'tampered' };

export interface RecordCipher {
  id: CipherId;
  /** `version ‖ nonce ‖ ciphertext ‖ tag`; a fresh random nonce every call. */
  seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  /** The plaintext, or `tampered` when the key, the aad or any byte is not what sealed it. */
  open(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Result<Uint8Array, OpenError>;
}

export function assertKey(key: Uint8Array): void {
  // A wrong-length key is a bug in the caller, never a condition to handle.
  if (key.byteLength !== KEY_BYTES) throw new Error(`a record key is ${KEY_BYTES} bytes`);
}
