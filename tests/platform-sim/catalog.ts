/**
 * The simulated catalog and its version. The version is a digest of the content, so the ETag
 * changes exactly when an item does and stays the same across simulator restarts — which is what
 * lets the terminal's conditional `GET /v1/catalog` (If-None-Match → 304) be tested honestly.
 */
import { createHash } from 'node:crypto';
import type { Catalog, ServiceItem } from '../../electron/host/platform/types';
import { canonicalJson } from './canonical-json';
import { CATALOG_ITEMS } from './catalog-items';

/** `c-` and the first 16 hex digits of the SHA-256 of the items. */
export function catalogVersion(items: readonly ServiceItem[]): string {
  return `c-${createHash('sha256').update(canonicalJson(items)).digest('hex').slice(0, 16)}`;
}

/** A strong entity tag for the catalog: the quoted version. */
export function catalogEtag(catalog: Pick<Catalog, 'version'>): string {
  return `"${catalog.version}"`;
}

/** Builds the catalog document; `generatedAt` is the newest item change, so it is stable too. */
export function buildCatalog(items: readonly ServiceItem[] = CATALOG_ITEMS): Catalog {
  const newest = items.reduce(
    (latest, item) => (Date.parse(item.updatedAt) > Date.parse(latest) ? item.updatedAt : latest),
    items[0]?.updatedAt ?? '2026-01-01T00:00:00+08:00',
  );
  return { version: catalogVersion(items), generatedAt: newest, items: [...items] };
}

/** RFC 9110 §13.1.2: `*`, or a list of tags compared weakly (a `W/` prefix is ignored). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some((candidate) => candidate.trim() === '*' || strip(candidate) === strip(etag));
}
