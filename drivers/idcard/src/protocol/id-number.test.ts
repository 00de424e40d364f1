import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIdNumberAgainst,
  compactDateToIso,
  idCheckCharacter,
  validateIdNumber,
} from './id-number';

describe('GB 11643 identity numbers', () => {
  it.each([
    ['37010219580312123', '1'],
    ['37010219580312124', 'X'],
    ['11010519850721357', '4'],
    ['45010320040930062', '9'],
  ])('check character of %s is %s', (first17, check) => {
    expect(idCheckCharacter(first17)).toBe(check);
  });

  it('accepts valid numbers', () => {
    expect(validateIdNumber('370102195803121231')).toEqual({ ok: true, value: undefined });
    expect(validateIdNumber('37010219580312124X')).toEqual({ ok: true, value: undefined });
  });

  it('refuses a wrong check character, a bad format, an impossible birth date', () => {
    expect(validateIdNumber('370102195803121232')).toEqual({
      ok: false,
      error: { code: 'bad-check-digit', expected: '1' },
    });
    expect(validateIdNumber('37010219580312124x')).toMatchObject({ error: { code: 'bad-format' } });
    expect(validateIdNumber('3701021958031212')).toMatchObject({ error: { code: 'bad-format' } });
    const feb30 = '37010219580230123';
    expect(validateIdNumber(feb30 + idCheckCharacter(feb30))).toMatchObject({
      error: { code: 'bad-birth-date' },
    });
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const valid = '370102195803121231';
        const digit = (Number(valid[pos]) + delta) % 10;
        const typo = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
        const result = validateIdNumber(typo);
        expect(result.ok).toBe(false);
      }),
    );
  });

  it('checks birth date and sex against the card (17th digit odd = male)', () => {
    const holder = { birthDate: '1958-03-12', sex: '男' as const };
    expect(checkIdNumberAgainst('370102195803121231', holder).ok).toBe(true);
    expect(checkIdNumberAgainst('37010219580312124X', holder)).toMatchObject({
      error: { code: 'sex-mismatch' },
    });
    expect(
      checkIdNumberAgainst('37010219580312124X', { birthDate: '1958-03-12', sex: '女' }).ok,
    ).toBe(true);
    expect(
      checkIdNumberAgainst('370102195803121231', { birthDate: '1958-03-13', sex: '男' }),
    ).toMatchObject({ error: { code: 'birth-date-mismatch' } });
    expect(
      checkIdNumberAgainst('37010219580312124X', { birthDate: '1958-03-12', sex: '未说明' }).ok,
    ).toBe(true);
  });

  it('compactDateToIso knows the calendar', () => {
    expect(compactDateToIso('20240229')).toBe('2024-02-29');
    expect(compactDateToIso('20230229')).toBeUndefined();
    expect(compactDateToIso('2024-02-2')).toBeUndefined();
  });
});
