/**
 * Delivering one leased record: open it (unwrap the data key with the KEK, then the payload),
 * upload its files (content-addressed), fix the body, count the attempt, send it under its
 * Idempotency-Key, and settle the row by the answer:
 *
 * - 201 → sent: payload, data key and files destroyed, case number kept;
 * - transient (network, timeout, 408, 429, 5xx) → retry after a full-jitter backoff, at least
 *   the platform's Retry-After;
 * - an answer that breaks the spec → retry after the longest backoff (the platform may have acted
 *   on it; the same key will replay its answer once the platform is fixed);
 * - any other 4xx → dead, with the status and code as the reason (no personal data in it).
 */
import createDebug from 'debug';
import { cipherById, isCipherId } from '../crypto/ciphers';
import { recordAad, unwrapDataKey } from '../crypto/envelope';
import type { RecordCipher } from '../crypto/record-cipher';
import type { PlatformClient, Replayable, SubmittedCase } from '../platform/client';
import { describePlatformError, isTransient } from '../platform/platform-error';
import type { PlatformError } from '../platform/platform-error';
import { backoffDelayMs } from '../platform/retry-policy';
import type {
  CaseSubmission,
  Evaluation,
  EvaluationRecorded,
  UploadMediaType,
} from '../platform/types';
import type { OutboxTimings } from './outbox-timings';
import type { LeasedRecord, OutboxStore } from './outbox-store';
import { resolveFileIds } from './queued-case';

const debug = createDebug('kiosk:outbox');

export type Payload =
  | { v: 1; kind: 'case'; submission: CaseSubmission }
  | { v: 1; kind: 'evaluation'; evaluation: Evaluation };

export type DeliveryOutcome =
  | { kind: 'sent'; receipt?: SubmittedCase; evaluation?: Replayable<EvaluationRecorded> }
  | { kind: 'retry'; error: PlatformError; nextAttemptAt: number }
  | { kind: 'dead'; reason: string; error?: PlatformError }
  /** The lease was lost (expired and taken over); whoever holds it now settles the record. */
  | { kind: 'lost-lease' };

export type DeliveryDeps = {
  store: OutboxStore;
  client: PlatformClient;
  kek: Uint8Array;
  owner: string;
  timings: OutboxTimings;
  now: () => number;
  random: () => number;
};

/** Whether a resident is still at the screen for this record (then a refusal is told, not kept). */
export type Watch = { residentWaiting: boolean };

const decoder = new TextDecoder();

