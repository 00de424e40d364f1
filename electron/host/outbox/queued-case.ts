/**
 * A case as the outbox holds it: the exact `CaseSubmission` that will be sent, except that each
 * file is named by a placeholder (`local-file:0`, `local-file:1`…) standing for the files queued
 * with it, because the platform's `fileId`s exist only once the files are uploaded. Uploads are
 * content-addressed (the same bytes always give the same `fileId`), so resolving the placeholders
 * gives the same body on every attempt — the spec's "every retry reuses the same key and body".
 *
 * Checked before anything is written: a case that breaks the spec's schema would only ever be
 * refused, so it is refused here, before the resident is told "queued".
 */
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { validateRequest } from '../platform/spec/validators';
import type { CaseSubmission, UploadMediaType } from '../platform/types';
import { UPLOAD_MEDIA_TYPES } from '../platform/types';

const PLACEHOLDER = /^local-file:(\d+)$/;

/** The platform's limit for one file (POST /v1/files answers 413 above it). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The placeholder for the `index`-th queued file. */
export const localFileId = (index: number): string => `local-file:${index}`;

export type QueuedFile = { bytes: Uint8Array; mediaType: UploadMediaType };

export type CaseToQueue = {
  /** Made once per case, kept across retries, restarts and power loss. */
  idempotencyKey: string;
  /** With `localFileId(i)` wherever the platform's fileId of `files[i]` goes. */
  submission: CaseSubmission;
  files: QueuedFile[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function placeholdersOf(submission: CaseSubmission): string[] {
  return [
    submission.signatureFileId,
    ...submission.materials.flatMap((m) => (m.kind === 'file' ? m.fileIds : [])),
  ];
}

/** Whether the case can be queued; if not, what is wrong (no personal values in the message). */
export function checkCaseToQueue(input: CaseToQueue): Result<void, string> {
  if (!UUID.test(input.idempotencyKey)) return err('the Idempotency-Key must be a UUID');
  const schema = validateRequest('submitCase', input.submission);
  if (!schema.valid) {
    return err(
      `off-spec: ${schema.errors
        .slice(0, 3)
        .map((e) => `${e.path} ${e.message}`)
        .join('; ')}`,
    );
  }
  const used = new Set<number>();
  for (const id of placeholdersOf(input.submission)) {
    const index = PLACEHOLDER.exec(id)?.[1];
    if (index === undefined) return err('every fileId must be a local-file placeholder');
    if (Number(index) >= input.files.length) return err(`no queued file for ${id}`);
    used.add(Number(index));
  }
  if (used.size !== input.files.length) return err('a queued file is named nowhere in the case');
  for (const [i, file] of input.files.entries()) {
    if (!(UPLOAD_MEDIA_TYPES as readonly string[]).includes(file.mediaType)) {
      return err(`file ${i}: media type ${file.mediaType} is not accepted`);
    }
    if (file.bytes.byteLength === 0 || file.bytes.byteLength > MAX_FILE_BYTES) {
      return err(`file ${i}: ${file.bytes.byteLength} bytes (1 to ${MAX_FILE_BYTES})`);
    }
  }
  return ok();
}

/** The submission with every placeholder replaced by the uploaded file's platform id. */
export function resolveFileIds(
  submission: CaseSubmission,
  fileIds: readonly string[],
): CaseSubmission {
  const resolve = (id: string) => {
    const index = PLACEHOLDER.exec(id)?.[1];
    const fileId = index === undefined ? undefined : fileIds[Number(index)];
    if (fileId === undefined) throw new Error(`unresolved file placeholder ${id}`);
    return fileId;
  };
  return {
    ...submission,
    signatureFileId: resolve(submission.signatureFileId),
    materials: submission.materials.map((m) =>
      m.kind === 'file' ? { ...m, fileIds: m.fileIds.map(resolve) } : m,
    ),
  };
}
