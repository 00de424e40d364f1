import { err, type Result } from '../../../../electron/shared/result';
import type { Sex } from '../card';
import { compactDateToIso } from './id-number';
import { readUcs2, writeUcs2 } from './ucs2';

/**
 * Field helpers every text-block layout shares: a field is `[offset, length]` in bytes of UCS-2
 * LE, space padded; dates are YYYYMMDD; the sex code follows GB/T 2261.1; a valid-to date may be
 * `长期`. Errors name the field, never its value (card contents are personal data).
 */
export type FieldTable = Record<string, readonly [offset: number, length: number]>;

export type BadField = { code: 'bad-field'; field: string; message: string };

export const badField = (field: string, message: string) =>
  err<BadField>({ code: 'bad-field', field, message });

/** GB/T 2261.1 (人的性别代码). */
const sexCodes: Readonly<Record<string, Sex>> = {
  '1': '男',
  '2': '女',
  '0': '未知',
  '9': '未说明',
};
export const LONG_TERM = '长期';

export function sexOf(code: string): Sex | undefined {
  return Object.hasOwn(sexCodes, code) ? sexCodes[code] : undefined;
}

export function sexCodeOf(sex: Sex): string {
  const code = Object.entries(sexCodes).find(([, s]) => s === sex)?.[0];
  if (!code) throw new RangeError('sex not encodable');
  return code;
}

export function isoToCompact(iso: string): string {
  return iso.replaceAll('-', '');
}

/** Reads fields of one layout from a 256-byte block. */
export function fieldReader<T extends FieldTable>(block: Uint8Array, table: T) {
  return (field: keyof T & string): string => {
    const [offset, length] = table[field] ?? [0, 0];
    return readUcs2(block, offset, length);
  };
}

/** Writes fields of one layout into a fresh all-spaces 256-byte block (the simulator's side). */
export function fieldWriter<T extends FieldTable>(table: T) {
  const block = new Uint8Array(256);
  writeUcs2(block, 0, 256, '');
  const write = (field: keyof T & string, value: string) => {
    const [offset, length] = table[field] ?? [0, 0];
    writeUcs2(block, offset, length, value);
  };
  return { block, write };
}

/** A required YYYYMMDD field as YYYY-MM-DD. */
export function dateField(field: string, raw: string): Result<string, BadField> {
  const iso = compactDateToIso(raw);
  return iso ? { ok: true, value: iso } : badField(field, 'not a date');
}

/** A valid-to field: a date, or 长期 (`long-term`). */
export function validToField(field: string, raw: string): Result<string, BadField> {
  if (raw === LONG_TERM) return { ok: true, value: 'long-term' };
  const iso = compactDateToIso(raw);
  return iso ? { ok: true, value: iso } : badField(field, 'neither a date nor 长期');
}

export function encodeValidTo(validTo: string): string {
  return validTo === 'long-term' ? LONG_TERM : isoToCompact(validTo);
}

export function sexField(field: string, raw: string): Result<Sex, BadField> {
  const sex = sexOf(raw);
  return sex ? { ok: true, value: sex } : badField(field, 'not a GB/T 2261.1 code');
}
