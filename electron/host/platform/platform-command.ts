/**
 * The platform-facing services' technician commands, registered with one line in kioskctl:
 *
 *   kioskctl platform check [--json]   TLS handshake, protocol, certificate days left, latency,
 *                                      catalog version, heartbeat round trip
 *   kioskctl outbox list [--json]      every queued/sent/dead record, no personal data
 *   kioskctl outbox retry ID           a dead letter or a waiting record: try again now
 *   kioskctl catalog sync [--json]     fetch the catalog now into the terminal's cache
 *
 * Each exits 0 on success and 2 with `{"error":{"code","message"}}` on an expected failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createCatalogService } from '../catalog/catalog-service';
import { createCatalogStore } from '../catalog/catalog-store';
import { commandConfig } from '../config/command-config';
import type { KioskConfig } from '../config/schema';
import { DATABASE_FILE, openKioskDatabase } from '../outbox/kiosk-database';
import type { KioskDatabase } from '../outbox/kiosk-database';
import { createOutboxStore } from '../outbox/outbox-store';
import type { OutboxEntry } from '../outbox/outbox-store';
import { describePlatformConnectionError, openPlatformConnection } from '../platform-connection';
import type { PlatformConnection } from '../platform-connection';
import type { CliIo } from '../technician/config-command';
import { createPlatformClient } from './client';
import type { PlatformClient } from './client';
import { describePlatformError } from './platform-error';
import { checkPlatform } from './platform-check';

type Failure = { code: string; message: string; [more: string]: unknown };

function appVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function registerPlatformCommands(program: Command, io: CliIo): void {
  const fail = (failure: Failure) => {
    io.out(JSON.stringify({ error: failure }));
    io.exit(2);
  };

  const config = () => commandConfig(program, io);

  /** Runs `fn` with the platform connection and a client, closing both after. */
  async function withPlatform(
    cfg: KioskConfig,
    fn: (connection: PlatformConnection, client: PlatformClient) => Promise<void>,
  ): Promise<void> {
    const connection = await openPlatformConnection(cfg);
    if (!connection.ok)
      return fail({
        code: connection.error.code,
        message: describePlatformConnectionError(connection.error),
      });
    const client = createPlatformClient({
      baseUrl: connection.value.baseUrl,
      terminalId: cfg.terminalId,
      tls: connection.value.tls,
      timeoutMs: connection.value.timeoutMs,
    });
    try {
      await fn(connection.value, client);
    } finally {
      await client.close();
      await connection.value.close();
    }
  }

  /** The terminal's database, when it exists (`outbox list` on a fresh terminal has nothing to open). */
  function database(cfg: KioskConfig, create: boolean): KioskDatabase | undefined {
    const path = join(cfg.dataDir, DATABASE_FILE);
    return create || existsSync(path) ? openKioskDatabase(path) : undefined;
  }

  const platform = program.command('platform').description('the central platform connection');
  platform
    .command('check')
    .description(
      'TLS handshake, certificate days left, latency, catalog version, heartbeat round trip',
    )
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const cfg = config();
      if (!cfg) return;
      const db = database(cfg, false);
      const outbox = db ? createOutboxStore(db).depth() : { pending: 0, oldestQueuedAt: null };
      db?.close();
      await withPlatform(cfg, async (connection, client) => {
        const result = await checkPlatform({
          url: connection.baseUrl,
          tls: connection.tls,
          client,
          outbox,
          appVersion: appVersion(),
          timeoutMs: connection.timeoutMs,
        });
        if (!result.ok) return fail({ ...result.error });
        const c = result.value;
        if (options.json) return io.out(JSON.stringify(c, null, 2));
        const days =
          c.certificate.state === 'valid' || c.certificate.state === 'expiring'
            ? `${c.certificate.daysLeft} days left`
            : c.certificate.state;
        io.out(
          [
            `platform   ${c.url} (terminal ${c.terminalId})`,
            `tls        ${c.tls.protocol} ${c.tls.cipher}, handshake ${c.tls.handshakeMs} ms, server ${c.tls.serverSubject}`,
            `client     certificate ${days}`,
            `latency    ${c.latencyMs} ms (conditional catalog request)`,
            `catalog    ${c.catalog.version}, ${c.catalog.items} items, fetched in ${c.catalog.fetchMs} ms`,
            `heartbeat  ${c.heartbeat.roundTripMs} ms round trip, ${c.heartbeat.commandsPending} command(s) pending`,
            ...c.warnings.map((w) => `WARNING    ${w}`),
          ].join('\n'),
        );
      });
    });

  const outbox = program
    .command('outbox')
    .description('cases and evaluations waiting for the platform');
  outbox
    .command('list')
    .description('every record with its state (no personal data)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const cfg = config();
      if (!cfg) return;
      const db = database(cfg, false);
      const entries: OutboxEntry[] = db ? createOutboxStore(db).list() : [];
      db?.close();
      if (options.json) return io.out(JSON.stringify(entries, null, 2));
      if (entries.length === 0) return io.out('the outbox is empty');
      io.out(
        entries
          .map((e) =>
            [
              e.id,
              e.kind,
              e.state,
              e.itemCode ?? '-',
              `attempts ${e.attempts}`,
              e.caseNo ?? e.deadReason ?? e.lastError ?? '',
            ].join('  '),
          )
          .join('\n'),
      );
    });
  outbox
    .command('retry')
    .description('send a dead letter or a waiting record again now (the running app picks it up)')
    .argument('<id>', 'the record id / local reference, e.g. Q20261120-7K3M9D')
    .action((id: string) => {
      const cfg = config();
      if (!cfg) return;
      const db = database(cfg, false);
      if (!db) return fail({ code: 'not-found', message: `no outbox in ${cfg.dataDir}` });
      const result = createOutboxStore(db).requeue(id, Date.now());
      db.close();
      if (!result.ok) {
        const messages = {
          'not-found': `no record ${id}`,
          'already-sent': `${id} was delivered already`,
          'in-flight': `${id} is being sent right now`,
          'payload-destroyed': `${id} no longer holds its content (the resident was told, or it passed retention)`,
        } as const;
        return fail({ code: result.reason, message: messages[result.reason] });
      }
      io.out(JSON.stringify({ ok: true, id, state: 'pending' }));
    });

  const catalog = program.command('catalog').description('the service-item catalog');
  catalog
    .command('sync')
    .description('fetch the catalog from the platform now into the terminal’s cache')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const cfg = config();
      if (!cfg) return;
      const db = database(cfg, true)!;
      try {
        await withPlatform(cfg, async (_connection, client) => {
          const service = createCatalogService({ client, store: createCatalogStore(db) });
          const synced = await service.sync();
          if (!synced.ok)
            return fail({
              code: 'platform-unreachable',
              message: describePlatformError(synced.error),
            });
          const { version, items, changed } = synced.value;
          io.out(
            options.json
              ? JSON.stringify({ version, items, changed })
              : `catalog ${version}: ${items} items (${changed ? 'updated' : 'unchanged'})`,
          );
        });
      } finally {
        db.close();
      }
    });
}
