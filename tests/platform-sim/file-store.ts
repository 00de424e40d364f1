/**
 * `POST /v1/files`: content-addressed storage. The same bytes always give the same `fileId`
 * (the spec's answer to retried uploads), whatever the request id or the attempt.
 */
import { createHash } from 'node:crypto';
import type { StoredFile } from '../../electron/host/platform/types';
import { UPLOAD_MEDIA_TYPES } from '../../electron/host/platform/types';
import type { Reply, SimRequest } from './exchange';
import { problem } from './problems';

/** The platform's limit for one file. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type StoredFileRecord = StoredFile & { bytes: Uint8Array };

export type FileStore = {
  put(bytes: Uint8Array, mediaType: string): StoredFile;
  get(fileId: string): StoredFileRecord | undefined;
  list(): ReadonlyArray<StoredFileRecord>;
};

export function createFileStore(): FileStore {
  const files = new Map<string, StoredFileRecord>();
  return {
    put(bytes, mediaType) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const fileId = `f-${sha256}`;
      let record = files.get(fileId);
      if (!record) {
        record = {
          fileId,
          sha256,
          size: bytes.byteLength,
          mediaType,
          bytes: Uint8Array.from(bytes),
        };
        files.set(fileId, record);
      }
      const { bytes: _bytes, ...stored } = record;
      return stored;
    },
    get: (fileId) => files.get(fileId),
    list: () => [...files.values()],
  };
}

export function handleUpload(store: FileStore, req: SimRequest): Reply {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (!(UPLOAD_MEDIA_TYPES as readonly (string | undefined)[]).includes(mediaType)) {
    return problem(415, 'unsupported-media-type', {
      detail: `Send one of ${UPLOAD_MEDIA_TYPES.join(', ')}.`,
    });
  }
  const claimed = req.headers['x-content-sha256'];
  if (claimed === undefined || !/^[0-9a-f]{64}$/.test(claimed)) {
    return problem(400, 'bad-request', {
      detail: 'X-Content-Sha256 must be the lower-case hex SHA-256 of the body.',
    });
  }
  if (req.body.byteLength === 0)
    return problem(400, 'bad-request', { detail: 'The body is empty.' });
  const actual = createHash('sha256').update(req.body).digest('hex');
  if (actual !== claimed) return problem(400, 'digest-mismatch');
  return { status: 201, body: store.put(req.body, mediaType!) };
}
