import { describe, expect, it } from 'vitest';
import { checkForeign2023Number } from './foreign-number';
import { idCheckCharacter } from './id-number';

describe('2023 foreign permanent resident numbers', () => {
  const holder = { birthDate: '1985-06-12' };

  it('accepts 9 + 16 digits + a MOD 11-2 check character whose birth date is the card’s', () => {
    expect(idCheckCharacter('91152819850612013')).toBe('7');
    expect(checkForeign2023Number('911528198506120137', holder)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it.each([
    ['a citizen number', '110105198507213574', 'bad-format'],
    ['15 characters (2017 style)', 'NOR310088042015', 'bad-format'],
    ['a wrong check character', '911528198506120138', 'bad-check-digit'],
    [
      'an impossible birth date',
      '91152819851312013' + idCheckCharacter('91152819851312013'),
      'bad-birth-date',
    ],
    [
      'another birth date',
      '91152819850613013' + idCheckCharacter('91152819850613013'),
      'birth-date-mismatch',
    ],
  ])('refuses %s', (_, number, code) => {
    expect(checkForeign2023Number(number, holder)).toMatchObject({ ok: false, error: { code } });
  });
});
