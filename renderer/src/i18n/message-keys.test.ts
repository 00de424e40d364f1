import { describe, expect, it } from 'vitest';
import { createKioskI18n, LOCALE, LOCALES, localeMessages } from '.';

/**
 * Every message key the renderer uses exists in zh-CN.json (the reference locale), every key there is used, and every
 * message renders without a stray brace. Keys are found as `t('…')` calls and as string literals
 * that start with one of the file's top-level sections (the key maps in keys.ts and friends).
 */
const sources = import.meta.glob<string>(
  ['../**/*.ts', '../**/*.vue', '!../**/*.test.ts', '!../testing/**'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

const messages = localeMessages(LOCALE) as Record<string, unknown>;

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    leafKeys(value, prefix ? `${prefix}.${key}` : key),
  );
}

function lookup(key: string, root: unknown = messages): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      root,
    );
}

const sections = Object.keys(messages);
const keyLiteral = new RegExp(`['"\`]((?:${sections.join('|')})(?:\\.[A-Za-z0-9]+)+)['"\`]`, 'g');
const translateCall = /\bt\(\s*['"`]([^'"`]+)['"`]/g;

const used = new Map<string, string>();
for (const [file, text] of Object.entries(sources)) {
  for (const pattern of [keyLiteral, translateCall]) {
    for (const match of text.matchAll(pattern)) {
      if (match[1]) used.set(match[1], file);
    }
  }
}

describe('zh-CN messages', () => {
  it('finds the keys the renderer uses', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it('has every key the renderer uses', () => {
    const missing = [...used]
      .filter(([key]) => typeof lookup(key) !== 'string')
      .map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has no key the renderer does not use', () => {
    const unused = leafKeys(messages).filter((key) => !used.has(key));
    expect(unused).toEqual([]);
  });

  it('renders every message with its placeholders filled', () => {
    const { t } = createKioskI18n().global;
    for (const key of leafKeys(messages)) {
      const text = lookup(key) as string;
      const params = Object.fromEntries([...text.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'X']));
      const rendered = t(key, params);
      expect(rendered, key).not.toBe(key);
      expect(rendered, key).not.toMatch(/[{}]/);
    }
  });
});

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe.each(LOCALES.filter((locale) => locale !== LOCALE))('%s messages', (locale) => {
  const translated = localeMessages(locale) as Record<string, unknown>;

  it('has exactly the keys of zh-CN', () => {
    expect(leafKeys(translated).sort()).toEqual(leafKeys(messages).sort());
  });

  it('uses the same placeholders as zh-CN in every message', () => {
    const differing = leafKeys(messages).filter((key) => {
      const text = lookup(key, translated);
      return (
        typeof text !== 'string' ||
        placeholders(text).join() !== placeholders(lookup(key) as string).join()
      );
    });
    expect(differing).toEqual([]);
  });

  it('is a translation, not a copy of zh-CN', () => {
    // Messages made only of placeholders and punctuation ("{name}：{state}") may stay alike.
    const copied = leafKeys(messages).filter((key) => {
      const text = lookup(key) as string;
      return /\p{Script=Han}/u.test(text) && lookup(key, translated) === text;
    });
    // zh-TW: exactly the listed words may match, so the list cannot hide a forgotten message.
    expect(copied).toEqual(locale === 'zh-TW' ? [...SAME_IN_BOTH_SCRIPTS] : []);
  });

  it('renders every message in its own locale with its placeholders filled', () => {
    const { t } = createKioskI18n(locale).global;
    for (const key of leafKeys(translated)) {
      const text = lookup(key, translated) as string;
      const params = Object.fromEntries(placeholders(text).map((name) => [name, 'X']));
      const rendered = t(key, params);
      expect(rendered, key).not.toBe(key);
      expect(rendered, key).not.toMatch(/[{}]/);
      if (locale === 'en') expect(rendered, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

/** Messages written identically in Simplified and Traditional characters (免费 is not; 正常 is). */
const SAME_IN_BOTH_SCRIPTS = new Set([
  'common.back',
  'common.date',
  'common.dateTime',
  'choose.greeting',
  'done.finish',
  'dev.paperOk',
  'dev.failed',
  'dev.printerFault.normalSpeed',
  'dev.platformPreset.normal',
  'consent.keptLabel',
  'consent.decline',
  'identified.next',
  'technician.cancel',
  'maintenance.syncCatalog',
  'hardware.state.ready',
  'hardware.state.busy',
  'hardware.state.error',
  'access.lowPosition',
]);
