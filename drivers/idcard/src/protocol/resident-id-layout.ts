import { ok, type Result } from '../../../../electron/shared/result';
import type { ResidentIdCard } from '../card';
import {
  badField,
  dateField,
  encodeValidTo,
  fieldReader,
  fieldWriter,
  isoToCompact,
  sexCodeOf,
  sexField,
  validToField,
  type BadField,
} from './card-fields';
import { nationCode, nationName } from './nations';

/**
 * The 居民身份证 text block (GA 467 family / GA/T 490 "机读文字信息"): byte offset and length of
 * every field, UCS-2 LE, space padded. Bytes 220..255 are reserved; the card-type marker at 248
 * stays blank for this layout.
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
} as const;

export type ResidentIdText = Omit<ResidentIdCard, 'photoWlt' | 'hasFingerprint'>;

export function decodeResidentIdText(block: Uint8Array): Result<ResidentIdText, BadField> {
  const read = fieldReader(block, residentIdFields);

  const name = read('name');
  if (!name) return badField('name', 'empty');
  const sex = sexField('sex', read('sex'));
  if (!sex.ok) return sex;
  const nation = nationName(read('nation'));
  if (!nation) return badField('nation', 'not a GB/T 3304 code');
  const birthDate = dateField('birthDate', read('birthDate'));
  if (!birthDate.ok) return birthDate;
  const address = read('address');
  if (!address) return badField('address', 'empty');
  const idNumber = read('idNumber');
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return badField('idNumber', 'not 17 digits and a check character');
  }
  const issuer = read('issuer');
  if (!issuer) return badField('issuer', 'empty');
  const validFrom = dateField('validFrom', read('validFrom'));
  if (!validFrom.ok) return validFrom;
  const validTo = validToField('validTo', read('validTo'));
  if (!validTo.ok) return validTo;

  return ok({
    type: 'resident-id',
    name,
    sex: sex.value,
    nation,
    birthDate: birthDate.value,
    address,
    idNumber,
    issuer,
    validFrom: validFrom.value,
    validTo: validTo.value,
  });
}

/** Throws on values that cannot be on a card: the simulator's cards are code, not input. */
export function encodeResidentIdText(text: ResidentIdText): Uint8Array {
  const { block, write } = fieldWriter(residentIdFields);
  const nation = nationCode(text.nation);
  if (!nation) throw new RangeError('nation not encodable');
  write('name', text.name);
  write('sex', sexCodeOf(text.sex));
  write('nation', nation);
  write('birthDate', isoToCompact(text.birthDate));
  write('address', text.address);
  write('idNumber', text.idNumber);
  write('issuer', text.issuer);
  write('validFrom', isoToCompact(text.validFrom));
  write('validTo', encodeValidTo(text.validTo));
  return block;
}
