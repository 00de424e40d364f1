/**
 * The outbox's tables. A record is one logical operation for the platform (a case, or a 好差评
 * evaluation) with its Idempotency-Key; its personal content lives only in `payload` and in
 * `outbox_files.content`, both sealed under the record's own data key (`wrapped_key`, itself
 * sealed under the key-encryption key). Those three go to NULL / are deleted once the platform
 * acknowledges; the rest of the row is non-personal metadata kept for technicians.
 */
export const OUTBOX_MODULE = 'outbox';

export const OUTBOX_MIGRATIONS: readonly string[] = [
  `CREATE TABLE outbox_records (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('case', 'evaluation')),
     idempotency_key TEXT NOT NULL UNIQUE,
     item_code TEXT,
     state TEXT NOT NULL CHECK (state IN ('pending', 'in-flight', 'retry', 'sent', 'dead')),
     created_at INTEGER NOT NULL,
     submitted_at TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     first_attempt_at INTEGER,
     lease_owner TEXT,
     lease_until INTEGER,
     last_error TEXT,
     dead_reason TEXT,
     case_no TEXT,
     sent_at INTEGER,
     depends_on TEXT REFERENCES outbox_records (id),
     resolved_case_no TEXT,
     cipher TEXT,
     wrapped_key BLOB,
     payload BLOB
   );
   CREATE INDEX outbox_due ON outbox_records (state, next_attempt_at);
   CREATE TABLE outbox_files (
     record_id TEXT NOT NULL REFERENCES outbox_records (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     media_type TEXT NOT NULL,
     size INTEGER NOT NULL,
     content BLOB NOT NULL,
     file_id TEXT,
     uploaded_at INTEGER,
     PRIMARY KEY (record_id, seq)
   );`,
];