export async function deliverRecord(
  deps: DeliveryDeps,
  record: LeasedRecord,
  watch: Watch = { residentWaiting: false },
): Promise<DeliveryOutcome> {
  const { store, owner, timings } = deps;
  const id = record.id;

  const dead = (reason: string, error?: PlatformError): DeliveryOutcome => {
    // Told at the screen: nothing to keep. In the background: kept for a technician.
    const told = watch.residentWaiting && error !== undefined;
    if (!store.markDead(id, owner, reason, told)) return { kind: 'lost-lease' };
    if (told) store.checkpoint();
    debug('record %s dead: %s', id, reason);
    return { kind: 'dead', reason, ...(error ? { error } : {}) };
  };

  const failed = (error: PlatformError): DeliveryOutcome => {
    if (error.code === 'problem' && !isTransient(error)) {
      const fields = (error.errors ?? []).map((e) => `${e.path}:${e.code}`).join(',');
      return dead(`${error.status} ${error.problemCode}${fields ? ` [${fields}]` : ''}`, error);
    }
    const now = deps.now();
    const backoff =
      error.code === 'invalid-response'
        ? timings.retryCapMs
        : backoffDelayMs(
            record.attempts + 1,
            { backoffBaseMs: timings.retryBaseMs, backoffCapMs: timings.retryCapMs },
            deps.random,
          );
    const retryAfter = error.code === 'problem' ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
    const nextAttemptAt = now + Math.max(backoff, retryAfter);
    if (!store.markRetry(id, owner, nextAttemptAt, describePlatformError(error)))
      return { kind: 'lost-lease' };
    debug('record %s retry in %dms: %s', id, nextAttemptAt - now, describePlatformError(error));
    return { kind: 'retry', error, nextAttemptAt };
  };

  if (!isCipherId(record.cipher)) return dead(`unknown cipher ${record.cipher}`);
  const cipher: RecordCipher = cipherById(record.cipher);
  const dek = unwrapDataKey(cipher, deps.kek, record.wrappedKey, id);
  if (!dek.ok) return dead('undecryptable: the data key does not open with this KEK');
  const opened = cipher.open(dek.value, record.payload, recordAad(id, 'payload'));
  if (!opened.ok) return dead('undecryptable: the payload is damaged');
  const payload = JSON.parse(decoder.decode(opened.value)) as Payload;

  if (
    record.firstAttemptAt !== null &&
    deps.now() - record.firstAttemptAt > timings.replayGuardMs
  ) {
    return dead('replay-window-passed: first tried more than 6 days ago; check with the platform');
  }
  const callOptions = { maxAttempts: timings.attemptsPerDelivery };

  if (payload.kind === 'case') {
    const fileIds: string[] = [];
    for (const file of record.files) {
      const fresh =
        file.uploadedAt !== null && deps.now() - file.uploadedAt < timings.reuploadAfterMs;
      if (file.fileId !== null && fresh) {
        fileIds.push(file.fileId);
        continue;
      }
      const bytes = cipher.open(dek.value, file.content, recordAad(id, `file:${file.seq}`));
      if (!bytes.ok) return dead(`undecryptable: file ${file.seq} is damaged`);
      const stored = await deps.client.uploadFile(
        bytes.value,
        file.mediaType as UploadMediaType,
        callOptions,
      );
      if (!stored.ok) return failed(stored.error);
      if (
        file.fileId !== null &&
        stored.value.fileId !== file.fileId &&
        record.firstAttemptAt !== null
      ) {
        // Content addressing broken: the body already sent named the old id; sending another
        // body under the same key would be a conflict. A technician must look.
        return dead('file-id-changed: the platform gave another fileId for the same bytes');
      }
      store.recordUpload(id, owner, file.seq, stored.value.fileId, deps.now());
      fileIds.push(stored.value.fileId);
    }
    const body = resolveFileIds(payload.submission, fileIds);
    if (!store.markAttempt(id, owner, deps.now())) return { kind: 'lost-lease' };
    const answer = await deps.client.submitCase(body, record.idempotencyKey, callOptions);
    if (!answer.ok) return failed(answer.error);
    if (!store.markSent(id, owner, deps.now(), answer.value.caseNo)) return { kind: 'lost-lease' };
    store.checkpoint();
    debug('record %s sent%s', id, answer.value.replayed ? ' (replayed)' : '');
    return { kind: 'sent', receipt: answer.value };
  }

  // An evaluation of a case queued with it takes that case's number once it has one (none if the
  // case died); fixed at the first attempt so every retry sends the same body.
  let body = payload.evaluation;
  let resolved: string | null = null;
  if (record.dependsOn !== null) {
    resolved = record.resolvedCaseNo ?? store.dependency(record.dependsOn)?.caseNo ?? '';
    if (resolved) body = { ...payload.evaluation, caseNo: resolved };
  }
  if (!store.markAttempt(id, owner, deps.now(), resolved)) return { kind: 'lost-lease' };
  const answer = await deps.client.submitEvaluation(body, record.idempotencyKey, callOptions);
  if (!answer.ok) return failed(answer.error);
  if (!store.markSent(id, owner, deps.now(), null)) return { kind: 'lost-lease' };
  store.checkpoint();
  return { kind: 'sent', evaluation: answer.value };
}
