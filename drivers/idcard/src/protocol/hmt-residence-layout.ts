import { ok, type Result } from '../../../../electron/shared/result';
import type { HmtResidenceCard } from '../card';
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

/**
 * The 港澳台居民居住证 text block (《港澳台居民居住证机读信息规范》): the resident-ID layout
 * with the nation field reserved, plus the holder's travel-permit number and the issue count,
 * and the marker `J` at 248.
 */
export const hmtResidenceFields = {
  name: [0, 30], // 15 characters
  sex: [30, 2], // GB/T 2261.1 code
  // 32..35 reserved (no nation on this card)
  birthDate: [36, 16], // YYYYMMDD
  address: [52, 70], // 35 characters
  idNumber: [122, 36], // 18 characters, GB 11643, address code 810000/820000/830000
  issuer: [158, 30], // 15 characters
  validFrom: [188, 16],
  validTo: [204, 16],
  passNumber: [220, 18], // 通行证号码, 9 characters
  issueCount: [238, 4], // 签发次数, 2 digits
  // 242..247 reserved
  marker: [248, 2], // 'J'
} as const;

export type HmtResidenceText = Omit<HmtResidenceCard, 'photoWlt' | 'hasFingerprint'>;

export function decodeHmtResidenceText(block: Uint8Array): Result<HmtResidenceText, BadField> {
  const read = fieldReader(block, hmtResidenceFields);

  const name = read('name');
  if (!name) return badField('name', 'empty');
  const sex = sexField('sex', read('sex'));
  if (!sex.ok) return sex;
  const birthDate = dateField('birthDate', read('birthDate'));
  if (!birthDate.ok) return birthDate;
  const address = read('address');
  if (!address) return badField('address', 'empty');
  const idNumber = read('idNumber');
  if (!/^8[123]\d{15}[\dX]$/.test(idNumber)) {
    return badField('idNumber', 'not an 81/82/83 number of 17 digits and a check character');
  }
  const issuer = read('issuer');
  if (!issuer) return badField('issuer', 'empty');
  const validFrom = dateField('validFrom', read('validFrom'));
  if (!validFrom.ok) return validFrom;
  const validTo = validToField('validTo', read('validTo'));
  if (!validTo.ok) return validTo;
  // 港澳居民来往内地通行证 H/M + 8 digits; 台湾居民来往大陆通行证 8 digits.
  const passNumber = read('passNumber');
  if (!/^[A-Z]?\d{8}$/.test(passNumber)) return badField('passNumber', 'not a permit number');
  const issueCount = read('issueCount');
  if (!/^\d{1,2}$/.test(issueCount)) return badField('issueCount', 'not a number');

  return ok({
    type: 'hmt-residence',
    name,
    sex: sex.value,
    birthDate: birthDate.value,
    address,
    idNumber,
    issuer,
    validFrom: validFrom.value,
    validTo: validTo.value,
    passNumber,
    issueCount: Number(issueCount),
  });
}

/** Throws on values that cannot be on a card: the simulator's cards are code, not input. */
export function encodeHmtResidenceText(text: HmtResidenceText): Uint8Array {
  const { block, write } = fieldWriter(hmtResidenceFields);
  write('name', text.name);
  write('sex', sexCodeOf(text.sex));
  write('birthDate', isoToCompact(text.birthDate));
  write('address', text.address);
  write('idNumber', text.idNumber);
  write('issuer', text.issuer);
  write('validFrom', isoToCompact(text.validFrom));
  write('validTo', encodeValidTo(text.validTo));
  write('passNumber', text.passNumber);
  write('issueCount', String(text.issueCount).padStart(2, '0'));
  write('marker', 'J');
  return block;
}
