import { err, ok, type Result } from '../../../../electron/shared/result';

/**
 * The SAM management number (12 FF reply data, 16 bytes, little-endian fields), shown the way
 * the reader vendors' tools print it: `05.01-20230915-0012345678-1234567890`
 * (u16.u16-u32-u32-u32, zero-padded to 2, 2, 8, 10, 10 digits). It identifies the reader's
 * security module, not a person, so it may be logged and shown to technicians.
 */
export const SAM_ID_LENGTH = 16;

export function decodeSamId(data: Uint8Array): Result<string, { code: 'bad-sam-id' }> {
  if (data.length !== SAM_ID_LENGTH) return err({ code: 'bad-sam-id' });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return ok(
    `${pad(view.getUint16(0, true), 2)}.${pad(view.getUint16(2, true), 2)}` +
      `-${pad(view.getUint32(4, true), 8)}` +
      `-${pad(view.getUint32(8, true), 10)}` +
      `-${pad(view.getUint32(12, true), 10)}`,
  );
}

/** The simulator's side. Throws on a malformed id: simulator configuration is code, not input. */
export function encodeSamId(samId: string): Uint8Array {
  const match = /^(\d{1,5})\.(\d{1,5})-(\d{1,10})-(\d{1,10})-(\d{1,10})$/.exec(samId);
  if (!match) throw new RangeError(`not a SAM id: ${samId}`);
  const data = new Uint8Array(SAM_ID_LENGTH);
  const view = new DataView(data.buffer);
  view.setUint16(0, Number(match[1]), true);
  view.setUint16(2, Number(match[2]), true);
  view.setUint32(4, Number(match[3]), true);
  view.setUint32(8, Number(match[4]), true);
  view.setUint32(12, Number(match[5]), true);
  return data;
}
