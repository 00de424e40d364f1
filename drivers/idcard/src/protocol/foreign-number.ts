import { err, ok, type Result } from '../../../../electron/shared/result';
import { compactDateToIso, idCheckCharacter, type IdNumberProblem } from './id-number';

/**
 * Numbers of the 外国人永久居留身份证, checked as far as published rules allow:
 *
 * - 2023 edition (marker `Y`): 18 characters built like a GB 11643 number (《新版外国人永久居留
 *   身份证机读信息规则》): `9` (foreigner), 2-digit province of the accepting authority, 3-digit
 *   numeric nationality code, 8-digit birth date, 3-digit sequence, and a MOD 11-2 check
 *   character computed exactly as for citizens. We verify the leading 9, the check character and
 *   that the embedded birth date is the card's. The rules do not say that the sequence's parity
 *   encodes sex for foreigners, so sex is not cross-checked.
 * - 2017 edition (marker `I`): 15 characters, 3 capital letters (nationality at first issue)
 *   and 12 digits. Its inner structure and check character are not in the published
 *   machine-readable rules, so only that shape is verified (in the layout decoder); a guess
 *   would refuse genuine cards.
 */
export function checkForeign2023Number(
  idNumber: string,
  holder: { birthDate: string },
): Result<void, IdNumberProblem> {
  if (!/^9\d{16}[\dX]$/.test(idNumber)) return err({ code: 'bad-format' });
  const birth = compactDateToIso(idNumber.slice(6, 14));
  if (!birth) return err({ code: 'bad-birth-date' });
  const expected = idCheckCharacter(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) return err({ code: 'bad-check-digit', expected });
  if (birth !== holder.birthDate) return err({ code: 'birth-date-mismatch' });
  return ok();
}
