import { err, ok, type Result } from '../../../../electron/shared/result';

/**
 * Data of the read replies (GA 467 family, "读证/卡" commands):
 *
 *   30 01 text + photo:                textLen(2, BE) photoLen(2, BE) text photo
 *   30 10 text + photo + fingerprint:  textLen(2, BE) photoLen(2, BE) fpLen(2, BE) text photo fp
 *
 * Every card type gives 256 text bytes and a 1024-byte WLT photo, so a 30 01 reply frame is
 * 5 + 2 + (3 + 4 + 256 + 1024 + 1) = 1295 bytes. The fingerprint block is 1024 bytes (two
 * 512-byte templates) on a card that holds fingerprints, 0 otherwise: 1297 or 2321 bytes.
 */
export const TEXT_LENGTH = 256;
export const PHOTO_LENGTH = 1024;
export const FINGERPRINT_LENGTH = 1024;
export const READ_TEXT_PHOTO_DATA_LENGTH = 4 + TEXT_LENGTH + PHOTO_LENGTH;

export type ReadKind = 'text-photo' | 'text-photo-fingerprint';

export interface ReadReply {
  text: Uint8Array;
  /** The WLT photo, or empty when the reply carried none. */
  photo: Uint8Array;
  /** Only whether there was one: the fingerprint bytes are never returned. */
  hasFingerprint: boolean;
}

export type ReadReplyError = { code: 'bad-reply'; message: string };

const u16 = (data: Uint8Array, at: number) => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);

/**
 * Splits a read reply. For 30 10 the fingerprint bytes are overwritten with zeros in `data`
 * itself: biometric data must not linger in a buffer we own (DESIGN §2.5).
 */
export function decodeReadReply(
  data: Uint8Array,
  kind: ReadKind,
): Result<ReadReply, ReadReplyError> {
  const header = kind === 'text-photo' ? 4 : 6;
  if (data.length < header) return err({ code: 'bad-reply', message: `only ${data.length} bytes` });
  const textLen = u16(data, 0);
  const photoLen = u16(data, 2);
  const fpLen = kind === 'text-photo' ? 0 : u16(data, 4);
  const fpStart = header + textLen + photoLen;
  data.fill(0, Math.min(fpStart, data.length));
  if (textLen !== TEXT_LENGTH || (photoLen !== PHOTO_LENGTH && photoLen !== 0)) {
    return err({ code: 'bad-reply', message: `text ${textLen} / photo ${photoLen} bytes` });
  }
  if (fpLen !== 0 && fpLen !== FINGERPRINT_LENGTH) {
    return err({ code: 'bad-reply', message: `fingerprint ${fpLen} bytes` });
  }
  if (data.length !== fpStart + fpLen) {
    return err({ code: 'bad-reply', message: `${data.length} bytes for a ${kind} reply` });
  }
  return ok({
    text: data.slice(header, header + textLen),
    photo: data.slice(header + textLen, fpStart),
    hasFingerprint: fpLen > 0,
  });
}

/** The simulator's side. `fingerprint` is only sent for 30 10. */
export function encodeReadReply(
  parts: { text: Uint8Array; photo: Uint8Array; fingerprint?: Uint8Array },
  kind: ReadKind,
): Uint8Array {
  const { text, photo } = parts;
  const fingerprint =
    kind === 'text-photo' ? new Uint8Array(0) : (parts.fingerprint ?? new Uint8Array(0));
  const header = kind === 'text-photo' ? 4 : 6;
  const data = new Uint8Array(header + text.length + photo.length + fingerprint.length);
  data[0] = text.length >> 8;
  data[1] = text.length & 0xff;
  data[2] = photo.length >> 8;
  data[3] = photo.length & 0xff;
  if (kind !== 'text-photo') {
    data[4] = fingerprint.length >> 8;
    data[5] = fingerprint.length & 0xff;
  }
  data.set(text, header);
  data.set(photo, header + text.length);
  data.set(fingerprint, header + text.length + photo.length);
  return data;
}
