import { ok, type Result } from '../../../../electron/shared/result';
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
import { ENGLISH_NAME, NATIONALITY, type ForeignPermanentText } from './foreign-2017-layout';
import { readUcs2Raw } from './ucs2';

/**
 * The 2023 外国人永久居留身份证 text block (marker `Y`, 《新版外国人永久居留身份证机读信息规则》):
 * laid out like the resident card where it can be (name 0, sex 30, birth date 36, number 122,
 * issuer 158, validity 188/204). The English name takes the address slot (52..121, 35
 * characters) and continues, when longer, in 220..241 (11 more).
 */
export const foreign2023Fields = {
  name: [0, 30], // Chinese name; blank when the holder has none
  sex: [30, 2],
  renewalCount: [32, 4], // 换证次数 (not exposed)
  birthDate: [36, 16],
  nameEn: [52, 70], // first 35 characters of the English name
  idNumber: [122, 36], // 18 characters: 9, 17 digits in all, MOD 11-2 check character
  issuer: [158, 30], // 签发机关
  validFrom: [188, 16],
  validTo: [204, 16],
  nameEnRest: [220, 22], // characters 36..46 of the English name
  nationality: [242, 6], // GB/T 2659 alpha-3
  marker: [248, 2], // 'Y'
  previousNumberLink: [250, 2], // 既往版本证件号码关联项 (not exposed)
  // 252..255 reserved
} as const;

const FIRST_PART = foreign2023Fields.nameEn[1] / 2;

export function decodeForeign2023Text(block: Uint8Array): Result<ForeignPermanentText, BadField> {
  const read = fieldReader(block, foreign2023Fields);

  const name = read('name');
  const sex = sexField('sex', read('sex'));
  if (!sex.ok) return sex;
  const birthDate = dateField('birthDate', read('birthDate'));
  if (!birthDate.ok) return birthDate;
  // A long name fills the first part to its last character (a space there is part of the name).
  const rest = read('nameEnRest');
  const nameEn = rest ? readUcs2Raw(block, ...foreign2023Fields.nameEn) + rest : read('nameEn');
  if (!ENGLISH_NAME.test(nameEn)) return badField('nameEn', 'not an English name');
  const idNumber = read('idNumber');
  if (!/^9\d{16}[\dX]$/.test(idNumber)) {
    return badField('idNumber', 'not 9, 16 digits and a check character');
  }
  const issuer = read('issuer');
  const validFrom = dateField('validFrom', read('validFrom'));
  if (!validFrom.ok) return validFrom;
  const validTo = validToField('validTo', read('validTo'));
  if (!validTo.ok) return validTo;
  const nationality = read('nationality');
  if (!NATIONALITY.test(nationality)) return badField('nationality', 'not a GB/T 2659 code');

  return ok({
    type: 'foreign-permanent',
    edition: 2023,
    name: name || nameEn,
    nameEn,
    sex: sex.value,
    nationality,
    birthDate: birthDate.value,
    idNumber,
    ...(issuer ? { issuer } : {}),
    validFrom: validFrom.value,
    validTo: validTo.value,
  });
}

/** Throws on values that cannot be on a card: the simulator's cards are code, not input. */
export function encodeForeign2023Text(text: ForeignPermanentText): Uint8Array {
  const { block, write } = fieldWriter(foreign2023Fields);
  write('name', text.name === text.nameEn ? '' : text.name);
  write('sex', sexCodeOf(text.sex));
  write('renewalCount', '00');
  write('birthDate', isoToCompact(text.birthDate));
  write('nameEn', text.nameEn.slice(0, FIRST_PART));
  write('nameEnRest', text.nameEn.slice(FIRST_PART));
  write('idNumber', text.idNumber);
  write('issuer', text.issuer ?? '');
  write('validFrom', isoToCompact(text.validFrom));
  write('validTo', encodeValidTo(text.validTo));
  write('nationality', text.nationality);
  write('marker', 'Y');
  return block;
}
