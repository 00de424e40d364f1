/**
 * Opens Debian's Chromium in --app mode on the kiosk page when a display exists. The profile is
 * a fresh temporary directory every launch, removed on exit: nothing of a resident outlives it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.KIOSK_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : undefined;
  return CHROMIUM_PATHS.find((path) => existsSync(path));
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Flags for an unattended kiosk page: no first-run UI, no background traffic, no translate bar. */
export function chromiumFlags(options: {
  url: string;
  userDataDir: string;
  isRoot: boolean;
  hasGpu: boolean;
}): string[] {
  return [
    `--app=${options.url}`,
    `--user-data-dir=${options.userDataDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
    '--disable-features=Translate',
    // A kiosk fills its screen (Alt+F4 closes it on a developer's desktop).
    '--kiosk',
    '--noerrdialogs',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--autoplay-policy=no-user-gesture-required',
    // Chromium refuses to start as root with its sandbox; a real terminal runs as a kiosk user.
    ...(options.isRoot ? ['--no-sandbox'] : []),
    ...(options.hasGpu ? [] : ['--disable-gpu']),
  ];
}

export interface OpenedBrowser {
  process: ChildProcess;
  /** Stops Chromium and removes its profile; resolves once both are done. */
  close(): Promise<void>;
}

/** How long Chromium gets to exit on SIGTERM before it is killed. */
const EXIT_GRACE_MS = 5_000;

export function openChromium(executable: string, url: string): OpenedBrowser {
  const userDataDir = mkdtempSync(join(tmpdir(), 'kiosk-chromium-'));
  // Flags alone do not stop the "translate this page?" bubble; the profile preference does.
  mkdirSync(join(userDataDir, 'Default'));
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({ translate: { enabled: false } }),
  );
  const child = spawn(
    executable,
    chromiumFlags({
      url,
      userDataDir,
      isRoot: process.getuid?.() === 0,
      hasGpu: existsSync('/dev/dri'),
    }),
    { stdio: 'ignore', env: { ...process.env, LANGUAGE: 'zh_CN' } },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS);
        await exited;
        clearTimeout(timer);
      }
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
