/** The catalog cached in SQLite: fetched with its ETag, served while the platform is away. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogService } from '../../electron/host/catalog/catalog-service';
import { createCatalogStore } from '../../electron/host/catalog/catalog-store';
import type { PlatformClient } from '../../electron/host/platform/client';
import { openKioskDatabase } from '../../electron/host/outbox/kiosk-database';
import type { KioskDatabase } from '../../electron/host/outbox/kiosk-database';
import { startTestPlatform } from '../platform-sim/sim-test-kit';
import type { TestPlatform } from '../platform-sim/sim-test-kit';
import { testClient } from '../reliability/outbox-kit';

let platform: TestPlatform;
let client: PlatformClient;
let dir: string;
let db: KioskDatabase;

beforeAll(async () => {
  platform = await startTestPlatform();
  client = testClient({ url: platform.sim.url, tls: platform.tls });
  dir = mkdtempSync(join(tmpdir(), 'catalog-'));
  db = openKioskDatabase(join(dir, 'kiosk.sqlite'));
});
afterAll(async () => {
  db.close();
  await client.close();
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

const gets = () => platform.sim.sentResponses().filter((s) => s.operationId === 'getCatalog');

describe('catalog cache', () => {
  it('fetches once, answers from memory, and asks with If-None-Match when stale', async () => {
    let clock = 1_000_000;
    const service = createCatalogService({
      client,
      store: createCatalogStore(db),
      now: () => clock,
    });
    const before = gets().length;
    const first = await service.get();
    expect(first.ok && first.value.items.length).toBeGreaterThanOrEqual(40);
    await service.get();
    expect(gets().length).toBe(before + 1);
    clock += 10 * 60_000;
    await service.get();
    expect(gets().at(-1)?.status).toBe(304);
    expect(service.status()).toMatchObject({
      version: first.ok ? first.value.version : '',
      items: expect.any(Number),
    });
  });

  it('serves the stored catalog after a restart while the platform is away', async () => {
    await platform.sim.setOnline(false);
    try {
      const service = createCatalogService({ client, store: createCatalogStore(db) });
      const catalog = await service.get();
      expect(catalog.ok).toBe(true);
      const items = await service.summaries('resident-id');
      expect(
        items.ok && items.value.filter((i) => i.availability.available).length,
      ).toBeGreaterThanOrEqual(3);
      expect(await service.sync()).toMatchObject({ ok: false, error: { code: 'network' } });
      // Just failed: the cached one is shown without waiting on the platform again.
      const started = performance.now();
      expect((await service.get()).ok).toBe(true);
      expect(performance.now() - started).toBeLessThan(50);
    } finally {
      await platform.sim.setOnline(true);
    }
  });

  it('syncs on demand: changed false when the platform answers 304', async () => {
    const service = createCatalogService({ client, store: createCatalogStore(db) });
    expect(await service.sync()).toMatchObject({ ok: true, value: { changed: false } });
    const empty = openKioskDatabase(join(dir, 'other.sqlite'));
    const fresh = createCatalogService({ client, store: createCatalogStore(empty) });
    expect(await fresh.sync()).toMatchObject({ ok: true, value: { changed: true } });
    empty.close();
  });

  it('ignores a stored catalog that no longer validates', async () => {
    db.prepare('UPDATE catalog_cache SET body = \'{"version":1}\'').run();
    expect(createCatalogStore(db).load()).toBeUndefined();
    await platform.sim.setOnline(false);
    try {
      const service = createCatalogService({ client, store: createCatalogStore(db) });
      expect(await service.get()).toMatchObject({ ok: false, error: { code: 'network' } });
    } finally {
      await platform.sim.setOnline(true);
    }
  });
});
