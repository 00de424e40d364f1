import { ok, type Result } from '../../../../electron/shared/result';
import type { ForeignPermanentCard } from '../card';
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
 * The 2017 外国人永久居留身份证 text block (marker `I`, 《外国人永久居留身份证机读信息》 data
 * items 1–12): English name first, then sex, the 15-character number, the GB/T 2659 nationality,
 * the Chinese name, validity, birth date, card version and the accepting authority's code.
 */
export const foreign2017Fields = {
  nameEn: [0, 120], // 60 characters, capital letters
  sex: [120, 2],
  idNumber: [122, 30], // 15 characters: 3 letters + 12 digits
  nationality: [152, 6], // GB/T 2659 alpha-3
  name: [158, 30], // Chinese name, 15 characters; blank when the holder has none
  validFrom: [188, 16], // 证件签发日期
  validTo: [204, 16], // 证件终止日期
  birthDate: [220, 16],
  version: [236, 4], // 证件版本号 (not exposed)
  authorityCode: [240, 8], // 当次申请受理机关代码 (not exposed)
  marker: [248, 2], // 'I'
  // 250..255 reserved
} as const;

export type ForeignPermanentText = Omit<ForeignPermanentCard, 'photoWlt' | 'hasFingerprint'>;

/** Capital letters and the separators names use; a corrupted byte almost never lands here. */
export const ENGLISH_NAME = /^[A-Z][A-Z .,'-]*$/;
export const NATIONALITY = /^[A-Z]{3}$/;

export function decodeForeign2017Text(block: Uint8Array): Result<ForeignPermanentText, BadField> {
  const read = fieldReader(block, foreign2017Fields);

  const nameEn = read('nameEn');
  if (!ENGLISH_NAME.test(nameEn)) return badField('nameEn', 'not an English name');
  const sex = sexField('sex', read('sex'));
  if (!sex.ok) return sex;
  const idNumber = read('idNumber');
  if (!/^[A-Z]{3}\d{12}$/.test(idNumber)) {
    return badField('idNumber', 'not 3 letters and 12 digits');
  }
  const nationality = read('nationality');
  if (!NATIONALITY.test(nationality)) return badField('nationality', 'not a GB/T 2659 code');
  const name = read('name');
  const validFrom = dateField('validFrom', read('validFrom'));
  if (!validFrom.ok) return validFrom;
  const validTo = validToField('validTo', read('validTo'));
  if (!validTo.ok) return validTo;
  const birthDate = dateField('birthDate', read('birthDate'));
  if (!birthDate.ok) return birthDate;

  return ok({
    type: 'foreign-permanent',
    edition: 2017,
    name: name || nameEn,
    nameEn,
    sex: sex.value,
    nationality,
    birthDate: birthDate.value,
    idNumber,
    validFrom: validFrom.value,
    validTo: validTo.value,
  });
}

/** Throws on values that cannot be on a card: the simulator's cards are code, not input. */
export function encodeForeign2017Text(text: ForeignPermanentText): Uint8Array {
  const { block, write } = fieldWriter(foreign2017Fields);
  write('nameEn', text.nameEn);
  write('sex', sexCodeOf(text.sex));
  write('idNumber', text.idNumber);
  write('nationality', text.nationality);
  write('name', text.name === text.nameEn ? '' : text.name);
  write('validFrom', isoToCompact(text.validFrom));
  write('validTo', encodeValidTo(text.validTo));
  write('birthDate', isoToCompact(text.birthDate));
  // Version and authority code stay blank: we do not know real values and never read them.
  write('marker', 'I');
  return block;
}
