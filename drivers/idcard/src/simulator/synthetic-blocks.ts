import { FINGERPRINT_LENGTH, PHOTO_LENGTH } from '../protocol/read-reply';

/**
 * Stand-ins for the card's binary blocks. We never decode a WLT photo or a fingerprint template,
 * so the simulator must not pretend to have real ones: each block starts with an ASCII banner that
 * says what it is, then a deterministic pattern per seed (so two cards differ and tests can
 * compare bytes).
 */
function syntheticBlock(length: number, banner: string, seed: number): Uint8Array {
  const block = new Uint8Array(length);
  const text = new TextEncoder().encode(banner);
  block.set(text, 0);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = text.length; i < block.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0; // an LCG: deterministic, not random
    block[i] = x >>> 24;
  }
  return block;
}

/** 1024 bytes standing in for the WLT photo. */
export function syntheticPhoto(seed: number): Uint8Array {
  return syntheticBlock(PHOTO_LENGTH, 'SYNTHETIC PHOTO - NOT A WLT IMAGE - TEST DATA ONLY. ', seed);
}

/** 1024 bytes standing in for two fingerprint templates (only sent for 30 10, never kept). */
export function syntheticFingerprint(seed: number): Uint8Array {
  return syntheticBlock(
    FINGERPRINT_LENGTH,
    'SYNTHETIC FINGERPRINT - NOT A TEMPLATE - TEST DATA ONLY. ',
    seed + 7919,
  );
}
