/**
 * Sends a resident's case through the outbox (DESIGN §2.4): written to disk, encrypted, with its
 * Idempotency-Key, before any network call. Online, the platform's receipt comes back at once;
 * offline, the resident leaves with a local reference and the case goes when the platform
 * returns. Either way nothing is lost; only a final refusal by the platform is a failure.
 */
import { ok, err, type Result } from '../../shared/result';
import type { CatalogService } from '../catalog/catalog-service';
import { caseToQueueFromSession } from '../outbox/from-session';
import type { Outbox } from '../outbox/outbox-types';
import type { CaseOutcome, CaseToSubmit, SubmitFailure } from '../session/session-context';

export async function submitThroughOutbox(
  deps: { outbox: Outbox; catalog: CatalogService; now: () => Date },
  input: CaseToSubmit,
): Promise<Result<CaseOutcome, SubmitFailure>> {
  // The cached catalog answers offline; without any catalog no item could have been chosen.
  const catalog = await deps.catalog.get();
  if (!catalog.ok) return err({ problem: 'platform-unreachable' });
  const submitted = await deps.outbox.submitCase(
    caseToQueueFromSession(input, catalog.value.version),
  );
  if (submitted.ok) {
    const outcome = submitted.value;
    return ok(
      outcome.kind === 'accepted'
        ? { kind: 'accepted', receipt: outcome.receipt }
        : { kind: 'queued', localReference: outcome.localReference, queuedAt: outcome.queuedAt },
    );
  }
  const failure = submitted.error;
  switch (failure.code) {
    case 'rejected':
      return err({ problem: 'platform-rejected', platformCode: failure.platformCode });
    case 'already-submitted':
      // A retry of a case the outbox already holds (same key): it is queued, say so.
      return ok({
        kind: 'queued',
        localReference: failure.localReference,
        queuedAt: deps.now().toISOString(),
      });
    case 'invalid':
    case 'storage-failed':
      return err({ problem: 'terminal-error' });
  }
}
