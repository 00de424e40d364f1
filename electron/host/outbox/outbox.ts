/**
 * The outbox (DESIGN §2.4, issue 6): a case reaches the platform exactly once, whatever happens to
 * the network, the platform or the terminal's power.
 *
 * `submitCase` writes the case — Idempotency-Key, files, submitted-at, all sealed under a fresh
 * data key — in one fsynced transaction *before* any network call; only then may the resident be
 * told anything. It then tries to deliver at once: within `submitWaitMs` the resident gets the
 * platform's receipt (`accepted`), else a local reference (`queued`) while the background sender
 * goes on trying with the same key and body until the platform answers. A final refusal while the
 * resident waits comes back as `rejected` (and nothing personal is kept); one that comes later is
 * a dead letter for technicians.
 *
 * Evaluations (好差评) go the same way. Queue tickets do not: a ticket is for now, so the session
 * takes one directly through the client (see README).
 */
import createDebug from 'debug';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { cipherById } from '../crypto/ciphers';
import { validateRequest } from '../platform/spec/validators';
import { deliverRecord } from './delivery';
import type { DeliveryOutcome, Payload, Watch } from './delivery';
import { newLocalReference } from './local-reference';
import { createOutboxSender } from './outbox-sender';
import { createOutboxStore } from './outbox-store';
import type { NewRecord } from './outbox-store';
import { OUTBOX_TIMINGS } from './outbox-timings';
import type { OutboxTimings } from './outbox-timings';
import type { Outbox, OutboxOpenError, OutboxOptions, OutboxSubmitError } from './outbox-types';
import { leaseOwner, pidAlive } from './lease-owner';
import { sealRecord } from './seal-record';
import { checkCaseToQueue } from './queued-case';

export type {
  EvaluationOutcome,
  EvaluationToQueue,
  Outbox,
  OutboxOpenError,
  OutboxOptions,
  OutboxSubmitError,
  SubmitOutcome,
} from './outbox-types';
export type { CaseToQueue, QueuedFile } from './queued-case';
export { localFileId } from './queued-case';

const debug = createDebug('kiosk:outbox');

