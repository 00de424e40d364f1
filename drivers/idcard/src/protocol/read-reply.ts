import { err, ok, type Result } from '../../../../electron/shared/result';

/**
 * Data of the 30 01 (read text + photo) reply: `textLen(2, BE) photoLen(2, BE) text photo`.
 * A resident card always gives 256 text bytes and 1024 photo bytes, so the whole reply frame is
 * 5 + 2 + (3 + 4 + 256 + 1024 + 1) = 1295 bytes.
 */
export const TEXT_LENGTH = 256;
export const PHOTO_LENGTH = 1024;
export const READ_TEXT_PHOTO_DATA_LENGTH = 4 + TEXT_LENGTH + PHOTO_LENGTH;

export interface TextAndPhoto {
  text: Uint8Array;
  photo: Uint8Array;
}

export function decodeReadTextPhoto(
  data: Uint8Array,
): Result<TextAndPhoto, { code: 'bad-reply'; message: string }> {
  if (data.length < 4) return err({ code: 'bad-reply', message: `only ${data.length} bytes` });
  const textLen = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
  const photoLen = ((data[2] ?? 0) << 8) | (data[3] ?? 0);
  if (textLen !== TEXT_LENGTH || photoLen !== PHOTO_LENGTH) {
    return err({ code: 'bad-reply', message: `text ${textLen} / photo ${photoLen} bytes` });
  }
  if (data.length !== 4 + textLen + photoLen) {
    return err({ code: 'bad-reply', message: `${data.length} bytes for text+photo` });
  }
  return ok({
    text: data.slice(4, 4 + textLen),
    photo: data.slice(4 + textLen, 4 + textLen + photoLen),
  });
}

export function encodeReadTextPhoto({ text, photo }: TextAndPhoto): Uint8Array {
  const data = new Uint8Array(4 + text.length + photo.length);
  data[0] = text.length >> 8;
  data[1] = text.length & 0xff;
  data[2] = photo.length >> 8;
  data[3] = photo.length & 0xff;
  data.set(text, 4);
  data.set(photo, 4 + text.length);
  return data;
}
