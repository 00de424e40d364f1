/**
 * `POST /v1/files`: content-addressed storage. The same bytes always give the same `fileId`
 * (the spec's answer to retried uploads), whatever the request id or the attempt. Files no case
 * references within 24 hours are deleted, as the spec says.
 */
import { createHash } from 'node:crypto';
import type { StoredFile } from '../../electron/host/platform/types';
import { UPLOAD_MEDIA_TYPES } from '../../electron/host/platform/types';
import type { Reply, SimRequest } from './exchange';
import { problem } from './problems';
import type { SimDb } from './sim-database';

/** The platform's limit for one file. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The spec: "Files not referenced by a case within 24 hours are deleted." */
export const UNREFERENCED_FILE_TTL_MS = 24 * 60 * 60 * 1000;

export type StoredFileRecord = StoredFile & { bytes: Uint8Array };

export type FileStore = {
  put(bytes: Uint8Array, mediaType: string, now: Date): StoredFile;
  get(fileId: string): StoredFileRecord | undefined;
  /** Marks files as used by a case, so they are kept. */
  reference(fileIds: readonly string[]): void;
  list(): ReadonlyArray<StoredFileRecord>;
};

type Row = { file_id: string; sha256: string; size: number; media_type: string; bytes: Buffer };

const toRecord = (row: Row): StoredFileRecord => ({
  fileId: row.file_id,
  sha256: row.sha256,
  size: row.size,
  mediaType: row.media_type,
  bytes: new Uint8Array(row.bytes),
});

export function createFileStore(db: SimDb): FileStore {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO files (file_id, sha256, size, media_type, bytes, stored_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string], Row>('SELECT * FROM files WHERE file_id = ?');
  const sweep = db.prepare('DELETE FROM files WHERE referenced = 0 AND stored_at < ?');
  const mark = db.prepare('UPDATE files SET referenced = 1 WHERE file_id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM files ORDER BY rowid');
  return {
    put(bytes, mediaType, now) {
      sweep.run(now.getTime() - UNREFERENCED_FILE_TTL_MS);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const fileId = `f-${sha256}`;
      insert.run(fileId, sha256, bytes.byteLength, mediaType, Buffer.from(bytes), now.getTime());
      const row = select.get(fileId)!;
      return { fileId, sha256, size: row.size, mediaType: row.media_type };
    },
    get(fileId) {
      const row = select.get(fileId);
      return row ? toRecord(row) : undefined;
    },
    reference(fileIds) {
      for (const id of fileIds) mark.run(id);
    },
    list: () => all.all().map(toRecord),
  };
}

export function handleUpload(store: FileStore, req: SimRequest): Reply {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (!(UPLOAD_MEDIA_TYPES as readonly (string | undefined)[]).includes(mediaType)) {
    return problem(415, 'unsupported-media-type', {
      detail: `Send one of ${UPLOAD_MEDIA_TYPES.join(', ')}.`,
    });
  }
  // Present and well-formed: the parameter check has seen to that.
  const claimed = req.headers['x-content-sha256'];
  if (req.body.byteLength === 0) {
    return problem(400, 'bad-request', { detail: 'The body is empty.' });
  }
  const actual = createHash('sha256').update(req.body).digest('hex');
  if (actual !== claimed) return problem(400, 'digest-mismatch');
  return { status: 201, body: store.put(req.body, mediaType!, req.now) };
}
