/**
 * The outbox's housekeeping and technicians' views: start-up recovery of interrupted leases, a
 * technician's requeue, the list without personal data, the depth the heartbeat reports, and
 * retention. Same tables as outbox-store.ts; nothing here sends or decrypts.
 */
import type { KioskDatabase } from './kiosk-database';
import type { OutboxState, RecordKind, RecordRow } from './outbox-store';

/** What a technician may see: no personal data (no payload, no names, no numbers but the case's). */
export type OutboxEntry = {
  id: string;
  kind: RecordKind;
  state: OutboxState;
  itemCode: string | null;
  createdAt: string;
  submittedAt: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deadReason: string | null;
  caseNo: string | null;
  sentAt: string | null;
  fileCount: number;
  /** Whether the sealed content is still held (false once sent, or a dead letter past retention). */
  hasPayload: boolean;
};

export type RequeueResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' | 'already-sent' | 'in-flight' | 'payload-destroyed' };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createOutboxAdmin(db: KioskDatabase) {
  const destroyFiles = db.prepare('DELETE FROM outbox_files WHERE record_id = ?');
  const destroyPayload = db.prepare(
    'UPDATE outbox_records SET wrapped_key = NULL, payload = NULL, cipher = NULL WHERE id = ?',
  );
  const byId = db.prepare<[string], RecordRow>('SELECT * FROM outbox_records WHERE id = ?');

  return {
    /**
     * Start-up: leases that have expired, or whose owner process is gone (it crashed or was
     * killed), go back to pending. Returns how many.
     */
    recoverLeases(now: number, ownerAlive: (owner: string) => boolean): number {
      const leased = db
        .prepare<[], { id: string; lease_owner: string | null; lease_until: number | null }>(
          "SELECT id, lease_owner, lease_until FROM outbox_records WHERE state = 'in-flight'",
        )
        .all();
      const release = db.prepare(`UPDATE outbox_records SET state = 'pending', lease_owner = NULL,
        lease_until = NULL, next_attempt_at = ? WHERE id = ? AND state = 'in-flight' AND lease_owner IS ?`);
      let released = 0;
      for (const row of leased) {
        const expired = (row.lease_until ?? 0) < now;
        if (expired || row.lease_owner === null || !ownerAlive(row.lease_owner)) {
          released += release.run(now, row.id, row.lease_owner).changes;
        }
      }
      return released;
    },

    /** A technician's "try again now" for a dead or waiting record. */
    requeue(id: string, now: number): RequeueResult {
      const row = byId.get(id);
      if (!row) return { ok: false, reason: 'not-found' };
      if (row.state === 'sent') return { ok: false, reason: 'already-sent' };
      if (row.state === 'in-flight' && (row.lease_until ?? 0) >= now)
        return { ok: false, reason: 'in-flight' };
      if (row.payload === null) return { ok: false, reason: 'payload-destroyed' };
      db.prepare(
        `UPDATE outbox_records SET state = 'pending', next_attempt_at = ?, dead_reason = NULL,
        lease_owner = NULL, lease_until = NULL WHERE id = ?`,
      ).run(now, id);
      return { ok: true };
    },

    /** After an outage: everything waiting to retry is due now. */
    makeRetriesDue(now: number): number {
      return db
        .prepare(
          "UPDATE outbox_records SET next_attempt_at = ? WHERE state = 'retry' AND next_attempt_at > ?",
        )
        .run(now, now).changes;
    },

    list(): OutboxEntry[] {
      const rows = db
        .prepare<[], RecordRow & { file_count: number }>(
          `SELECT r.*, (SELECT COUNT(*) FROM outbox_files f WHERE f.record_id = r.id) AS file_count
           FROM outbox_records r ORDER BY r.created_at`,
        )
        .all();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        state: row.state,
        itemCode: row.item_code,
        createdAt: new Date(row.created_at).toISOString(),
        submittedAt: row.submitted_at,
        attempts: row.attempts,
        nextAttemptAt:
          row.state === 'pending' || row.state === 'retry' ? iso(row.next_attempt_at) : null,
        lastError: row.last_error,
        deadReason: row.dead_reason,
        caseNo: row.case_no,
        sentAt: iso(row.sent_at),
        fileCount: row.file_count,
        hasPayload: row.payload !== null,
      }));
    },

    /** For the heartbeat: records not yet settled, and when the oldest was queued. */
    depth(): { pending: number; oldestQueuedAt: string | null } {
      const row = db
        .prepare<[], { n: number; oldest: number | null }>(
          `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox_records
           WHERE state IN ('pending', 'in-flight', 'retry')`,
        )
        .get()!;
      return { pending: row.n, oldestQueuedAt: iso(row.oldest) };
    },

    /** Destroys dead letters' payloads past retention, and forgets old sent metadata. */
    expire(now: number, deadRetentionMs: number, sentRetentionMs: number): void {
      db.transaction(() => {
        const stale = db
          .prepare<[number], { id: string }>(
            "SELECT id FROM outbox_records WHERE state = 'dead' AND payload IS NOT NULL AND created_at < ?",
          )
          .all(now - deadRetentionMs);
        for (const { id } of stale) {
          destroyPayload.run(id);
          destroyFiles.run(id);
        }
        db.prepare(
          `DELETE FROM outbox_records WHERE state = 'sent' AND sent_at < ?
           AND id NOT IN (SELECT depends_on FROM outbox_records WHERE depends_on IS NOT NULL)`,
        ).run(now - sentRetentionMs);
      })();
    },

    /**
     * Folds the WAL into the database and truncates it, so pages that held a destroyed payload do
     * not linger in the WAL file (secure_delete zeroes them in the main file).
     */
    checkpoint(): void {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
