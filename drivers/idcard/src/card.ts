/**
 * What the host receives from a card read. Personal data: it never goes into logs, and tests use
 * invented people only (simulator/sample-cards.ts).
 */

/** GB/T 2261.1 sex codes as words: 1 男, 2 女, 0 未知, 9 未说明. */
export type Sex = '男' | '女' | '未知' | '未说明';

/** The 居民身份证 (resident identity card). */
export interface ResidentIdCard {
  type: 'resident-id';
  name: string;
  sex: Sex;
  /** GB/T 3304 name, e.g. `汉族`. */
  nation: string;
  /** YYYY-MM-DD */
  birthDate: string;
  address: string;
  /** 18 characters, GB 11643, check digit verified. */
  idNumber: string;
  /** 签发机关 */
  issuer: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD, or `long-term` for 长期. */
  validTo: string;
  /** The raw 1024-byte WLT-compressed photo, passed through untouched: we never decode it. */
  photoWlt: Uint8Array;
}

/**
 * Every layout the driver can return. Issue 3 adds the 港澳台居民居住证 (`J`) and the foreign
 * permanent resident cards (`I`, `Y`) as further members of this union.
 */
export type IdentityCard = ResidentIdCard;

/**
 * Whether the card is past its validity on `today` (local calendar date of the terminal). A card
 * is valid through the whole of its validTo day; 长期 never expires.
 */
export function isExpired(card: IdentityCard, today: Date): boolean {
  if (card.validTo === 'long-term') return false;
  const y = String(today.getFullYear()).padStart(4, '0');
  const m = String(today.getMonth() + 1).padStart(2, '0');
  const d = String(today.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}` > card.validTo;
}
