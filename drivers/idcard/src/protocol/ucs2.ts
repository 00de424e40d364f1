/**
 * Text fields on the card are UCS-2 little-endian, padded with spaces (0x20 0x00) to the field
 * width. Some readers pad with NULs instead; both are trimmed. UCS-2 holds the BMP only, so a
 * rare character on a card is always one UTF-16 unit (CJK Extension A, e.g. 䶮 U+4DAE, is in).
 */
const decoder = new TextDecoder('utf-16le');

/** The field's characters exactly as stored, NUL padding shown as spaces. */
export function readUcs2Raw(block: Uint8Array, offset: number, length: number): string {
  return decoder.decode(block.subarray(offset, offset + length)).replaceAll('\0', ' ');
}

export function readUcs2(block: Uint8Array, offset: number, length: number): string {
  return readUcs2Raw(block, offset, length).trimEnd();
}

/** Writes `value` space-padded into `length` bytes. Throws when it does not fit (a bug). */
export function writeUcs2(block: Uint8Array, offset: number, length: number, value: string): void {
  if (value.length * 2 > length) {
    throw new RangeError(`${value.length} UTF-16 units do not fit in ${length} bytes`);
  }
  for (let i = 0; i < length / 2; i++) {
    const unit = i < value.length ? value.charCodeAt(i) : 0x20;
    if (unit >= 0xd800 && unit <= 0xdfff) {
      throw new RangeError('a character outside the BMP cannot be stored in UCS-2');
    }
    block[offset + 2 * i] = unit & 0xff;
    block[offset + 2 * i + 1] = unit >> 8;
  }
}
