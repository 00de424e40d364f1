/**
 * The outbox's rows and their state changes, as SQL and nothing else: no crypto, no network.
 *
 *   pending ──lease──▶ in-flight ──▶ sent            (payload and key destroyed)
 *      ▲                  │  └─────▶ dead            (final error; kept for technicians)
 *      │                  └───────▶ retry ──(due)──▶ in-flight …
 *      └── expired lease (start-up, or found expired later); `requeue` by a technician
 *
 * Every change that follows a lease names the lease owner, so a process whose lease expired (it
 * hung, or was presumed dead) cannot overwrite what the new owner did.
 */
import type { KioskDatabase } from './kiosk-database';
import { migrate } from './kiosk-database';
import { createOutboxAdmin } from './outbox-admin';
import { OUTBOX_MIGRATIONS, OUTBOX_MODULE } from './outbox-schema';

export type OutboxState = 'pending' | 'in-flight' | 'retry' | 'sent' | 'dead';
export type RecordKind = 'case' | 'evaluation';

export type SealedFile = { seq: number; mediaType: string; size: number; content: Uint8Array };

export type NewRecord = {
  id: string;
  kind: RecordKind;
  idempotencyKey: string;
  itemCode?: string;
  submittedAt?: string;
  createdAt: number;
  dependsOn?: string;
  cipher: string;
  wrappedKey: Uint8Array;
  payload: Uint8Array;
  files: SealedFile[];
};

export type LeasedFile = SealedFile & { fileId: string | null; uploadedAt: number | null };

export type LeasedRecord = {
  id: string;
  kind: RecordKind;
  idempotencyKey: string;
  itemCode: string | null;
  createdAt: number;
  attempts: number;
  firstAttemptAt: number | null;
  dependsOn: string | null;
  resolvedCaseNo: string | null;
  cipher: string;
  wrappedKey: Uint8Array;
  payload: Uint8Array;
  files: LeasedFile[];
};

export type RecordRow = {
  id: string;
  kind: RecordKind;
  idempotency_key: string;
  item_code: string | null;
  state: OutboxState;
  created_at: number;
  submitted_at: string | null;
  attempts: number;
  next_attempt_at: number;
  first_attempt_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  dead_reason: string | null;
  case_no: string | null;
  sent_at: number | null;
  depends_on: string | null;
  resolved_case_no: string | null;
  cipher: string | null;
  wrapped_key: Buffer | null;
  payload: Buffer | null;
};

type FileRow = {
  seq: number;
  media_type: string;
  size: number;
  content: Buffer;
  file_id: string | null;
  uploaded_at: number | null;
};

/**
 * Due: waiting and its time has come, or leased by someone whose lease ran out. An evaluation that
 * names a case waits until that case is settled (sent or dead), unless its body is already fixed.
 */
/** Not held back by a case it depends on (an evaluation waits for its case to settle). */
const READY = `(r.depends_on IS NULL OR r.first_attempt_at IS NOT NULL OR EXISTS (
  SELECT 1 FROM outbox_records c WHERE c.id = r.depends_on AND c.state IN ('sent', 'dead')))`;
const DUE = `(
  ((r.state IN ('pending', 'retry') AND r.next_attempt_at <= @now)
    OR (r.state = 'in-flight' AND r.lease_until < @now))
  AND ${READY}
)`;

export type OutboxStore = ReturnType<typeof createOutboxStore>;
export type { OutboxEntry, RequeueResult } from './outbox-admin';

