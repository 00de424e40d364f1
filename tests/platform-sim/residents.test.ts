import { describe, expect, it } from 'vitest';
import { validateSchema } from '../../electron/host/platform/spec/validators';
import { CATALOG_ITEMS } from './catalog-items';
import { maskIdNumber, maskName } from './masking';
import { RESIDENTS } from './residents';

/** GB 11643: the 18th character checks the first 17. */
function checkDigitValid(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

describe('synthetic residents', () => {
  it('have identity numbers with valid check digits and unique', () => {
    for (const r of RESIDENTS)
      expect({ id: r.idNumber, ok: checkDigitValid(r.idNumber) }).toEqual({
        id: r.idNumber,
        ok: true,
      });
    expect(new Set(RESIDENTS.map((r) => r.idNumber)).size).toBe(RESIDENTS.length);
  });

  it('hold licences that are on-spec, and past cases of catalog items', () => {
    const codes = new Set(CATALOG_ITEMS.map((i) => i.code));
    for (const r of RESIDENTS) {
      for (const licence of r.licences) {
        const full = { ...licence, licenseId: 'EL-x', holderMasked: maskName(r.name) };
        expect(validateSchema('License', full)).toEqual({ valid: true });
      }
      for (const seed of r.history) expect(codes).toContain(seed.item.code);
    }
    expect(RESIDENTS.some((r) => r.history.some((h) => h.outcome === 'rejected'))).toBe(true);
  });
});

describe('masking', () => {
  it('masks as the spec shows', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明远')).toBe('欧***');
    expect(maskIdNumber('37010219580312124X')).toBe('3701**********124X');
  });
});
