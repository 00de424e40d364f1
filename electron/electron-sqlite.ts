/**
 * A development run under Electron needs better-sqlite3 built for Electron's ABI, while
 * node_modules keeps the build for the pinned Node (tests, kioskctl). This builds an Electron copy
 * once per Electron version in node_modules/.cache, with @electron/rebuild (it fetches Electron's
 * headers, so it needs the internet the first time), and says where it is.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export async function electronSqliteBinding(
  root: string,
): Promise<{ ok: true; path: string } | { ok: false; reason: string }> {
  const { version } = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ) as {
    version: string;
  };
  const project = join(root, 'node_modules', '.cache', 'kiosk', `electron-sqlite-${version}`);
  const binding = join(
    project,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (existsSync(binding)) return { ok: true, path: binding };
  try {
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'electron-sqlite', dependencies: { 'better-sqlite3': '*' } }),
    );
    cpSync(
      join(root, 'node_modules', 'better-sqlite3'),
      join(project, 'node_modules', 'better-sqlite3'),
      { recursive: true },
    );
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({
      buildPath: project,
      electronVersion: version,
      onlyModules: ['better-sqlite3'],
      force: true,
    });
  } catch (error) {
    return {
      ok: false,
      reason:
        error instanceof Error ? (error.message.split('\n')[0] ?? 'rebuild failed') : String(error),
    };
  }
  return existsSync(binding)
    ? { ok: true, path: binding }
    : { ok: false, reason: 'the rebuild produced no binary' };
}
