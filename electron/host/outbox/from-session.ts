/**
 * The bridge from what the session gathered (CaseToSubmit) to what the outbox queues: the same
 * CaseSubmission the session builds today, with the signature as queued file 0 instead of an
 * already-uploaded fileId. The session hands the result to `outbox.submitCase`.
 */
import { buildCaseSubmission } from '../cases/case-submission';
import type { CaseToSubmit } from '../session/session-context';
import { localFileId } from './queued-case';
import type { CaseToQueue } from './queued-case';

export function caseToQueueFromSession(input: CaseToSubmit, catalogVersion: string): CaseToQueue {
  return {
    idempotencyKey: input.idempotencyKey,
    submission: buildCaseSubmission({
      card: input.card,
      item: input.item,
      catalogVersion,
      clientCaseId: input.clientCaseId,
      signatureFileId: localFileId(0),
      consentAt: input.consentAt,
      submittedAt: input.submittedAt,
    }),
    files: [{ bytes: input.signaturePng, mediaType: 'image/png' }],
  };
}
