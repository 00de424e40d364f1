/**
 * The local reference a resident gets when the case is queued (printed on the receipt, "待上传"),
 * and the record's id for technicians: `Q` + the date + six Crockford base-32 characters
 * (no I, L, O, U: read aloud over the phone without confusion), e.g. `Q20261120-7K3M9D`.
 */
import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The date in the reference is China's (UTC+8), as on the receipt. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function newLocalReference(now: Date): string {
  const date = new Date(now.getTime() + CST_OFFSET_MS)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const bytes = randomBytes(6);
  const suffix = [...bytes].map((b) => CROCKFORD[b & 31]).join('');
  return `Q${date}-${suffix}`;
}

export const LOCAL_REFERENCE = /^Q\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/;
