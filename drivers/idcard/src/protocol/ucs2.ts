/**
 * Text fields on the card are UCS-2 little-endian, padded with spaces (0x20 0x00) to the field
 * width. Some readers pad with NULs instead; both are trimmed.
 */
const decoder = new TextDecoder('utf-16le');

export function readUcs2(block: Uint8Array, offset: number, length: number): string {
  const text = decoder.decode(block.subarray(offset, offset + length));
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\0')) end--;
  return text.slice(0, end);
}

/** Writes `value` space-padded into `length` bytes. Throws when it does not fit (a bug). */
export function writeUcs2(block: Uint8Array, offset: number, length: number, value: string): void {
  if (value.length * 2 > length) {
    throw new RangeError(`${value.length} UTF-16 units do not fit in ${length} bytes`);
  }
  for (let i = 0; i < length / 2; i++) {
    const unit = i < value.length ? value.charCodeAt(i) : 0x20;
    block[offset + 2 * i] = unit & 0xff;
    block[offset + 2 * i + 1] = unit >> 8;
  }
}
