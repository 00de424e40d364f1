/**
 * Is the Electron binary here? Answered from the files Electron's installer leaves
 * (node_modules/electron/path.txt and dist/), never by importing `electron`, which would try to
 * resolve, and on some versions fetch, the binary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { present: true; path: string } | { present: false; reason: string };

export function findElectronBinary(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { present: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      present: false,
      reason: 'node_modules/electron/path.txt is missing: the binary was never downloaded',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  if (!existsSync(binary)) return { present: false, reason: `${binary} does not exist` };
  return { present: true, path: binary };
}