export async function createOutbox(
  options: OutboxOptions,
): Promise<Result<Outbox, OutboxOpenError>> {
  const kek = await options.keyStore.loadKek();
  if (!kek.ok) return err({ code: 'key-store', error: kek.error });
  const kekBytes = kek.value;
  const timings: OutboxTimings = { ...OUTBOX_TIMINGS, ...options.timings };
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const cipher = cipherById(options.cipher ?? 'aes-256-gcm');
  const store = createOutboxStore(options.db);
  const owner = leaseOwner();
  const released = store.recoverLeases(now(), options.ownerAlive ?? pidAlive);
  if (released > 0) debug('%d interrupted deliveries back to pending', released);
  store.expire(now(), timings.deadRetentionMs, timings.sentRetentionMs);

  const listeners = new Set<(depth: ReturnType<Outbox['depth']>) => void>();
  const notify = () => {
    const depth = store.depth();
    for (const listener of listeners) listener(depth);
  };
  const sender = createOutboxSender({
    store,
    owner,
    timings,
    now,
    deliver: (record, watch) =>
      deliverRecord(
        { store, client: options.client, kek: kekBytes, owner, timings, now, random },
        record,
        watch,
      ),
    onSettled: notify,
  });
  const stopWatching = options.client.onConnectivity((connectivity) => {
    if (connectivity.state !== 'online') return;
    // The platform is back: whatever waits to retry goes now, not after its backoff.
    if (store.makeRetriesDue(now()) > 0) sender.kick();
  });

  /** Seals and writes a record in one transaction; the promise to the resident starts after it. */
  function write(
    kind: NewRecord['kind'],
    idempotencyKey: string,
    payload: Payload,
    files: { bytes: Uint8Array; mediaType: string }[],
    extra: Pick<NewRecord, 'itemCode' | 'submittedAt' | 'dependsOn'>,
  ): Result<{ id: string; createdAt: number }, OutboxSubmitError> {
    const existing = store.findByKey(idempotencyKey);
    if (existing) return err({ code: 'already-submitted', localReference: existing.id });
    const createdAt = now();
    const id = newLocalReference(new Date(createdAt));
    try {
      store.insert(
        sealRecord({
          id,
          kind,
          idempotencyKey,
          createdAt,
          payload,
          files,
          cipher,
          kek: kekBytes,
          extra,
        }),
      );
    } catch (error) {
      // Disk full, database damaged: nothing was promised.
      debug('outbox write failed: %s', (error as Error).message);
      return err({ code: 'storage-failed', message: (error as Error).message });
    }
    notify();
    return ok({ id, createdAt });
  }

  /** Delivers the new record now, waiting at most `submitWaitMs` for the answer. */
  async function tryNow(id: string): Promise<DeliveryOutcome | 'waited'> {
    const watch: Watch = { residentWaiting: true };
    const delivery = sender.deliver(id, watch);
    if (!delivery) return 'waited';
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waited'>((resolve) => {
      timer = setTimeout(() => resolve('waited'), timings.submitWaitMs);
    });
    try {
      return await Promise.race([delivery, waited]);
    } finally {
      clearTimeout(timer);
      // From here on a refusal can no longer be told to this resident: keep it for a technician.
      watch.residentWaiting = false;
      sender.kick();
    }
  }

  function refusal(outcome: DeliveryOutcome, id: string): OutboxSubmitError | undefined {
    if (outcome.kind !== 'dead') return undefined;
    const error = outcome.error;
    if (error?.code === 'problem') {
      return {
        code: 'rejected',
        status: error.status,
        platformCode: error.problemCode,
        ...(error.errors ? { errors: error.errors } : {}),
        localReference: id,
      };
    }
    return { code: 'storage-failed', message: outcome.reason };
  }

  /** Not delivered at once: a final refusal is the resident's to hear; anything else waits. */
  function refusedOrQueued(outcome: DeliveryOutcome | 'waited', id: string, createdAt: number) {
    const refused = outcome === 'waited' ? undefined : refusal(outcome, id);
    if (refused) return err(refused);
    return ok({
      kind: 'queued' as const,
      localReference: id,
      queuedAt: new Date(createdAt).toISOString(),
    });
  }

  const outbox: Outbox = {
    async submitCase(input) {
      const check = checkCaseToQueue(input);
      if (!check.ok) return err({ code: 'invalid', message: check.error });
      const written = write(
        'case',
        input.idempotencyKey,
        { v: 1, kind: 'case', submission: input.submission },
        input.files,
        { itemCode: input.submission.itemCode, submittedAt: input.submission.submittedAt },
      );
      if (!written.ok) return written;
      const { id, createdAt } = written.value;
      const outcome = await tryNow(id);
      if (outcome !== 'waited' && outcome.kind === 'sent' && outcome.receipt) {
        const { replayed: _replayed, ...receipt } = outcome.receipt;
        return ok({ kind: 'accepted', receipt, localReference: id });
      }
      return refusedOrQueued(outcome, id, createdAt);
    },

    async submitEvaluation(input) {
      const schema = validateRequest('submitEvaluation', input.evaluation);
      if (!schema.valid) return err({ code: 'invalid', message: 'the evaluation is off-spec' });
      if (input.forCase !== undefined) {
        if (!store.dependency(input.forCase))
          return err({ code: 'invalid', message: 'no such queued case' });
        if (input.evaluation.caseNo !== undefined || input.evaluation.itemCode === undefined) {
          return err({ code: 'invalid', message: 'with forCase, give itemCode and no caseNo' });
        }
      }
      const written = write(
        'evaluation',
        input.idempotencyKey,
        { v: 1, kind: 'evaluation', evaluation: input.evaluation },
        [],
        {
          ...(input.evaluation.itemCode ? { itemCode: input.evaluation.itemCode } : {}),
          ...(input.forCase ? { dependsOn: input.forCase } : {}),
        },
      );
      if (!written.ok) return written;
      const { id, createdAt } = written.value;
      // One that waits for its case is not due yet; it goes with the sender.
      const caseState = input.forCase ? store.dependency(input.forCase)?.state : undefined;
      const waitsForCase = caseState !== undefined && caseState !== 'sent' && caseState !== 'dead';
      const outcome = waitsForCase ? 'waited' : await tryNow(id);
      if (outcome !== 'waited' && outcome.kind === 'sent' && outcome.evaluation) {
        const { replayed: _replayed, ...recorded } = outcome.evaluation;
        return ok({ kind: 'recorded', ...recorded, localReference: id });
      }
      return refusedOrQueued(outcome, id, createdAt);
    },

    list: () => store.list(),
    retry(id) {
      const result = store.requeue(id, now());
      if (result.ok) {
        notify();
        sender.kick();
      }
      return result;
    },
    depth: () => store.depth(),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => sender.start(),
    idle: () => sender.idle(),
    async close() {
      stopWatching();
      await sender.stop();
      listeners.clear();
    },
  };
  return ok(outbox);
}
