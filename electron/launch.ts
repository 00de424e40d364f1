/**
 * `npm start`: the Electron kiosk when its binary is here, otherwise the browser shell, on the
 * configuration's devices and platform (simulated by default).
 *
 * Electron's own install script downloads the binary from outside the npm registry, so
 * package.json denies it (allowScripts) and `npm ci` works offline. Here we try that download
 * once, on demand; where it cannot succeed (no internet) we remember that for a day and say so in
 * one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRenderer, buildShell } from './build';
import { findElectronBinary, type ElectronBinary } from './electron-binary';
import { electronSqliteBinding } from './electron-sqlite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FETCH_MARKER = join(root, 'node_modules', '.cache', 'kiosk', 'electron-fetch-failed');
const FETCH_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const FETCH_TIMEOUT_MS = 5 * 60 * 1000;

function tryFetchElectron(): void {
  if (
    process.env.CI ||
    process.env.KIOSK_SHELL === 'browser' ||
    process.env.KIOSK_FETCH_ELECTRON === '0'
  )
    return;
  if (!existsSync(join(root, 'node_modules', 'electron', 'install.js'))) return;
  if (
    existsSync(FETCH_MARKER) &&
    Date.now() - statSync(FETCH_MARKER).mtimeMs < FETCH_RETRY_AFTER_MS
  )
    return;
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron', 'install.js')],
    {
      stdio: 'ignore',
      timeout: FETCH_TIMEOUT_MS,
    },
  );
  if (result.status !== 0) {
    mkdirSync(dirname(FETCH_MARKER), { recursive: true });
    writeFileSync(FETCH_MARKER, new Date().toISOString());
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function rendererIsCurrent(): boolean {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  const sources = [join(root, 'renderer'), join(root, 'electron', 'shared')];
  return (
    sources.every((dir) => newestMtime(dir) < built) &&
    statSync(join(root, 'vite.config.ts')).mtimeMs < built
  );
}

async function main(): Promise<void> {
  let electron: ElectronBinary = findElectronBinary(root);
  if (!electron.present && process.env.KIOSK_SHELL !== 'browser') {
    tryFetchElectron();
    electron = findElectronBinary(root);
  }
  if (process.env.KIOSK_SHELL === 'browser')
    electron = { present: false, reason: 'KIOSK_SHELL=browser' };

  if (!rendererIsCurrent()) await buildRenderer({ production: false, quiet: true });

  let sqliteBinding: string | undefined;
  if (electron.present) {
    const sqlite = await electronSqliteBinding(root);
    if (sqlite.ok) sqliteBinding = sqlite.path;
    else
      electron = {
        present: false,
        reason: `better-sqlite3 could not be built for Electron: ${sqlite.reason}`,
      };
  }
  if (electron.present && sqliteBinding) {
    await buildShell({ production: false });
    const child = spawn(electron.path, [root], {
      stdio: 'inherit',
      env: { ...process.env, KIOSK_SQLITE_BINDING: sqliteBinding },
    });
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const why = electron.present ? 'better-sqlite3 has no Electron build' : electron.reason;
  console.log(`Electron not used (${why}); running the browser shell instead (v${version}).`);
  await import('./browser/main');
}

await main();
