/**
 * `POST /v1/identity/verifications` (人证核验): the platform compares a live photo with the card
 * holder's photo. The simulator has no face model, so the verdict is driven by a marker that test
 * photos carry in a JPEG comment (the bytes `SIM-FACE:MISMATCH` or `SIM-FACE:UNCERTAIN`); any
 * other well-formed JPEG is the card holder. `match: false` is an answer, not an error (spec).
 */
import type { IdentityVerification } from '../../electron/host/platform/types';
import type { JsonRequest, Reply } from './exchange';
import { problem } from './problems';

/** The spec: "JPEG, at most 200 KiB". */
export const MAX_LIVE_PHOTO_BYTES = 200 * 1024;
/** The card's photo block is exactly this long (GA 467 WLT). */
export const WLT_BYTES = 1024;
/** Scores at or above this are a match. */
export const MATCH_THRESHOLD = 0.8;

const SCORES = { match: 0.93, uncertain: 0.62, mismatch: 0.11 } as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const FACE_MARKERS = {
  mismatch: 'SIM-FACE:MISMATCH',
  uncertain: 'SIM-FACE:UNCERTAIN',
} as const;

function decode(value: string): Buffer | undefined {
  return value.length % 4 === 0 && BASE64.test(value) ? Buffer.from(value, 'base64') : undefined;
}

export function verifyIdentity(req: JsonRequest): Reply {
  const body = req.json as IdentityVerification;
  const photo = decode(body.livePhoto);
  const errors: { path: string; code: string }[] = [];
  if (!photo) errors.push({ path: '/livePhoto', code: 'not-base64' });
  else if (photo.byteLength > MAX_LIVE_PHOTO_BYTES)
    errors.push({ path: '/livePhoto', code: 'too-large' });
  else if (!(photo[0] === 0xff && photo[1] === 0xd8 && photo[2] === 0xff)) {
    errors.push({ path: '/livePhoto', code: 'not-jpeg' });
  }
  if (body.cardPhotoWlt !== undefined) {
    const wlt = decode(body.cardPhotoWlt);
    if (!wlt || wlt.byteLength !== WLT_BYTES)
      errors.push({ path: '/cardPhotoWlt', code: 'not-wlt' });
  }
  if (errors.length > 0 || !photo) return problem(422, 'validation-failed', { errors });
  const text = photo.toString('latin1');
  const score = text.includes(FACE_MARKERS.mismatch)
    ? SCORES.mismatch
    : text.includes(FACE_MARKERS.uncertain)
      ? SCORES.uncertain
      : SCORES.match;
  return { status: 200, body: { match: score >= MATCH_THRESHOLD, score } };
}
