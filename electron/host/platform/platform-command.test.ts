import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePki } from '../../../tests/platform-sim/pki';
import { DATABASE_FILE, openKioskDatabase } from '../outbox/kiosk-database';
import { createOutboxStore } from '../outbox/outbox-store';
import type { CliIo } from '../technician/config-command';
import { createKioskctl } from '../technician/kioskctl';

let dir: string;
let configFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kioskctl-platform-'));
  configFile = join(dir, 'config.json');
  writeFileSync(configFile, JSON.stringify({ dataDir: join(dir, 'data') }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], file = configFile) {
  const out: string[] = [];
  let code = 0;
  const io: CliIo = { out: (t) => out.push(t), error: (t) => out.push(t), exit: (c) => (code = c) };
  await createKioskctl(io)
    .parseAsync(['node', 'kioskctl', '--config', file, ...args])
    .catch((e: { exitCode?: number }) => (code = e.exitCode ?? 1));
  return { out: out.join('\n'), code };
}

describe('kioskctl platform / outbox / catalog (simulated platform)', () => {
  it('platform check --json reports TLS, certificate, latency, catalog and heartbeat', async () => {
    const result = await run(['platform', 'check', '--json']);
    expect(result.code).toBe(0);
    const check = JSON.parse(result.out) as Record<string, unknown>;
    expect(check).toMatchObject({
      terminalId: 'T-370100-0042',
      tls: {
        protocol: expect.stringMatching(/^TLSv1\.[23]$/),
        handshakeMs: expect.any(Number),
        serverSubject: 'localhost',
      },
      certificate: { state: 'valid', daysLeft: expect.any(Number) },
      latencyMs: expect.any(Number),
      catalog: { version: expect.stringMatching(/^c-/), items: expect.any(Number) },
      heartbeat: { roundTripMs: expect.any(Number), commandsPending: 0 },
      warnings: [],
    });
    expect((check.certificate as { daysLeft: number }).daysLeft).toBeGreaterThan(300);
  }, 20_000);

  it('catalog sync stores the catalog, then finds it unchanged', async () => {
    const first = await run(['catalog', 'sync', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ changed: true, items: expect.any(Number) });
    const second = await run(['catalog', 'sync', '--json']);
    expect(JSON.parse(second.out)).toMatchObject({ changed: false });
  }, 20_000);

  it('outbox list shows records without personal data; retry requeues a dead letter', async () => {
    expect(JSON.parse((await run(['outbox', 'list', '--json'])).out)).toEqual([]);
    const db = openKioskDatabase(join(dir, 'data', DATABASE_FILE));
    const store = createOutboxStore(db);
    store.insert({
      id: 'Q20261120-7K3M9D',
      kind: 'case',
      idempotencyKey: '6f0c2b0e-9d7c-4e43-9b5e-0d6f0b1c2a3d',
      itemCode: '11370100004188027P4370111001000',
      submittedAt: '2026-11-20T09:31:00+08:00',
      createdAt: Date.now(),
      cipher: 'aes-256-gcm',
      wrappedKey: new Uint8Array([1]),
      payload: new Uint8Array([2]),
      files: [],
    });
    store.lease('Q20261120-7K3M9D', 'x', Date.now(), 1_000);
    store.markDead('Q20261120-7K3M9D', 'x', '403 terminal-locked', false);
    db.close();
    const listed = await run(['outbox', 'list', '--json']);
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({
        id: 'Q20261120-7K3M9D',
        state: 'dead',
        deadReason: '403 terminal-locked',
        hasPayload: true,
      }),
    ]);
    expect(listed.out).not.toContain('6f0c2b0e'); // not even the Idempotency-Key
    expect(JSON.parse((await run(['outbox', 'retry', 'Q20261120-7K3M9D'])).out)).toEqual({
      ok: true,
      id: 'Q20261120-7K3M9D',
      state: 'pending',
    });
    const missing = await run(['outbox', 'retry', 'Q20000101-000000']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out)).toMatchObject({ error: { code: 'not-found' } });
  });

  it('platform check exits 2 naming where it broke when the platform is not there', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const pki = await ensurePki(join(dir, 'pki-real'), 'T-370100-0042');
    const realConfig = join(dir, 'real.json');
    writeFileSync(
      realConfig,
      JSON.stringify({
        dataDir: join(dir, 'data'),
        platform: {
          mode: 'real',
          url: `https://127.0.0.1:${port}/api`,
          caFile: pki.caCert,
          certFile: pki.terminalCert,
          keyFile: pki.terminalKey,
          timeoutMs: 2_000,
        },
      }),
    );
    const result = await run(['platform', 'check', '--json'], realConfig);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toMatchObject({
      error: { code: 'tls-failed', message: expect.stringContaining('ECONNREFUSED') },
    });
  }, 20_000);
});
