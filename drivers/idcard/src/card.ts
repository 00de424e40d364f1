/**
 * What the host receives from a card read: one of the three kinds of card a SAM reader reads
 * (all built on the resident-ID chip, told apart by the marker at byte 248 of the text block).
 * Personal data: it never goes into logs, and tests use invented people only
 * (simulator/sample-cards.ts). Field names are those of `kioskctl idcard read --json`.
 */

/** GB/T 2261.1 sex codes as words: 1 男, 2 女, 0 未知, 9 未说明. */
export type Sex = '男' | '女' | '未知' | '未说明';

/** What every card carries. */
interface CardCommon {
  /**
   * The Chinese name. A foreign permanent resident without a Chinese name has the English name
   * here too (the 2017 and 2023 cards leave the Chinese name field blank then).
   */
  name: string;
  sex: Sex;
  /** YYYY-MM-DD */
  birthDate: string;
  /** The card's identity number, validated per card type (see README "What is validated"). */
  idNumber: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or `long-term` for 长期. */
  validTo: string;
  /**
   * The raw WLT-compressed photo (1024 bytes), passed through untouched: it cannot be decoded
   * here and is never faked. Empty when the reader gave no photo.
   */
  photoWlt: Uint8Array;
  /**
   * Whether the card holds fingerprints (30 10 read). The fingerprint data itself is never kept:
   * the driver zeroes it in the receive buffer as soon as its length is known.
   */
  hasFingerprint: boolean;
}

/** 居民身份证 (resident identity card, no marker at 248). */
export interface ResidentIdCard extends CardCommon {
  type: 'resident-id';
  /** GB/T 3304 full name, e.g. `汉族` (the card face prints `汉`; see `nationFaceName`). */
  nation: string;
  address: string;
  /** 签发机关 */
  issuer: string;
}

/** 港澳台居民居住证 (marker `J`): a resident-ID-like card with an 81/82/83 identity number. */
export interface HmtResidenceCard extends CardCommon {
  type: 'hmt-residence';
  /** This card has no nation field (its bytes 32..35 are reserved). */
  nation?: undefined;
  address: string;
  issuer: string;
  /** 通行证号码: the holder's 港澳居民来往内地通行证 or 台湾居民来往大陆通行证 number. */
  passNumber: string;
  /** 签发次数: how many times a residence permit has been issued to the holder. */
  issueCount: number;
}

/** 外国人永久居留身份证: marker `I` (2017 edition) or `Y` (2023 edition). */
export interface ForeignPermanentCard extends CardCommon {
  type: 'foreign-permanent';
  edition: 2017 | 2023;
  /** The English name (surname first, as printed), trimmed. */
  nameEn: string;
  /** 国籍或所在地区代码, GB/T 2659 three-letter code as on the card, e.g. `CAN`. */
  nationality: string;
  /** 签发机关: the 2023 card carries it; the 2017 card does not. */
  issuer?: string;
  /** Foreign cards have no nation and no address. */
  nation?: undefined;
  address?: undefined;
}

export type IdentityCard = ResidentIdCard | HmtResidenceCard | ForeignPermanentCard;
export type IdentityCardType = IdentityCard['type'];

/** `Omit` applied to each member of a union (plain `Omit` would merge the members). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Whether the card is past its validity on `today` (local calendar date of the terminal). A card
 * is valid through the whole of its validTo day; 长期 never expires.
 */
export function isExpired(card: Pick<IdentityCard, 'validTo'>, today: Date): boolean {
  if (card.validTo === 'long-term') return false;
  const y = String(today.getFullYear()).padStart(4, '0');
  const m = String(today.getMonth() + 1).padStart(2, '0');
  const d = String(today.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` > card.validTo;
}
