/**
 * The last catalog the platform sent, kept in the terminal's database so residents can browse
 * items and read their one-time notices while the platform is unreachable — also right after a
 * restart without network. Not personal data, so not encrypted. A row that no longer validates
 * against the spec (a damaged disk, a hand edit) is treated as absent rather than shown.
 */
import type { KioskDatabase } from '../outbox/kiosk-database';
import { migrate } from '../outbox/kiosk-database';
import { validateSchema } from '../platform/spec/validators';
import type { Catalog } from '../platform/types';

export type CachedCatalog = {
  catalog: Catalog;
  etag: string;
  /** When this version was fetched (ms). */
  fetchedAt: number;
  /** When the platform last confirmed it current (a 304), or fetched it. */
  checkedAt: number;
};

export interface CatalogStore {
  load(): CachedCatalog | undefined;
  save(catalog: Catalog, etag: string, now: number): void;
  /** The platform answered 304: the cached one is still current. */
  touch(now: number): void;
}

const MIGRATIONS = [
  `CREATE TABLE catalog_cache (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     version TEXT NOT NULL,
     etag TEXT NOT NULL,
     fetched_at INTEGER NOT NULL,
     checked_at INTEGER NOT NULL,
     body TEXT NOT NULL
   )`,
];

type Row = { etag: string; fetched_at: number; checked_at: number; body: string };

export function createCatalogStore(db: KioskDatabase): CatalogStore {
  migrate(db, 'catalog', MIGRATIONS);
  const select = db.prepare<[], Row>(
    'SELECT etag, fetched_at, checked_at, body FROM catalog_cache WHERE id = 1',
  );
  const upsert =
    db.prepare(`INSERT INTO catalog_cache (id, version, etag, fetched_at, checked_at, body)
    VALUES (1, @version, @etag, @now, @now, @body)
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, etag = excluded.etag,
    fetched_at = excluded.fetched_at, checked_at = excluded.checked_at, body = excluded.body`);
  const touch = db.prepare('UPDATE catalog_cache SET checked_at = ? WHERE id = 1');
  return {
    load() {
      const row = select.get();
      if (!row) return undefined;
      let catalog: unknown;
      try {
        catalog = JSON.parse(row.body);
      } catch {
        return undefined;
      }
      if (!validateSchema('Catalog', catalog).valid) return undefined;
      return {
        catalog: catalog as Catalog,
        etag: row.etag,
        fetchedAt: row.fetched_at,
        checkedAt: row.checked_at,
      };
    },
    save(catalog, etag, now) {
      upsert.run({ version: catalog.version, etag, now, body: JSON.stringify(catalog) });
    },
    touch(now) {
      touch.run(now);
    },
  };
}
