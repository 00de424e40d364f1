import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditFile, openAuditLog } from '../audit/audit-log';
import type { CliIo } from './config-command';
import { createKioskctl } from './kioskctl';

async function run(args: string[]) {
  const out: string[] = [];
  let code = 0;
  const io: CliIo = { out: (t) => out.push(t), error: (t) => out.push(t), exit: (c) => (code = c) };
  await createKioskctl(io)
    .parseAsync(['node', 'kioskctl', ...args])
    .catch((e: { exitCode?: number }) => (code = e.exitCode ?? 1));
  return { out: out.join('\n'), code };
}

afterEach(() => vi.unstubAllEnvs());

describe('kioskctl audit', () => {
  it('verifies an intact chain and names the first broken entry of a tampered one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-auditcli-'));
    vi.stubEnv('KIOSK_DATA_DIR', dataDir);
    const log = openAuditLog(auditFile(dataDir));
    for (const event of ['technician.login', 'printer.refilled', 'technician.logout'] as const)
      log.append(event, 'ok');
    log.close();

    const good = await run(['audit', 'verify']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out)).toEqual({ ok: true, entries: 3 });

    const db = new Database(auditFile(dataDir));
    db.exec("DROP TRIGGER audit_no_update; UPDATE audit SET event = 'app.restart' WHERE id = 2");
    db.close();
    const bad = await run(['audit', 'verify']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({
      error: { code: 'chain-broken', firstBrokenId: 2 },
    });
  });

  it('says so when there is no audit log yet', async () => {
    vi.stubEnv('KIOSK_DATA_DIR', mkdtempSync(join(tmpdir(), 'kiosk-auditcli-')));
    const result = await run(['audit', 'verify']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toMatchObject({ error: { code: 'no-audit-log' } });
  });
});
