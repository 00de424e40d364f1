import { describe, expect, it } from 'vitest';
import { validateResponse, validateSchema } from '../../electron/host/platform/spec/validators';
import type { ServiceItem } from '../../electron/host/platform/types';
import { buildCatalog, catalogEtag, catalogVersion, etagMatches } from './catalog';
import { CATALOG_ITEMS, INSTANT_DOCUMENTS } from './catalog-items';

/** What the walking skeleton can do: an identity card and a signature, nothing else. */
function completableWithCardOnly(item: ServiceItem): boolean {
  return (
    item.selfService.eligible &&
    item.identity === 'card' &&
    item.acceptedIdTypes.includes('resident-id') &&
    item.materials.every((m) => !m.required) &&
    item.form.every((f) => !f.required || f.prefill !== undefined)
  );
}

describe('simulated catalog', () => {
  const catalog = buildCatalog();

  it('validates against the spec, item by item and as a whole', () => {
    for (const item of catalog.items) {
      expect({ code: item.code, check: validateSchema('ServiceItem', item) }).toEqual({
        code: item.code,
        check: { valid: true },
      });
    }
    expect(validateResponse('getCatalog', 200, catalog)).toEqual({ valid: true });
  });

  it('has at least 40 items with unique codes over at least 12 themes', () => {
    expect(catalog.items.length).toBeGreaterThanOrEqual(40);
    expect(new Set(catalog.items.map((i) => i.code)).size).toBe(catalog.items.length);
    const themes = new Set(catalog.items.flatMap((i) => i.themes));
    expect(themes.size).toBeGreaterThanOrEqual(12);
    for (const theme of ['社保', '医保', '公积金', '户籍', '民政', '老年人', '出入境', '婚育']) {
      expect(themes).toContain(theme);
    }
  });

  it('covers what a one-time notice must be able to say', () => {
    const items = catalog.items;
    const materials = items.flatMap((i) => i.materials);
    expect(items.filter((i) => i.instant).length).toBeGreaterThanOrEqual(5);
    expect(
      items.filter((i) => !i.selfService.eligible && i.selfService.windowArea).length,
    ).toBeGreaterThanOrEqual(5);
    expect(materials.some((m) => m.tolerable)).toBe(true);
    const commitments = materials.filter((m) => m.sources.includes('commitment'));
    expect(commitments.length).toBeGreaterThan(0);
    expect(commitments.every((m) => (m.commitmentText ?? '').length > 10)).toBe(true);
    const licensed = materials.filter((m) => m.sources.includes('e-license'));
    expect(licensed.length).toBeGreaterThan(0);
    // Every e-licence material names the licence type that satisfies it, except where the spec's
    // example leaves the kind of proof open (亲属关系证明 may be several licences).
    expect(licensed.filter((m) => m.licenseType).length).toBeGreaterThanOrEqual(
      licensed.length - 1,
    );
    const paid = items.filter((i) => !i.fee.free);
    expect(paid.length).toBeGreaterThanOrEqual(3);
    for (const item of paid) if (!item.fee.free) expect(item.fee.basis).toMatch(/〔\d{4}〕/);
    expect(items.some((i) => i.audience === 'enterprise')).toBe(true);
  });

  it('bundles (一件事) name items that exist', () => {
    const codes = new Set(catalog.items.map((i) => i.code));
    const bundles = catalog.items.filter((i) => (i.bundle ?? []).length > 0);
    expect(bundles.length).toBeGreaterThanOrEqual(1);
    for (const bundle of bundles) {
      for (const code of bundle.bundle ?? []) expect(codes).toContain(code);
    }
  });

  it('lists the walking skeleton’s item first', () => {
    expect(completableWithCardOnly(catalog.items[0]!)).toBe(true);
  });

  it('offers at least three items completable with only a card and a signature, one instant', () => {
    const completable = catalog.items.filter(completableWithCardOnly);
    expect(completable.length).toBeGreaterThanOrEqual(3);
    expect(completable.some((i) => i.instant)).toBe(true);
    // …with a delivery the skeleton can choose without typing an address.
    for (const item of completable) {
      expect(item.delivery.some((d) => d === 'electronic' || d === 'pickup')).toBe(true);
    }
  });

  it('also offers items that cannot be completed here, for each reason', () => {
    const others = catalog.items.filter((i) => !completableWithCardOnly(i));
    expect(others.some((i) => !i.selfService.eligible && i.selfService.windowArea)).toBe(true);
    expect(
      others.some((i) => i.materials.some((m) => m.required && m.sources.includes('scan'))),
    ).toBe(true);
    expect(others.some((i) => i.identity === 'card-and-face')).toBe(true);
  });

  it('names a document only for instant items it has', () => {
    for (const code of Object.keys(INSTANT_DOCUMENTS)) {
      expect(catalog.items.find((i) => i.code === code)?.instant).toBe(true);
    }
  });

  it('versions by content: stable across builds and key order, new when an item changes', () => {
    expect(buildCatalog().version).toBe(catalog.version);
    const reordered = CATALOG_ITEMS.map(
      (item) => Object.fromEntries(Object.entries(item).reverse()) as ServiceItem,
    );
    expect(catalogVersion(reordered)).toBe(catalog.version);
    const changed = CATALOG_ITEMS.map((item, i) => (i === 0 ? { ...item, legalDays: 1 } : item));
    expect(catalogVersion(changed)).not.toBe(catalog.version);
  });

  it('matches If-None-Match as RFC 9110 says', () => {
    const etag = catalogEtag(catalog);
    expect(etagMatches(etag, etag)).toBe(true);
    expect(etagMatches(`"other", W/${etag}`, etag)).toBe(true);
    expect(etagMatches('*', etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(undefined, etag)).toBe(false);
  });
});
