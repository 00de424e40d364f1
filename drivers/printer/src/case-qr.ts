import { err, ok, type Result } from '../../../electron/shared/result';

/**
 * The QR codes on our receipts, short so they print as small symbols (version 3 at most) that any
 * phone or the kiosk's own code reader scans at once. They carry references, never personal data:
 *
 * - `CASE:<caseNo>:<queryCode>` on the 办件回执: the terminal's progress lookup opens the case;
 * - `LOCAL:<terminalId>:<reference>` on the offline receipt: the terminal that queued the case
 *   finds it in its outbox (and, once uploaded, the platform's case number).
 */
const PART = /^[0-9A-Za-z-]{1,64}$/;
const CASE_PAYLOAD = /^CASE:([0-9A-Za-z-]{1,64}):([0-9A-Za-z-]{1,64})$/;
const LOCAL_PAYLOAD = /^LOCAL:([0-9A-Za-z-]{1,64}):([0-9A-Za-z-]{1,64})$/;

export interface CaseReference {
  caseNo: string;
  queryCode: string;
}

export interface LocalReference {
  terminalId: string;
  reference: string;
}

export type ReceiptCode = ({ kind: 'case' } & CaseReference) | ({ kind: 'local' } & LocalReference);

function checkParts(...parts: string[]): void {
  if (!parts.every((part) => PART.test(part))) {
    throw new RangeError('receipt code parts must be 1-64 of [0-9A-Za-z-]');
  }
}

/** Throws on a part that cannot be carried (a bug: case numbers come from our own platform client). */
export function caseQrPayload({ caseNo, queryCode }: CaseReference): string {
  checkParts(caseNo, queryCode);
  return `CASE:${caseNo}:${queryCode}`;
}

export function localQrPayload({ terminalId, reference }: LocalReference): string {
  checkParts(terminalId, reference);
  return `LOCAL:${terminalId}:${reference}`;
}

export function parseCaseQrPayload(
  text: string,
): Result<CaseReference, { code: 'not-a-case-code' }> {
  const match = CASE_PAYLOAD.exec(text.trim());
  if (!match) return err({ code: 'not-a-case-code' });
  return ok({ caseNo: match[1] ?? '', queryCode: match[2] ?? '' });
}

/** Either code a receipt of ours carries. */
export function parseReceiptQrPayload(
  text: string,
): Result<ReceiptCode, { code: 'not-a-receipt-code' }> {
  const asCase = parseCaseQrPayload(text);
  if (asCase.ok) return ok({ kind: 'case', ...asCase.value });
  const match = LOCAL_PAYLOAD.exec(text.trim());
  if (!match) return err({ code: 'not-a-receipt-code' });
  return ok({ kind: 'local', terminalId: match[1] ?? '', reference: match[2] ?? '' });
}
