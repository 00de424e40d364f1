import { err, ok, type Result } from '../../../electron/shared/result';

/**
 * The QR code on a case receipt: `CASE:<caseNo>:<queryCode>`, short so it prints as a small
 * symbol (version 3 at most) that any phone or the kiosk's own code reader scans at once. It
 * carries only the case number and query code, never personal data.
 */
const PART = /^[0-9A-Za-z-]{1,64}$/;
const PAYLOAD = /^CASE:([0-9A-Za-z-]{1,64}):([0-9A-Za-z-]{1,64})$/;

export interface CaseReference {
  caseNo: string;
  queryCode: string;
}

/** Throws on a part that cannot be carried (a bug: case numbers come from our own platform client). */
export function caseQrPayload({ caseNo, queryCode }: CaseReference): string {
  if (!PART.test(caseNo) || !PART.test(queryCode)) {
    throw new RangeError('case number and query code must be 1-64 of [0-9A-Za-z-]');
  }
  return `CASE:${caseNo}:${queryCode}`;
}

export function parseCaseQrPayload(
  text: string,
): Result<CaseReference, { code: 'not-a-case-code' }> {
  const match = PAYLOAD.exec(text.trim());
  if (!match) return err({ code: 'not-a-case-code' });
  return ok({ caseNo: match[1] ?? '', queryCode: match[2] ?? '' });
}
