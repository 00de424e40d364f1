/** The record ciphers by id: a record names the one that sealed it, so both can be read later. */
import { aesGcmCipher } from './aes-gcm-cipher';
import type { CipherId, RecordCipher } from './record-cipher';
import { sm4Cipher } from './sm4-cipher';

const CIPHERS: Record<CipherId, RecordCipher> = {
  'aes-256-gcm': aesGcmCipher,
  'sm4-ctr-hmac-sm3': sm4Cipher,
};

export function cipherById(id: CipherId): RecordCipher {
  return CIPHERS[id];
}

export function isCipherId(value: string): value is CipherId {
  return value in CIPHERS;
}
