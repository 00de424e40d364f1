/**
 * The terminal's own SQLite database (DESIGN §2.6): outbox, catalog cache, remote-command log.
 * One file, opened with the settings the outbox's promise rests on:
 *
 * - `journal_mode=WAL`: a crash mid-write leaves the last committed state; readers (kioskctl)
 *   never block the writer.
 * - `synchronous=FULL`: every commit is fsynced before it returns — "queued" is said to a
 *   resident only after the case is on the disk, power cut or not.
 * - `secure_delete=ON`: deleted content (a destroyed payload) is overwritten with zeros in the
 *   database file, not merely unlinked from the b-tree.
 * - `busy_timeout`: the app and kioskctl may write at the same moment; wait rather than fail.
 *
 * Each module keeps its own schema version in `schema_versions` and migrates forward only.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from '../sqlite';

export type KioskDatabase = Database.Database;

/** How long a writer waits for another (the app vs. kioskctl) before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

export const DATABASE_FILE = 'kiosk.sqlite';

export function openKioskDatabase(
  path: string,
  options: { readonly?: boolean } = {},
): KioskDatabase {
  if (path !== ':memory:' && !options.readonly)
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = openSqlite(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_versions (module TEXT PRIMARY KEY, version INTEGER NOT NULL)',
    );
  }
  return db;
}

/** Runs the module's migrations it has not run yet, each in its own transaction. */
export function migrate(db: KioskDatabase, module: string, steps: readonly string[]): void {
  const row = db.prepare('SELECT version FROM schema_versions WHERE module = ?').get(module) as
    { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > steps.length) {
    // A newer build wrote this database; running old code on it could lose data.
    throw new Error(
      `${module} schema version ${current} is newer than this build (${steps.length})`,
    );
  }
  steps.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.prepare(
        'INSERT INTO schema_versions (module, version) VALUES (?, ?) ON CONFLICT (module) DO UPDATE SET version = excluded.version',
      ).run(module, current + index + 1);
    })();
  });
}

/** `PRAGMA integrity_check`: `ok`, or the problems SQLite found. */
export function integrityCheck(db: KioskDatabase): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
}
