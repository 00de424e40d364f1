import { err, ok, type Result } from '../../../../electron/shared/result';
import type { Sex } from '../card';

/**
 * Citizen identity numbers, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women), and a check character computed with ISO 7064
 * MOD 11-2 over the first 17 digits.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem =
  | { code: 'bad-format' }
  | { code: 'bad-birth-date' }
  | { code: 'bad-check-digit'; expected: string }
  | { code: 'birth-date-mismatch' }
  | { code: 'sex-mismatch' };

/** The check character for the first 17 digits. Throws on anything but 17 digits (a bug). */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real calendar date, else `undefined`. */
export function compactDateToIso(compact: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(compact);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** Format, embedded birth date and check character. */
export function validateIdNumber(idNumber: string): Result<void, IdNumberProblem> {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return err({ code: 'bad-format' });
  if (!compactDateToIso(idNumber.slice(6, 14))) return err({ code: 'bad-birth-date' });
  const expected = idCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) return err({ code: 'bad-check-digit', expected });
  return ok();
}

/** The number is valid and agrees with the card's birth date (YYYY-MM-DD) and sex. */
export function checkIdNumberAgainst(
  idNumber: string,
  holder: { birthDate: string; sex: Sex },
): Result<void, IdNumberProblem> {
  const valid = validateIdNumber(idNumber);
  if (!valid.ok) return valid;
  if (compactDateToIso(idNumber.slice(6, 14)) !== holder.birthDate) {
    return err({ code: 'birth-date-mismatch' });
  }
  // The 17th digit (sequence code) is odd for men, even for women; 未知/未说明 cannot be checked.
  const odd = Number(idNumber[16]) % 2 === 1;
  if ((holder.sex === '男' && !odd) || (holder.sex === '女' && odd)) {
    return err({ code: 'sex-mismatch' });
  }
  return ok();
}
