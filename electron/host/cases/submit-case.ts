/**
 * Sends a case: the signature first (content-addressed, so a retry re-uploads harmlessly), then
 * the case under its Idempotency-Key. Issue 6 puts an encrypted outbox row in front of this so a
 * case survives power loss and the platform's absence; until then a failure is shown to the
 * resident, who can retry with the same key.
 */
import { ok, err, type Result } from '../../shared/result';
import type { CatalogService } from '../catalog/catalog-service';
import type { PlatformClient } from '../platform/client';
import type { PlatformError } from '../platform/platform-error';
import type { CaseReceipt } from '../platform/types';
import type { CaseToSubmit, SubmitFailure } from '../session/machine';
import { buildCaseSubmission } from './case-submission';

export function toSubmitFailure(error: PlatformError): SubmitFailure {
  switch (error.code) {
    case 'network':
    case 'timeout':
      return { problem: 'platform-unreachable' };
    case 'invalid-response':
      return { problem: 'invalid-response' };
    case 'problem':
      return error.status >= 500 || error.status === 408 || error.status === 429
        ? { problem: 'platform-error', platformCode: error.problemCode }
        : { problem: 'platform-rejected', platformCode: error.problemCode };
  }
}

export async function submitCase(
  deps: { client: PlatformClient; catalog: CatalogService },
  input: CaseToSubmit,
): Promise<Result<CaseReceipt, SubmitFailure>> {
  const catalog = await deps.catalog.get();
  if (!catalog.ok) return err(toSubmitFailure(catalog.error));
  const signature = await deps.client.uploadFile(input.signaturePng, 'image/png');
  if (!signature.ok) return err(toSubmitFailure(signature.error));
  const submission = buildCaseSubmission({
    card: input.card,
    item: input.item,
    catalogVersion: catalog.value.version,
    clientCaseId: input.clientCaseId,
    signatureFileId: signature.value.fileId,
    consentAt: input.consentAt,
    submittedAt: input.submittedAt,
  });
  const submitted = await deps.client.submitCase(submission, input.idempotencyKey);
  if (!submitted.ok) return err(toSubmitFailure(submitted.error));
  const { replayed: _replayed, ...receipt } = submitted.value;
  return ok(receipt);
}
