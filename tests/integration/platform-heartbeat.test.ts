/** The heartbeat against the simulator: what it reports, and the remote commands it runs and acknowledges. */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommandLog } from '../../electron/host/heartbeat/command-log';
import { createHeartbeatService } from '../../electron/host/heartbeat/heartbeat-service';
import { diskFreeBytes } from '../../electron/host/heartbeat/heartbeat-sources';
import type { HeartbeatSources } from '../../electron/host/heartbeat/heartbeat-sources';
import type {
  CommandResult,
  TerminalCommandHandlers,
} from '../../electron/host/heartbeat/terminal-commands';
import type { PlatformClient } from '../../electron/host/platform/client';
import { openKioskDatabase } from '../../electron/host/outbox/kiosk-database';
import type { KioskDatabase } from '../../electron/host/outbox/kiosk-database';
import { expectAllSentOnSpec, startTestPlatform } from '../platform-sim/sim-test-kit';
import type { TestPlatform } from '../platform-sim/sim-test-kit';
import { testClient } from '../reliability/outbox-kit';

let platform: TestPlatform;
let client: PlatformClient;
let dir: string;
let db: KioskDatabase;

beforeAll(async () => {
  platform = await startTestPlatform();
  client = testClient({ url: platform.sim.url, tls: platform.tls });
});
afterAll(async () => {
  await client.close();
  await platform.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'heartbeat-'));
  db = openKioskDatabase(join(dir, 'kiosk.sqlite'));
});
afterEach(() => {
  platform.sim.setFault(null);
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const sources: HeartbeatSources = {
  appVersion: '0.1.0-test',
  devices: () => ({
    printer: { state: 'paper-low', detail: '约剩 5 米' },
    idcard: { state: 'ready' },
  }),
  session: () => 'idle',
  outbox: () => ({ pending: 3, oldestQueuedAt: '2026-11-20T01:00:00.000Z' }),
  printsSinceRefill: () => 214,
  diskFreeBytes: () => diskFreeBytes(tmpdir()),
};

function recordingHandlers(overrides: Partial<TerminalCommandHandlers> = {}) {
  const calls: string[] = [];
  const done = (name: string) => async (): Promise<CommandResult> => {
    calls.push(name);
    return { outcome: 'done' };
  };
  const handlers: TerminalCommandHandlers = {
    syncCatalog: done('sync-catalog'),
    restartApp: done('restart-app'),
    setOutOfService: async (args) => {
      calls.push(`out-of-service:${String(args.reason)}`);
      return { outcome: 'done' };
    },
    setInService: done('in-service'),
    uploadLogs: async () => {
      calls.push('upload-logs');
      return { outcome: 'rejected', detail: 'no log destination configured' };
    },
    ...overrides,
  };
  return { handlers, calls };
}

describe('heartbeat', () => {
  it('reports the terminal’s health on-spec', async () => {
    const service = createHeartbeatService({
      client,
      sources,
      handlers: recordingHandlers().handlers,
      commandLog: createCommandLog(db),
    });
    const report = await service.beat();
    expect(report).toMatchObject({
      ok: true,
      value: { commands: [], roundTripMs: expect.any(Number) },
    });
    expect(platform.sim.heartbeats().at(-1)).toMatchObject({
      appVersion: '0.1.0-test',
      devices: { printer: { state: 'paper-low' } },
      outbox: { pending: 3 },
      session: 'idle',
      printsSinceRefill: 214,
      diskFreeBytes: expect.any(Number),
    });
  });

  it('runs each command in order and acknowledges its outcome', async () => {
    const ids = [
      platform.sim.issueCommand('set-out-of-service', { reason: '更换打印纸' }),
      platform.sim.issueCommand('sync-catalog'),
      platform.sim.issueCommand('upload-logs'),
      platform.sim.issueCommand('set-in-service'),
    ];
    const { handlers, calls } = recordingHandlers();
    const service = createHeartbeatService({
      client,
      sources,
      handlers,
      commandLog: createCommandLog(db),
    });
    const report = await service.beat();
    expect(calls).toEqual([
      'out-of-service:更换打印纸',
      'sync-catalog',
      'upload-logs',
      'in-service',
    ]);
    expect(report.ok && report.value.commands.map((c) => [c.outcome, c.acked])).toEqual([
      ['done', true],
      ['done', true],
      ['rejected', true],
      ['done', true],
    ]);
    const recorded = platform.sim.commands().filter((c) => ids.includes(c.commandId));
    expect(recorded.map((c) => c.outcome)).toEqual(['done', 'done', 'rejected', 'done']);
    expect((await service.beat()).ok && calls).toHaveLength(4);
  });

  it('acknowledges again without running again when an acknowledgement was lost', async () => {
    const id = platform.sim.issueCommand('sync-catalog');
    // The acknowledgement never reaches the platform, so it sends the command again.
    platform.sim.setFault({ fault: { kind: 'drop' }, operationId: 'ackCommand', times: 10 });
    const { handlers, calls } = recordingHandlers();
    const log = createCommandLog(db);
    const service = createHeartbeatService({ client, sources, handlers, commandLog: log });
    await service.beat();
    expect(log.get(id)).toMatchObject({ outcome: 'done', ackedAt: null });
    platform.sim.setFault(null);
    await service.beat();
    expect(calls).toEqual(['sync-catalog']);
    expect(log.get(id)?.ackedAt).not.toBeNull();
  });

  it('acknowledges restart-app after the restart, without restarting again', async () => {
    const id = platform.sim.issueCommand('restart-app');
    // The first process "restarts": its handler never returns.
    const first = createHeartbeatService({
      client,
      sources,
      handlers: recordingHandlers({ restartApp: () => new Promise(() => undefined) }).handlers,
      commandLog: createCommandLog(db),
    });
    void first.beat();
    await vi.waitFor(() => expect(createCommandLog(db).get(id)).toBeDefined(), {
      timeout: 3_000,
      interval: 10,
    });
    // The new process finds it started and acknowledges it as done.
    const { handlers, calls } = recordingHandlers();
    const second = createHeartbeatService({
      client,
      sources,
      handlers,
      commandLog: createCommandLog(db),
    });
    const report = await second.beat();
    expect(calls).toEqual([]);
    expect(report.ok && report.value.commands).toEqual([
      { commandId: id, type: 'restart-app', outcome: 'done', acked: true },
    ]);
    expect(platform.sim.commands().find((c) => c.commandId === id)).toMatchObject({
      outcome: 'done',
      detail: 'restarted',
    });
  });

  it('warns about the client certificate within its last 30 days, once a day', async () => {
    const notAfter = Date.parse(new X509Certificate(platform.tls.cert).validTo);
    let clock = notAfter - 20 * 24 * 60 * 60 * 1000;
    const expiring = testClient(
      { url: platform.sim.url, tls: platform.tls },
      { now: () => new Date(clock) },
    );
    const warnings: unknown[] = [];
    const service = createHeartbeatService({
      client: expiring,
      sources,
      handlers: recordingHandlers().handlers,
      commandLog: createCommandLog(db),
      now: () => clock,
      onCertificateWarning: (status) => warnings.push(status),
    });
    await service.beat();
    await service.beat();
    expect(warnings).toEqual([expect.objectContaining({ state: 'expiring', daysLeft: 20 })]);
    clock += 25 * 60 * 60 * 1000;
    await service.beat();
    expect(warnings).toHaveLength(2);
    await expiring.close();
  });

  it('beats on its interval once started', async () => {
    const before = platform.sim.heartbeats().length;
    const service = createHeartbeatService({
      client,
      sources,
      handlers: recordingHandlers().handlers,
      commandLog: createCommandLog(db),
      timings: { intervalMs: 50 },
    });
    service.start();
    await vi.waitFor(
      () => expect(platform.sim.heartbeats().length).toBeGreaterThanOrEqual(before + 3),
      {
        timeout: 3_000,
        interval: 10,
      },
    );
    await service.stop();
    expectAllSentOnSpec(platform.sim);
  });
});
