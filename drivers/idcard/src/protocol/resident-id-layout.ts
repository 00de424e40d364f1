import { err, ok, type Result } from '../../../../electron/shared/result';
import type { ResidentIdCard, Sex } from '../card';
import { compactDateToIso } from './id-number';
import { nationCode, nationName } from './nations';
import type { TextBlockError } from './text-block';
import { readUcs2, writeUcs2 } from './ucs2';

/**
 * The 居民身份证 text block layout (GA 467 family, "机读文字信息" of the resident card):
 * byte offset and length of every field, UCS-2 LE, space padded. Bytes 220..255 are reserved
 * (the card type marker at 248 stays blank for this layout).
 */
export const residentIdFields = {
  name: [0, 30], // 15 characters
  sex: [30, 2], // GB/T 2261.1 code
  nation: [32, 4], // GB/T 3304 code, 2 digits
  birthDate: [36, 16], // YYYYMMDD
  address: [52, 70], // 35 characters
  idNumber: [122, 36], // 18 characters
  issuer: [158, 30], // 15 characters
  validFrom: [188, 16], // YYYYMMDD
  validTo: [204, 16], // YYYYMMDD or 长期
} as const satisfies Record<string, readonly [number, number]>;

type Field = keyof typeof residentIdFields;

/** GB/T 2261.1 (人的性别代码). */
const sexCodes: Record<string, Sex> = { '1': '男', '2': '女', '0': '未知', '9': '未说明' };
const LONG_TERM = '长期';

type ResidentIdText = Omit<ResidentIdCard, 'photoWlt'>;

export function decodeResidentIdText(block: Uint8Array): Result<ResidentIdText, TextBlockError> {
  const read = (field: Field) => {
    const [offset, length] = residentIdFields[field];
    return readUcs2(block, offset, length);
  };
  const bad = (field: Field, message: string) =>
    err({ code: 'bad-field' as const, field, message });

  const name = read('name');
  if (!name) return bad('name', 'empty');
  const sex = sexCodes[read('sex')];
  if (!sex) return bad('sex', 'not a GB/T 2261.1 code');
  const nation = nationName(read('nation'));
  if (!nation) return bad('nation', 'not a GB/T 3304 code');
  const birthDate = compactDateToIso(read('birthDate'));
  if (!birthDate) return bad('birthDate', 'not a date');
  const address = read('address');
  if (!address) return bad('address', 'empty');
  const idNumber = read('idNumber');
  if (!/^\d{17}[\dX]$/.test(idNumber))
    return bad('idNumber', 'not 17 digits and a check character');
  const issuer = read('issuer');
  if (!issuer) return bad('issuer', 'empty');
  const validFrom = compactDateToIso(read('validFrom'));
  if (!validFrom) return bad('validFrom', 'not a date');
  const rawValidTo = read('validTo');
  const validTo = rawValidTo === LONG_TERM ? 'long-term' : compactDateToIso(rawValidTo);
  if (!validTo) return bad('validTo', 'neither a date nor 长期');

  return ok({
    type: 'resident-id',
    name,
    sex,
    nation,
    birthDate,
    address,
    idNumber,
    issuer,
    validFrom,
    validTo,
  });
}

/** Throws on values that cannot be on a card: the simulator's cards are code, not input. */
export function encodeResidentIdText(text: ResidentIdText): Uint8Array {
  const block = new Uint8Array(256);
  writeUcs2(block, 0, 256, ''); // all spaces, the reserved tail included
  const write = (field: Field, value: string) => {
    const [offset, length] = residentIdFields[field];
    writeUcs2(block, offset, length, value);
  };
  const sexCode = Object.entries(sexCodes).find(([, s]) => s === text.sex)?.[0];
  const nation = nationCode(text.nation);
  if (!sexCode || !nation) throw new RangeError('sex or nation not encodable');
  const compact = (iso: string) => iso.replaceAll('-', '');
  write('name', text.name);
  write('sex', sexCode);
  write('nation', nation);
  write('birthDate', compact(text.birthDate));
  write('address', text.address);
  write('idNumber', text.idNumber);
  write('issuer', text.issuer);
  write('validFrom', compact(text.validFrom));
  write('validTo', text.validTo === 'long-term' ? LONG_TERM : compact(text.validTo));
  return block;
}
