/**
 * Sealing a new outbox record: a fresh data key seals the payload and each file (each with its
 * own associated data, so no sealed part can be moved to another record or role), the KEK wraps
 * the data key, and the plaintext key is wiped from memory once the record is built.
 */
import { newDataKey, recordAad, wrapDataKey } from '../crypto/envelope';
import type { RecordCipher } from '../crypto/record-cipher';
import type { Payload } from './delivery';
import type { NewRecord } from './outbox-store';

const encoder = new TextEncoder();

export function sealRecord(input: {
  id: string;
  kind: NewRecord['kind'];
  idempotencyKey: string;
  createdAt: number;
  payload: Payload;
  files: { bytes: Uint8Array; mediaType: string }[];
  cipher: RecordCipher;
  kek: Uint8Array;
  extra?: Pick<NewRecord, 'itemCode' | 'submittedAt' | 'dependsOn'>;
}): NewRecord {
  const { id, cipher } = input;
  const dek = newDataKey();
  try {
    return {
      id,
      kind: input.kind,
      idempotencyKey: input.idempotencyKey,
      createdAt: input.createdAt,
      ...input.extra,
      cipher: cipher.id,
      wrappedKey: wrapDataKey(cipher, input.kek, dek, id),
      payload: cipher.seal(
        dek,
        encoder.encode(JSON.stringify(input.payload)),
        recordAad(id, 'payload'),
      ),
      files: input.files.map((file, seq) => ({
        seq,
        mediaType: file.mediaType,
        size: file.bytes.byteLength,
        content: cipher.seal(dek, file.bytes, recordAad(id, `file:${seq}`)),
      })),
    };
  } finally {
    dek.fill(0);
  }
}
