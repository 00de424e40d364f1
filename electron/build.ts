/**
 * `npm run build`: the renderer (Vite) and the Electron shell's main and preload bundles
 * (esbuild). `--production` drops the dev panel and the simulated world.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildRenderer(options: {
  production: boolean;
  quiet?: boolean;
}): Promise<void> {
  if (options.production) process.env.KIOSK_PRODUCTION = '1';
  await viteBuild({
    configFile: join(root, 'vite.config.ts'),
    logLevel: options.quiet ? 'warn' : 'info',
  });
}

export async function buildShell(options: { production: boolean }): Promise<void> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node22',
    format: 'cjs' as const,
    sourcemap: true,
    // With `define`, this removes the simulator branches from production bundles.
    minifySyntax: options.production,
    logLevel: 'warning' as const,
    // Native modules load from node_modules at run time; electron is provided by the runtime.
    external: [
      'electron',
      'serialport',
      '@serialport/*',
      'node-hid',
      'better-sqlite3',
      '@resvg/resvg-js',
      'bufferutil',
      'utf-8-validate',
    ],
    define: {
      'process.env.KIOSK_BUILD': JSON.stringify(options.production ? 'production' : 'development'),
      'process.env.KIOSK_BUILD_HASH': JSON.stringify(gitRevision()),
      // The host is ESM in source; in the CJS bundle, modules that locate files beside themselves
      // (the platform contract's openapi.yaml) resolve against the bundle instead.
      'import.meta.url': 'importMetaUrl',
    },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  await esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'main', 'index.ts')],
    outfile: join(root, 'dist', 'electron', 'main', 'index.cjs'),
  });
  // The device worker runs in its own process (utilityProcess): a bundle of its own.
  await esbuild({
    ...common,
    entryPoints: [join(root, 'electron', 'host', 'devices', 'device-process', 'device-worker.ts')],
    outfile: join(root, 'dist', 'electron', 'device-worker', 'index.cjs'),
  });
  // validators.ts reads the contract beside itself: ship it beside the bundle.
  // (The vendored spec is read-only on purpose; the copy is replaced, not overwritten.)
  const specCopy = join(root, 'dist', 'electron', 'main', 'openapi.yaml');
  rmSync(specCopy, { force: true });
  copyFileSync(join(root, 'electron', 'host', 'platform', 'spec', 'openapi.yaml'), specCopy);
  await esbuild({
    ...common,
    platform: 'browser',
    banner: {},
    define: {},
    entryPoints: [join(root, 'electron', 'preload', 'index.ts')],
    outfile: join(root, 'dist', 'electron', 'preload', 'index.cjs'),
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const production = process.argv.includes('--production');
  await buildRenderer({ production });
  await buildShell({ production });
  console.log(`Built ${production ? 'production' : 'development'} renderer and shell into dist/`);
}

/** The source revision for the technician's screen ("unknown" outside a git checkout). */
function gitRevision(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}
