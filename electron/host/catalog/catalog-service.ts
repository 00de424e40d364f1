/**
 * The catalog the terminal offers. Fetched with its ETag and kept in memory so a second look costs
 * one 304; issue 6 persists it in SQLite so residents can browse while the platform is away.
 */
import createDebug from 'debug';
import { ok, err, type Result } from '../../shared/result';
import type { IdType, ItemSummary } from '../../shared/views';
import type { PlatformClient } from '../platform/client';
import type { PlatformError } from '../platform/platform-error';
import type { Catalog, ServiceItem } from '../platform/types';
import { summarise } from './availability';

const debug = createDebug('kiosk:catalog');

export interface CatalogService {
  /** The catalog, refreshed when older than `maxAgeMs`; the cached one when the platform fails. */
  get(): Promise<Result<Catalog, PlatformError>>;
  summaries(idType?: IdType): Promise<Result<ItemSummary[], PlatformError>>;
  find(code: string): Promise<ServiceItem | undefined>;
}

export function createCatalogService(options: {
  client: PlatformClient;
  /** How long a fetched catalog is used without asking the platform again. */
  maxAgeMs?: number;
  now?: () => number;
}): CatalogService {
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  let cached: { catalog: Catalog; etag: string; checkedAt: number } | undefined;
  let inFlight: Promise<Result<Catalog, PlatformError>> | undefined;

  async function refresh(): Promise<Result<Catalog, PlatformError>> {
    const answer = await options.client.getCatalog(cached ? { etag: cached.etag } : {});
    if (!answer.ok) {
      debug('catalog refresh failed: %s', answer.error.code);
      return cached ? ok(cached.catalog) : err(answer.error);
    }
    if (answer.value.kind === 'not-modified') {
      if (!cached)
        return err({ code: 'invalid-response', message: '304 without a cached catalog' });
      cached.checkedAt = now();
      return ok(cached.catalog);
    }
    cached = { catalog: answer.value.catalog, etag: answer.value.etag, checkedAt: now() };
    debug('catalog %s with %d items', cached.catalog.version, cached.catalog.items.length);
    return ok(cached.catalog);
  }

  async function get(): Promise<Result<Catalog, PlatformError>> {
    if (cached && now() - cached.checkedAt < maxAgeMs) return ok(cached.catalog);
    // Concurrent callers share one request.
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return {
    get,
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
