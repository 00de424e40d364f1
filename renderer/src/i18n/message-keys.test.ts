import { describe, expect, it } from 'vitest';
import { createKioskI18n, LOCALE, localeMessages } from '.';

/**
 * Every message key the renderer uses exists in zh-CN.json, every key there is used, and every
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

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      messages,
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
