/**
 * Reading the resident's card for a session: the driver's errors become what the identify screen
 * says, and a card past its validity date is refused here (the driver reads it faithfully).
 */
import { ok, err, type Result } from '../../shared/result';
import type { IdentifyProblem } from '../../shared/views';
import type { IdentityCard } from '../../../drivers/idcard/src/card';
import { isExpired } from '../../../drivers/idcard/src/card';
import type { IdCardReadError } from '../../../drivers/idcard/src/driver';

export interface CardSource {
  readCard(options: {
    signal?: AbortSignal;
    onProgress?: (phase: 'card-found') => void;
  }): Promise<Result<IdentityCard, IdCardReadError>>;
}

export async function readCardForSession(
  reader: CardSource,
  signal: AbortSignal,
  now: () => Date,
  onCardFound: () => void,
): Promise<Result<IdentityCard, IdentifyProblem>> {
  const read = await reader.readCard({ signal, onProgress: () => onCardFound() });
  if (!read.ok) return err(identifyProblemOf(read.error));
  if (isExpired(read.value, now())) return err('expired-card');
  return ok(read.value);
}

function identifyProblemOf(error: IdCardReadError): IdentifyProblem {
  switch (error.code) {
    case 'no-reader':
    case 'sam-error':
      return 'reader-unavailable';
    case 'cancelled':
    case 'read-failed':
    case 'invalid-card':
    case 'protocol-error':
      return 'read-failed';
  }
}
