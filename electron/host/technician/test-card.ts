/**
 * The technician's card test: read whatever card is on the reader within TEST_READ_MS and show it
 * masked — enough to see the reader, the SAM and the card all work, nothing more.
 */
import { maskIdNumber, maskName } from '../../shared/mask';
import { ok, err, type Result } from '../../shared/result';
import type { ResidentView } from '../../shared/views';
import type { IdCardReader } from '../../../drivers/idcard/src/driver';

/** How long the test waits for a card to be placed. */
export const TEST_READ_MS = 15_000;

export async function testReadCard(
  reader: Pick<IdCardReader, 'readCard'>,
): Promise<
  Result<
    ResidentView & { validTo: string },
    { code: 'no-card' } | { code: 'read-failed'; reason: string }
  >
> {
  const read = await reader.readCard({ signal: AbortSignal.timeout(TEST_READ_MS) });
  if (!read.ok) {
    return read.error.code === 'cancelled'
      ? err({ code: 'no-card' })
      : err({ code: 'read-failed', reason: read.error.code });
  }
  const card = read.value;
  return ok({
    idType: card.type,
    nameMasked: maskName(card.name),
    idNumberMasked: maskIdNumber(card.idNumber),
    validTo: card.validTo,
  });
}
