import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from './audit-log';

function freshLog() {
  const file = join(mkdtempSync(join(tmpdir(), 'kiosk-audit-')), 'audit.db');
  return { file, log: openAuditLog(file, () => new Date('2026-11-21T02:00:00Z')) };
}

/** Edits the file behind the log's back, as a careless or malicious hand would. */
function tamper(file: string, sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.exec(sql);
  db.close();
}

describe('the audit log', () => {
  it('chains every entry to the one before and verifies', () => {
    const { log } = freshLog();
    const first = log.append('technician.login', 'ok');
    const second = log.append('printer.refilled', 'ok', { device: 'printer' });
    expect(second.prevHash).toBe(first.hash);
    expect(log.verify()).toEqual({ ok: true, entries: 2 });
    expect(log.list().map((e) => e.event)).toEqual(['technician.login', 'printer.refilled']);
  });

  it('refuses updates and deletes', () => {
    const { file, log } = freshLog();
    log.append('technician.login', 'ok');
    log.close();
    const db = new Database(file);
    expect(() => db.exec("UPDATE audit SET outcome = 'failed'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit')).toThrow(/append-only/);
    db.close();
  });

  it('names the first entry whose content was changed', () => {
    const { file, log } = freshLog();
    for (let i = 0; i < 5; i += 1) log.append('device.test', 'ok', { run: i });
    log.close();
    tamper(file, `UPDATE audit SET outcome = 'failed' WHERE id = 3`);
    expect(openAuditLog(file).verify()).toEqual({
      ok: false,
      entries: 3,
      firstBrokenId: 3,
      reason: 'hash-mismatch',
    });
  });

  it('names the entry after one that was removed', () => {
    const { file, log } = freshLog();
    for (let i = 0; i < 4; i += 1) log.append('device.test', 'ok', { run: i });
    log.close();
    tamper(file, 'DELETE FROM audit WHERE id = 2');
    expect(openAuditLog(file).verify()).toMatchObject({
      ok: false,
      firstBrokenId: 3,
      reason: 'chain-gap',
    });
  });

  it('keeps going across reopenings', () => {
    const { file, log } = freshLog();
    log.append('technician.login', 'ok');
    log.close();
    const again = openAuditLog(file);
    again.append('technician.logout', 'ok');
    expect(again.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('refuses personal data in the detail', () => {
    const { log } = freshLog();
    expect(() => log.append('device.test', 'ok', { card: '37010219580312124X' })).toThrow(
      /personal data/,
    );
    expect(() => log.append('device.test', 'ok', { phone: '13800138000' })).toThrow(
      /personal data/,
    );
    expect(log.verify()).toEqual({ ok: true, entries: 0 });
  });
});
