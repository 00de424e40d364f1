/**
 * The audit trail: append-only and hash-chained, in its own SQLite file. Each entry's hash covers
 * the previous entry's hash and the entry's own fields, so changing, removing or reordering any
 * entry breaks every hash after it; `verify()` names the first entry that does not fit. SQLite
 * triggers refuse UPDATE and DELETE as a second line (a determined attacker with the file can
 * still rewrite the whole chain — the chain proves integrity against mistakes and casual edits,
 * and the platform's copy, sent with the heartbeat logs, is the independent witness).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { openSqlite } from '../sqlite';
import {
  assertNoPersonalData,
  type AuditDetail,
  type AuditEntry,
  type AuditEvent,
  type AuditOutcome,
} from './audit-events';

const GENESIS = '0'.repeat(64);

/** Where the terminal keeps its audit trail: its own file, apart from the outbox. */
export const auditFile = (dataDir: string) => join(dataDir, 'audit.db');

export type AuditVerification =
  | { ok: true; entries: number }
  | {
      ok: false;
      entries: number;
      firstBrokenId: number;
      reason: 'hash-mismatch' | 'chain-gap' | 'unreadable';
    };

export interface AuditLog {
  append(event: AuditEvent, outcome: AuditOutcome, detail?: AuditDetail): AuditEntry;
  list(options?: { limit?: number }): AuditEntry[];
  verify(): AuditVerification;
  close(): void;
}

/** The bytes an entry's hash covers: fixed field order, keys of `detail` sorted. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const detail = Object.fromEntries(
    Object.entries(entry.detail).sort(([a], [b]) => a.localeCompare(b)),
  );
  const body = JSON.stringify([
    entry.id,
    entry.at,
    entry.event,
    entry.outcome,
    detail,
    entry.prevHash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

interface Row {
  id: number;
  at: string;
  event: string;
  outcome: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

function toEntry(row: Row): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    event: row.event as AuditEvent,
    outcome: row.outcome as AuditOutcome,
    detail: JSON.parse(row.detail) as AuditDetail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function openAuditLog(file: string, now: () => Date = () => new Date()): AuditLog {
  const db = openSqlite(file);
  db.pragma('journal_mode = WAL');
  // An audit entry that was acknowledged must survive a power cut.
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS audit (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      event TEXT NOT NULL,
      outcome TEXT NOT NULL,
      detail TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `);
  const last = db.prepare<[], Row>('SELECT * FROM audit ORDER BY id DESC LIMIT 1');
  const insert = db.prepare(
    'INSERT INTO audit (id, at, event, outcome, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const appendTx = db.transaction(
    (event: AuditEvent, outcome: AuditOutcome, detail: AuditDetail) => {
      const previous = last.get();
      const partial = {
        id: (previous?.id ?? 0) + 1,
        at: now().toISOString(),
        event,
        outcome,
        detail,
        prevHash: previous?.hash ?? GENESIS,
      };
      const entry: AuditEntry = { ...partial, hash: entryHash(partial) };
      insert.run(
        entry.id,
        entry.at,
        entry.event,
        entry.outcome,
        JSON.stringify(detail),
        entry.prevHash,
        entry.hash,
      );
      return entry;
    },
  );

  return {
    append(event, outcome, detail = {}) {
      assertNoPersonalData(detail);
      return appendTx(event, outcome, detail);
    },
    list({ limit = 100 } = {}) {
      return db
        .prepare<[number], Row>('SELECT * FROM audit ORDER BY id DESC LIMIT ?')
        .all(limit)
        .map(toEntry)
        .reverse();
    },
    verify() {
      let previousHash = GENESIS;
      let expectedId = 1;
      let count = 0;
      for (const row of db.prepare<[], Row>('SELECT * FROM audit ORDER BY id').iterate()) {
        count += 1;
        let entry: AuditEntry;
        try {
          entry = toEntry(row);
        } catch {
          return { ok: false, entries: count, firstBrokenId: row.id, reason: 'unreadable' };
        }
        if (entry.id !== expectedId || entry.prevHash !== previousHash) {
          return { ok: false, entries: count, firstBrokenId: entry.id, reason: 'chain-gap' };
        }
        if (entryHash(entry) !== entry.hash) {
          return { ok: false, entries: count, firstBrokenId: entry.id, reason: 'hash-mismatch' };
        }
        previousHash = entry.hash;
        expectedId += 1;
      }
      return { ok: true, entries: count };
    },
    close: () => db.close(),
  };
}
