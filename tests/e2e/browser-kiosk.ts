/**
 * Starts the kiosk's browser shell in this process (simulated devices and platform, a fresh data
 * directory) and Debian's Chromium through playwright-core, for end-to-end tests.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { loadConfig } from '../../electron/host/config/load';
import type { SessionDelays } from '../../electron/host/config/schema';
import {
  describeBrowserShellError,
  startBrowserShell,
  type BrowserShell,
} from '../../electron/browser/start-browser-shell';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts', 'e2e');
export const CHROMIUM = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

/** The flags this sandbox needs (no GPU, no network but loopback, running as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-features=Translate',
];

export interface E2eKiosk {
  shell: BrowserShell;
  dataDir: string;
  browser: Browser;
  page: Page;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

async function ensureRendererBuilt(): Promise<string> {
  const dir = join(ROOT, 'dist', 'renderer');
  // `npm test` builds it first; a lone `vitest run tests/e2e` builds it here.
  if (!existsSync(join(dir, 'index.html')))
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return dir;
}

export interface E2eKioskOptions {
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  /** Shorter named delays for runs of many sessions (the flow and every wipe stay the same). */
  session?: Partial<SessionDelays>;
}

export async function startE2eKiosk(options: E2eKioskOptions = {}): Promise<E2eKiosk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const config = loadConfig({
    env: { KIOSK_DATA_DIR: dataDir, KIOSK_OPEN_BROWSER: '0', ...options.env },
  });
  if (!config.ok) throw new Error(`config: ${JSON.stringify(config.error)}`);
  const config_ = options.session
    ? { ...config.value, session: { ...config.value.session, ...options.session } }
    : config.value;
  const shell = await startBrowserShell({
    config: config_,
    rendererDir: await ensureRendererBuilt(),
    appVersion: 'e2e',
  });
  if (!shell.ok) throw new Error(describeBrowserShellError(shell.error));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1080, height: 1920 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    shell: shell.value,
    dataDir,
    browser,
    page,
    async screenshot(name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    },
    async close() {
      await browser.close();
      await shell.value.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
