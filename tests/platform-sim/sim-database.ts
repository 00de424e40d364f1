/**
 * The simulated platform's storage: one SQLite database (better-sqlite3). In memory by default, so
 * every test starts from a clean platform; a file when a developer wants cases, commands and
 * idempotency records to survive a simulator restart ("platform down, then back").
 */
import type Database from 'better-sqlite3';
import { openSqlite } from '../../electron/host/sqlite';

export type SimDb = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS files (
  file_id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  stored_at INTEGER NOT NULL,
  referenced INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS cases (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_no TEXT NOT NULL UNIQUE,
  query_code TEXT NOT NULL,
  item_code TEXT NOT NULL,
  item_name TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('terminal', 'history')),
  terminal_id TEXT,
  client_case_id TEXT,
  id_type TEXT NOT NULL,
  id_number TEXT NOT NULL,
  applicant_name TEXT NOT NULL,
  delivery_method TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('approved', 'rejected', 'withdrawn')),
  accepted_at INTEGER NOT NULL,
  submission TEXT,
  receipt TEXT
);
CREATE INDEX IF NOT EXISTS cases_by_person ON cases (id_number, accepted_at);
CREATE TABLE IF NOT EXISTS idempotency (
  terminal_id TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  headers TEXT NOT NULL,
  body TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, idem_key)
);
CREATE TABLE IF NOT EXISTS evaluations (
  evaluation_id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  case_no TEXT,
  item_code TEXT,
  level INTEGER NOT NULL,
  reasons TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tickets (
  day TEXT NOT NULL,
  ticket_no TEXT NOT NULL,
  window_area TEXT NOT NULL,
  item_code TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  issued_at INTEGER NOT NULL,
  PRIMARY KEY (day, ticket_no)
);
CREATE TABLE IF NOT EXISTS commands (
  command_id TEXT PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  type TEXT NOT NULL,
  args TEXT,
  issued_at INTEGER NOT NULL,
  outcome TEXT,
  detail TEXT,
  acked_at INTEGER
);
CREATE TABLE IF NOT EXISTS heartbeats (
  terminal_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS licenses (
  license_id TEXT PRIMARY KEY,
  id_number TEXT NOT NULL,
  body TEXT NOT NULL
);
`;

/** Opens (and creates) the simulator's database; `:memory:` for a throw-away platform. */
export function openSimDatabase(path = ':memory:'): SimDb {
  const db = openSqlite(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  return db;
}
