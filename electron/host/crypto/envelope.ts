/**
 * Envelope encryption for outbox records: each record has its own random data key (DEK) that
 * seals its payload and files; the DEK is stored only wrapped (sealed) under the key-encryption
 * key (KEK) from the key store. Destroying a record's wrapped DEK makes its ciphertext unreadable
 * even where old copies of the ciphertext survive (crypto-shredding), and the KEK never touches
 * the database.
 */
import { randomBytes } from 'node:crypto';
import type { Result } from '../../shared/result';
import { KEY_BYTES } from './record-cipher';
import type { OpenError, RecordCipher } from './record-cipher';

const encoder = new TextEncoder();

export function newDataKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/** Associated data naming the record and the role of the bytes (`payload`, `file:0`, `dek`). */
export function recordAad(recordId: string, role: string): Uint8Array {
  return encoder.encode(`kiosk-outbox/v1/${recordId}/${role}`);
}

export function wrapDataKey(
  cipher: RecordCipher,
  kek: Uint8Array,
  dek: Uint8Array,
  recordId: string,
): Uint8Array {
  return cipher.seal(kek, dek, recordAad(recordId, 'dek'));
}

export function unwrapDataKey(
  cipher: RecordCipher,
  kek: Uint8Array,
  wrapped: Uint8Array,
  recordId: string,
): Result<Uint8Array, OpenError> {
  return cipher.open(kek, wrapped, recordAad(recordId, 'dek'));
}