export function createOutboxStore(db: KioskDatabase) {
  migrate(db, OUTBOX_MODULE, OUTBOX_MIGRATIONS);

  const insertRecord = db.prepare(`INSERT INTO outbox_records (id, kind, idempotency_key, item_code,
    state, created_at, submitted_at, next_attempt_at, depends_on, cipher, wrapped_key, payload)
    VALUES (@id, @kind, @idempotencyKey, @itemCode, 'pending', @createdAt, @submittedAt, @createdAt,
    @dependsOn, @cipher, @wrappedKey, @payload)`);
  const insertFile =
    db.prepare(`INSERT INTO outbox_files (record_id, seq, media_type, size, content)
    VALUES (?, ?, ?, ?, ?)`);
  const byId = db.prepare<[string], RecordRow>('SELECT * FROM outbox_records WHERE id = ?');
  const filesOf = db.prepare<[string], FileRow>(
    'SELECT seq, media_type, size, content, file_id, uploaded_at FROM outbox_files WHERE record_id = ? ORDER BY seq',
  );
  const claim =
    db.prepare(`UPDATE outbox_records AS r SET state = 'in-flight', lease_owner = @owner,
    lease_until = @until WHERE r.id = @id AND ${DUE}`);
  const destroyFiles = db.prepare('DELETE FROM outbox_files WHERE record_id = ?');
  const markDeadUnowned = db.prepare(`UPDATE outbox_records SET state = 'dead', dead_reason = ?,
    lease_owner = NULL, lease_until = NULL WHERE id = ?`);

  const insert = db.transaction((record: NewRecord) => {
    insertRecord.run({
      id: record.id,
      kind: record.kind,
      idempotencyKey: record.idempotencyKey,
      itemCode: record.itemCode ?? null,
      createdAt: record.createdAt,
      submittedAt: record.submittedAt ?? null,
      dependsOn: record.dependsOn ?? null,
      cipher: record.cipher,
      wrappedKey: Buffer.from(record.wrappedKey),
      payload: Buffer.from(record.payload),
    });
    for (const file of record.files) {
      insertFile.run(record.id, file.seq, file.mediaType, file.size, Buffer.from(file.content));
    }
  });

  const lease = db.transaction((id: string, owner: string, now: number, leaseMs: number) => {
    if (claim.run({ id, owner, until: now + leaseMs, now }).changes !== 1) return undefined;
    const row = byId.get(id)!;
    if (row.payload === null || row.wrapped_key === null || row.cipher === null) {
      // Only sent records and dead letters past retention lack a payload, and neither is ever
      // due; should one be, it cannot be sent, so it must not be tried again and again.
      markDeadUnowned.run('payload missing', id);
      return undefined;
    }
    const leased: LeasedRecord = {
      id: row.id,
      kind: row.kind,
      idempotencyKey: row.idempotency_key,
      itemCode: row.item_code,
      createdAt: row.created_at,
      attempts: row.attempts,
      firstAttemptAt: row.first_attempt_at,
      dependsOn: row.depends_on,
      resolvedCaseNo: row.resolved_case_no,
      cipher: row.cipher,
      wrappedKey: new Uint8Array(row.wrapped_key),
      payload: new Uint8Array(row.payload),
      files: filesOf.all(id).map((f) => ({
        seq: f.seq,
        mediaType: f.media_type,
        size: f.size,
        content: new Uint8Array(f.content),
        fileId: f.file_id,
        uploadedAt: f.uploaded_at,
      })),
    };
    return leased;
  });

  const owned = "WHERE id = @id AND lease_owner = @owner AND state = 'in-flight'";
  const attempt = db.prepare(`UPDATE outbox_records SET attempts = attempts + 1,
    first_attempt_at = COALESCE(first_attempt_at, @now),
    resolved_case_no = COALESCE(resolved_case_no, @resolvedCaseNo) ${owned}`);
  const upload =
    db.prepare(`UPDATE outbox_files SET file_id = ?, uploaded_at = ? WHERE record_id = ? AND seq = ?
    AND EXISTS (SELECT 1 FROM outbox_records WHERE id = ? AND lease_owner = ? AND state = 'in-flight')`);
  const sent =
    db.prepare(`UPDATE outbox_records SET state = 'sent', case_no = @caseNo, sent_at = @now,
    lease_owner = NULL, lease_until = NULL, last_error = NULL, wrapped_key = NULL, payload = NULL,
    cipher = NULL ${owned}`);
  const retry = db.prepare(`UPDATE outbox_records SET state = 'retry', next_attempt_at = @next,
    last_error = @error, lease_owner = NULL, lease_until = NULL ${owned}`);
  const dead = db.prepare(`UPDATE outbox_records SET state = 'dead', dead_reason = @reason,
    last_error = @reason, lease_owner = NULL, lease_until = NULL, sent_at = NULL ${owned}`);
  const destroyPayload = db.prepare(
    'UPDATE outbox_records SET wrapped_key = NULL, payload = NULL, cipher = NULL WHERE id = ?',
  );

  return {
    ...createOutboxAdmin(db),
    insert: (record: NewRecord) => insert(record),
    findByKey: (key: string) =>
      db
        .prepare<[string], { id: string; state: OutboxState }>(
          'SELECT id, state FROM outbox_records WHERE idempotency_key = ?',
        )
        .get(key),

    nextDue(now: number, exclude: ReadonlySet<string>): string | undefined {
      const rows = db
        .prepare<{ now: number }, { id: string }>(
          `SELECT r.id FROM outbox_records r WHERE ${DUE} ORDER BY r.created_at LIMIT ${exclude.size + 1}`,
        )
        .all({ now });
      return rows.map((r) => r.id).find((id) => !exclude.has(id));
    },

    /** When the next waiting record becomes due (for the sender's timer); held-back ones excluded. */
    nextWakeAt(): number | undefined {
      const row = db
        .prepare<[], { at: number | null }>(
          `SELECT MIN(CASE WHEN r.state = 'in-flight' THEN r.lease_until ELSE r.next_attempt_at END) AS at
           FROM outbox_records r WHERE r.state IN ('pending', 'retry', 'in-flight') AND ${READY}`,
        )
        .get();
      return row?.at ?? undefined;
    },

    lease: (id: string, owner: string, now: number, leaseMs: number) =>
      lease(id, owner, now, leaseMs),

    /** Before the network call: counts the attempt and fixes what the body depends on. */
    markAttempt(
      id: string,
      owner: string,
      now: number,
      resolvedCaseNo: string | null = null,
    ): boolean {
      return attempt.run({ id, owner, now, resolvedCaseNo }).changes === 1;
    },

    recordUpload(id: string, owner: string, seq: number, fileId: string, now: number): void {
      upload.run(fileId, now, id, seq, id, owner);
    },

    /** Acknowledged: payload, key and files destroyed; only non-personal metadata stays. */
    markSent(id: string, owner: string, now: number, caseNo: string | null): boolean {
      const done = db.transaction(() => {
        if (sent.run({ id, owner, now, caseNo }).changes !== 1) return false;
        destroyFiles.run(id);
        return true;
      })();
      return done;
    },

    markRetry(id: string, owner: string, next: number, error: string): boolean {
      return retry.run({ id, owner, next, error }).changes === 1;
    },

    /** Final. `destroy`: the resident was told at the screen, so nothing is kept for a technician. */
    markDead(id: string, owner: string, reason: string, destroy: boolean): boolean {
      return db.transaction(() => {
        if (dead.run({ id, owner, reason }).changes !== 1) return false;
        if (destroy) {
          destroyPayload.run(id);
          destroyFiles.run(id);
        }
        return true;
      })();
    },

    dependency(id: string): { state: OutboxState; caseNo: string | null } | undefined {
      const row = byId.get(id);
      return row ? { state: row.state, caseNo: row.case_no } : undefined;
    },
  };
}
