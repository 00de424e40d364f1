import { maskIdNumber, maskName } from '../../../electron/shared/mask';
import { assertNever } from '../../../electron/shared/result';
import type { IdentityCard, IdentityCardType, Sex } from './card';
import { nationFaceName } from './protocol/nations';

/**
 * A card as `kioskctl idcard read --json` prints it (issue 3): fields absent where the card type
 * has none, strings trimmed, the photo and fingerprint reduced to whether they are there.
 */
export interface CardJson {
  type: IdentityCardType;
  name: string;
  nameEn?: string;
  sex: Sex;
  /** 民族 as the card face prints it, e.g. `汉`. */
  nation?: string;
  /** GB/T 2659 code as on the card. */
  nationality?: string;
  birthDate: string;
  address?: string;
  idNumber: string;
  issuer?: string;
  validFrom: string;
  validTo: string;
  passNumber?: string;
  issueCount?: number;
  hasPhoto: boolean;
  hasFingerprint: boolean;
}

export function cardToJson(card: IdentityCard): CardJson {
  const common = { type: card.type, name: card.name.trim() };
  const tail = {
    validFrom: card.validFrom,
    validTo: card.validTo,
  };
  const blocks = { hasPhoto: card.photoWlt.length > 0, hasFingerprint: card.hasFingerprint };
  switch (card.type) {
    case 'resident-id':
      return {
        ...common,
        sex: card.sex,
        nation: nationFaceName(card.nation),
        birthDate: card.birthDate,
        address: card.address.trim(),
        idNumber: card.idNumber,
        issuer: card.issuer.trim(),
        ...tail,
        ...blocks,
      };
    case 'hmt-residence':
      return {
        ...common,
        sex: card.sex,
        birthDate: card.birthDate,
        address: card.address.trim(),
        idNumber: card.idNumber,
        issuer: card.issuer.trim(),
        ...tail,
        passNumber: card.passNumber,
        issueCount: card.issueCount,
        ...blocks,
      };
    case 'foreign-permanent':
      return {
        ...common,
        nameEn: card.nameEn.trim(),
        sex: card.sex,
        nationality: card.nationality,
        birthDate: card.birthDate,
        idNumber: card.idNumber,
        ...(card.issuer ? { issuer: card.issuer.trim() } : {}),
        ...tail,
        ...blocks,
      };
    default:
      return assertNever(card, 'card type');
  }
}

const typeNames: Record<IdentityCardType, string> = {
  'resident-id': '居民身份证',
  'hmt-residence': '港澳台居民居住证',
  'foreign-permanent': '外国人永久居留身份证',
};

/** One line a technician may see on screen or in a log: masked, no address, no photo. */
export function maskedCardLine(card: IdentityCard): string {
  const validTo = card.validTo === 'long-term' ? '长期' : card.validTo;
  return `${typeNames[card.type]} ${maskName(card.name)} ${maskIdNumber(card.idNumber)} 有效期至 ${validTo}`;
}
