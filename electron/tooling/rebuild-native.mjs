// postinstall: make better-sqlite3 load in the Node this project runs on.
//
// The project pins Node 22 through the `node` package, but npm may run under another Node and
// build native modules against that one's headers (here npm's `nodedir` points at the system
// Node 20). better-sqlite3 is not N-API, so such a build fails to load in Node 22. When that
// happens, rebuild it against the headers that come inside the `node` package itself; no
// download needed. (serialport and node-hid are N-API prebuilds and load in any Node.)
// Electron needs its own rebuild at packaging time (electron-builder's install-app-deps).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const loads = () =>
  spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    stdio: 'ignore',
  }).status === 0;

if (!existsSync(join(root, 'node_modules', 'better-sqlite3')) || loads()) process.exit(0);

const nodeDir = join(
  root,
  'node_modules',
  'node',
  'node_modules',
  `node-${process.platform}-${process.arch}`,
);
if (!existsSync(join(nodeDir, 'include', 'node', 'node_version.h'))) {
  console.error(
    `better-sqlite3 does not load in Node ${process.version} and no headers were found in ${nodeDir}.`,
  );
  console.error('Run `npm rebuild better-sqlite3` with the Node the project uses first on PATH.');
  process.exit(1);
}
console.log(
  `Rebuilding better-sqlite3 for Node ${process.version} (headers from the node package)…`,
);
const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const rebuild = spawnSync(npm[0], [...npm.slice(1), 'rebuild', 'better-sqlite3'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, npm_config_nodedir: nodeDir },
});
if (rebuild.status !== 0 || !loads()) {
  console.error('better-sqlite3 could not be rebuilt for this Node.');
  process.exit(1);
}
