import { describe, expect, it } from 'vitest';
import { hashPin, isPinHash, verifyPin } from './pin-hash';
import { createPinLockout } from './pin-lockout';

describe('the technician PIN hash', () => {
  const stored = hashPin('20261121');

  it('verifies the right PIN and refuses others', () => {
    expect(isPinHash(stored)).toBe(true);
    expect(stored).not.toContain('20261121');
    expect(verifyPin('20261121', stored)).toBe(true);
    expect(verifyPin('20261122', stored)).toBe(false);
    expect(verifyPin('', stored)).toBe(false);
  });

  it('salts every hash', () => {
    expect(hashPin('20261121')).not.toBe(stored);
  });

  it('refuses a PIN that is not 6 to 12 digits, and a malformed hash', () => {
    expect(() => hashPin('1234')).toThrow(/6 to 12 digits/);
    expect(verifyPin('20261121', 'plain-text')).toBe(false);
    expect(isPinHash('scrypt$x$8$1$a$b')).toBe(false);
  });
});

describe('the PIN lockout', () => {
  const options = { freeAttempts: 3, firstLockMs: 30_000, maxLockMs: 120_000 };

  it('lets a few wrong PINs through, then locks for doubling times up to the cap', () => {
    const lockout = createPinLockout(options);
    expect([1, 2, 3].map((t) => lockout.recordFailure(t))).toEqual([0, 0, 0]);
    expect(lockout.recordFailure(10)).toBe(30_000);
    expect(lockout.check(20)).toEqual({ allowed: false, retryInMs: 29_990 });
    expect(lockout.check(30_010).allowed).toBe(true);
    expect(lockout.recordFailure(30_010)).toBe(60_000);
    expect(lockout.recordFailure(90_010)).toBe(120_000);
    expect(lockout.recordFailure(210_010)).toBe(120_000);
  });

  it('forgets the failures after a right PIN', () => {
    const lockout = createPinLockout(options);
    for (let i = 0; i < 4; i += 1) lockout.recordFailure(i);
    lockout.recordSuccess();
    expect(lockout.check(5)).toEqual({ allowed: true });
    expect(lockout.recordFailure(6)).toBe(0);
  });
});
