/**
 * The Debian packages the suite needs: Chromium for the end-to-end tests, socat for virtual serial
 * ports, and CJK fonts so screenshots show Chinese rather than boxes. Installed when missing and
 * we are root; otherwise the exact command is printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemDependency {
  pkg: string;
  why: string;
  present(): boolean;
}

const onPath = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

export const SYSTEM_DEPENDENCIES: SystemDependency[] = [
  { pkg: 'chromium', why: 'end-to-end tests', present: () => existsSync('/usr/bin/chromium') },
  { pkg: 'socat', why: 'virtual serial ports for driver tests', present: () => onPath('socat') },
  {
    pkg: 'fonts-noto-cjk',
    why: 'Chinese text in screenshots',
    present: () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  },
];

export function ensureSystemDependencies(): { ok: true } | { ok: false; message: string } {
  const missing = SYSTEM_DEPENDENCIES.filter((dep) => !dep.present());
  if (missing.length === 0) return { ok: true };
  const pkgs = missing.map((dep) => dep.pkg);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    return {
      ok: false,
      message: `Missing system packages (${missing.map((d) => `${d.pkg}: ${d.why}`).join('; ')}).\nRun: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${pkgs.join(' ')}`,
    };
  }
  console.log(`Installing system packages: ${pkgs.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...pkgs],
    { stdio: 'inherit', env },
  );
  if (update.status !== 0 || install.status !== 0) {
    return { ok: false, message: `apt-get could not install ${pkgs.join(' ')}` };
  }
  const still = SYSTEM_DEPENDENCIES.filter((dep) => !dep.present()).map((d) => d.pkg);
  return still.length === 0
    ? { ok: true }
    : { ok: false, message: `Still missing after install: ${still.join(' ')}` };
}
