/**
 * The catalog the terminal offers. Fetched with its ETag (a second look costs one 304), kept in
 * memory for `maxAgeMs`, and — with a store — in the terminal's database, so it is served while
 * the platform is unreachable, from the first resident after a restart on.
 */
import createDebug from 'debug';
import { ok, err, type Result } from '../../shared/result';
import type { IdType, ItemSummary } from '../../shared/views';
import type { PlatformClient } from '../platform/client';
import type { PlatformError } from '../platform/platform-error';
import type { Catalog, ServiceItem } from '../platform/types';
import { summarise } from './availability';
import type { CatalogStore } from './catalog-store';

const debug = createDebug('kiosk:catalog');

/** Named waits of the catalog (DESIGN §4 rule 5). */
export const CATALOG_TIMINGS = {
  /** How long a fetched catalog is used without asking the platform again. */
  maxAgeMs: 5 * 60_000,
  /**
   * With a cached catalog to fall back on, a resident waits at most this long for the platform
   * before the cached one is shown…
   */
  residentWaitMs: 4_000,
  /** …and after a failed refresh the cached one is shown without asking for this long. */
  recheckAfterFailureMs: 60_000,
};

export type CatalogSync = {
  version: string;
  items: number;
  /** Whether the platform sent a new version (false: 304, the cached one is current). */
  changed: boolean;
};

export type CatalogStatus = {
  version: string;
  items: number;
  fetchedAt: string;
  checkedAt: string;
};

export interface CatalogService {
  /** The catalog, refreshed when older than `maxAgeMs`; the cached one when the platform fails. */
  get(): Promise<Result<Catalog, PlatformError>>;
  summaries(idType?: IdType): Promise<Result<ItemSummary[], PlatformError>>;
  find(code: string): Promise<ServiceItem | undefined>;
  /** Asks the platform now (kioskctl `catalog sync`, the `sync-catalog` remote command). */
  sync(): Promise<Result<CatalogSync, PlatformError>>;
  /** What is cached, if anything. */
  status(): CatalogStatus | undefined;
}

export function createCatalogService(options: {
  client: PlatformClient;
  store?: CatalogStore;
  timings?: Partial<typeof CATALOG_TIMINGS>;
  now?: () => number;
}): CatalogService {
  const timings = { ...CATALOG_TIMINGS, ...options.timings };
  const now = options.now ?? Date.now;
  const stored = options.store?.load();
  // A catalog from the database counts as old: the first look asks the platform (one 304).
  let cached: { catalog: Catalog; etag: string; fetchedAt: number; checkedAt: number } | undefined =
    stored ? { ...stored, checkedAt: 0 } : undefined;
  let inFlight: Promise<Result<CatalogSync, PlatformError>> | undefined;
  let failedAt = -Infinity;

  async function refresh(budgetMs?: number): Promise<Result<CatalogSync, PlatformError>> {
    const answer = await options.client.getCatalog({
      ...(cached ? { etag: cached.etag } : {}),
      ...(budgetMs === undefined ? {} : { budgetMs }),
    });
    if (!answer.ok) {
      debug('catalog refresh failed: %s', answer.error.code);
      failedAt = now();
      return err(answer.error);
    }
    const at = now();
    if (answer.value.kind === 'not-modified') {
      if (!cached)
        return err({ code: 'invalid-response', message: '304 without a cached catalog' });
      cached.checkedAt = at;
      options.store?.touch(at);
      return ok({
        version: cached.catalog.version,
        items: cached.catalog.items.length,
        changed: false,
      });
    }
    const { catalog, etag } = answer.value;
    cached = { catalog, etag, fetchedAt: at, checkedAt: at };
    options.store?.save(catalog, etag, at);
    debug('catalog %s with %d items', catalog.version, catalog.items.length);
    return ok({ version: catalog.version, items: catalog.items.length, changed: true });
  }

  function sync(budgetMs?: number): Promise<Result<CatalogSync, PlatformError>> {
    // Concurrent callers share one request.
    inFlight ??= refresh(budgetMs).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  async function get(): Promise<Result<Catalog, PlatformError>> {
    if (cached) {
      const fresh = now() - cached.checkedAt < timings.maxAgeMs;
      const platformJustFailed = now() - failedAt < timings.recheckAfterFailureMs;
      if (fresh || platformJustFailed) return ok(cached.catalog);
    }
    const synced = await sync(cached ? timings.residentWaitMs : undefined);
    if (cached) return ok(cached.catalog);
    return synced.ok ? err({ code: 'invalid-response', message: 'no catalog after sync' }) : synced;
  }

  return {
    get,
    sync: () => sync(),
    status: () =>
      cached && {
        version: cached.catalog.version,
        items: cached.catalog.items.length,
        fetchedAt: new Date(cached.fetchedAt).toISOString(),
        checkedAt: new Date(cached.checkedAt || cached.fetchedAt).toISOString(),
      },
    async summaries(idType) {
      const catalog = await get();
      if (!catalog.ok) return catalog;
      return ok(
        catalog.value.items
          .filter((i) => i.audience === 'person')
          .map((item) => summarise(item, idType)),
      );
    },
    async find(code) {
      const catalog = await get();
      return catalog.ok ? catalog.value.items.find((item) => item.code === code) : undefined;
    },
  };
}
