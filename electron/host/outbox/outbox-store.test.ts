import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { integrityCheck, migrate, openKioskDatabase } from './kiosk-database';
import type { KioskDatabase } from './kiosk-database';
import { createOutboxStore } from './outbox-store';
import type { NewRecord, OutboxStore } from './outbox-store';

let dir: string;
let db: KioskDatabase;
let store: OutboxStore;
const T0 = 1_800_000_000_000;

function record(id: string, overrides: Partial<NewRecord> = {}): NewRecord {
  return {
    id,
    kind: 'case',
    idempotencyKey: `key-${id}`,
    itemCode: 'ITEM',
    submittedAt: '2026-11-20T09:31:00+08:00',
    createdAt: T0,
    cipher: 'aes-256-gcm',
    wrappedKey: new Uint8Array([1, 2, 3]),
    payload: new Uint8Array([4, 5, 6]),
    files: [{ seq: 0, mediaType: 'image/png', size: 3, content: new Uint8Array([7, 8, 9]) }],
    ...overrides,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'outbox-store-'));
  db = openKioskDatabase(join(dir, 'kiosk.sqlite'));
  store = createOutboxStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk database', () => {
  it('is opened durable: WAL, synchronous=FULL, secure_delete', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(integrityCheck(db)).toEqual(['ok']);
  });

  it('migrates forward once and refuses a schema newer than the build', () => {
    migrate(db, 'test', ['CREATE TABLE t (x)']);
    migrate(db, 'test', ['CREATE TABLE t (x)', 'ALTER TABLE t ADD COLUMN y']);
    expect(db.prepare('SELECT version FROM schema_versions WHERE module = ?').get('test')).toEqual({
      version: 2,
    });
    expect(() => migrate(db, 'test', ['CREATE TABLE t (x)'])).toThrow(/newer than this build/);
  });
});

describe('outbox store: states', () => {
  it('leases a due record once, and only its owner settles it', () => {
    store.insert(record('A'));
    expect(store.nextDue(T0, new Set())).toBe('A');
    const leased = store.lease('A', 'me', T0, 1_000);
    expect(leased).toMatchObject({ id: 'A', attempts: 0, files: [{ seq: 0, fileId: null }] });
    expect(store.lease('A', 'other', T0, 1_000)).toBeUndefined();
    expect(store.nextDue(T0 + 500, new Set())).toBeUndefined();
    expect(store.markRetry('A', 'other', T0, 'x')).toBe(false);
    expect(store.markAttempt('A', 'me', T0)).toBe(true);
    expect(store.markSent('A', 'me', T0 + 10, 'CASE1')).toBe(true);
    expect(store.list()[0]).toMatchObject({
      state: 'sent',
      caseNo: 'CASE1',
      attempts: 1,
      hasPayload: false,
      fileCount: 0,
    });
    expect(db.prepare('SELECT payload, wrapped_key FROM outbox_records').get()).toEqual({
      payload: null,
      wrapped_key: null,
    });
  });

  it('makes an expired lease due again, and start-up releases a dead owner’s lease', () => {
    store.insert(record('A'));
    store.lease('A', '4194305:dead', T0, 1_000);
    expect(store.nextDue(T0 + 999, new Set())).toBeUndefined();
    expect(store.nextDue(T0 + 1_001, new Set())).toBe('A');
    expect(store.recoverLeases(T0 + 10, () => true)).toBe(0);
    expect(store.recoverLeases(T0 + 10, () => false)).toBe(1);
    expect(store.list()[0]?.state).toBe('pending');
  });

  it('schedules retries, and makes them due at once when the platform is back', () => {
    store.insert(record('A'));
    store.lease('A', 'me', T0, 1_000);
    store.markRetry('A', 'me', T0 + 60_000, 'network: ECONNREFUSED');
    expect(store.nextDue(T0 + 1, new Set())).toBeUndefined();
    expect(store.nextWakeAt()).toBe(T0 + 60_000);
    expect(store.makeRetriesDue(T0 + 5)).toBe(1);
    expect(store.nextDue(T0 + 5, new Set())).toBe('A');
  });

  it('keeps dead letters for technicians, or destroys them when the resident was told', () => {
    store.insert(record('A'));
    store.insert(record('B', { idempotencyKey: 'key-B' }));
    store.lease('A', 'me', T0, 1_000);
    store.lease('B', 'me', T0, 1_000);
    store.markDead('A', 'me', '403 terminal-locked', false);
    store.markDead('B', 'me', '422 validation-failed', true);
    const [a, b] = store.list();
    expect(a).toMatchObject({
      state: 'dead',
      hasPayload: true,
      fileCount: 1,
      deadReason: '403 terminal-locked',
    });
    expect(b).toMatchObject({ state: 'dead', hasPayload: false, fileCount: 0 });
    expect(store.requeue('A', T0)).toEqual({ ok: true });
    expect(store.requeue('B', T0)).toEqual({ ok: false, reason: 'payload-destroyed' });
    expect(store.requeue('C', T0)).toEqual({ ok: false, reason: 'not-found' });
  });

  it('orders by age, skips records being sent, and holds an evaluation until its case settles', () => {
    store.insert(record('CASE', { createdAt: T0 }));
    store.insert(
      record('EVAL', {
        kind: 'evaluation',
        idempotencyKey: 'k2',
        createdAt: T0 - 1,
        dependsOn: 'CASE',
        files: [],
      }),
    );
    store.insert(record('LATER', { idempotencyKey: 'k3', createdAt: T0 + 1 }));
    expect(store.nextDue(T0 + 2, new Set())).toBe('CASE');
    // The held-back evaluation (older, due in itself) does not wake the sender.
    expect(store.nextWakeAt()).toBe(T0);
    expect(store.nextDue(T0 + 2, new Set(['CASE']))).toBe('LATER');
    store.lease('CASE', 'me', T0 + 2, 1_000);
    store.markSent('CASE', 'me', T0 + 3, 'N1');
    expect(store.nextDue(T0 + 4, new Set())).toBe('EVAL');
    expect(store.dependency('CASE')).toEqual({ state: 'sent', caseNo: 'N1' });
  });

  it('counts the depth for the heartbeat, and expires old payloads and metadata', () => {
    store.insert(record('A'));
    store.insert(record('B', { idempotencyKey: 'kb', createdAt: T0 + 5 }));
    expect(store.depth()).toEqual({ pending: 2, oldestQueuedAt: new Date(T0).toISOString() });
    store.lease('A', 'me', T0, 1_000);
    store.markDead('A', 'me', 'x', false);
    store.lease('B', 'me', T0 + 5, 1_000);
    store.markSent('B', 'me', T0 + 6, 'N');
    expect(store.depth()).toEqual({ pending: 0, oldestQueuedAt: null });
    store.expire(T0 + 100, 50, 50);
    expect(store.list().map((e) => [e.id, e.hasPayload])).toEqual([['A', false]]);
  });
});
