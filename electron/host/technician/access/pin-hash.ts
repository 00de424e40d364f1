/**
 * The technician PIN is kept as a scrypt hash in the configuration, never the PIN itself:
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`. Verification is constant-time.
 * N=2^15, r=8, p=1 takes ~50 ms here: slow enough against guessing a stolen hash offline (with
 * the lockout below against guessing at the screen), fast enough not to be felt.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so give it headroom. */
const MAX_MEMORY = 64 * 1024 * 1024;

export const PIN_PATTERN = /^\d{6,12}$/;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  if (!PIN_PATTERN.test(pin)) throw new Error('a technician PIN is 6 to 12 digits');
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function isPinHash(text: string): boolean {
  return parse(text) !== undefined;
}

function parse(text: string) {
  const [scheme, n, r, p, salt, hash] = text.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return undefined;
  return { ...params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

export function verifyPin(pin: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed || !PIN_PATTERN.test(pin)) return false;
  const candidate = scryptSync(pin, parsed.salt, parsed.hash.length, {
    N: parsed.N,
    r: parsed.r,
    p: parsed.p,
    maxmem: MAX_MEMORY,
  });
  return timingSafeEqual(candidate, parsed.hash);
}
