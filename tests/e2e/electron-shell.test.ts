/**
 * The Electron kiosk window end to end (Playwright `_electron`). It needs the Electron binary,
 * which cannot be downloaded where there is no internet; then the test is reported as skipped
 * with the reason, found without importing `electron` (which could trigger a download).
 */
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildRenderer, buildShell } from '../../electron/build';
import { findElectronBinary } from '../../electron/electron-binary';
import { ROOT } from './browser-kiosk';

const binary = findElectronBinary(ROOT);
const skipReason = binary.present ? undefined : `Electron binary not available: ${binary.reason}`;
if (skipReason) console.log(`[electron-shell] skipped — ${skipReason}`);

describe('the Electron shell', () => {
  it.skipIf(skipReason !== undefined)(
    `opens the locked-down kiosk window on the attract screen${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      if (!binary.present) return;
      await buildRenderer({ production: false, quiet: true });
      await buildShell({ production: false });
      const app = await _electron.launch({
        executablePath: binary.path,
        args: ['--no-sandbox', ROOT],
        env: { ...process.env, KIOSK_DATA_DIR: join(ROOT, 'tests', 'artifacts', 'electron-data') },
      });
      try {
        const page = await app.firstWindow();
        await page.getByTestId('attract-start').waitFor();
        // Sandboxed and isolated: the page has no Node and no ipcRenderer.
        expect(
          await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
        ).toBe('undefined');
        expect(await page.evaluate(() => 'ipcRenderer' in window)).toBe(false);
        // window.open is denied.
        expect(await page.evaluate(() => window.open('https://example.com') === null)).toBe(true);
        // Navigation away from app://kiosk is blocked: the page stays.
        await page.evaluate(() => {
          window.location.href = 'https://example.com/';
        });
        await page.waitForTimeout(500);
        expect(page.url().startsWith('app://kiosk/')).toBe(true);
        // Reload and devtools shortcuts never reach the page (before-input-event).
        await page.keyboard.press('Control+KeyR');
        await page.getByTestId('attract-start').waitFor();
        expect(app.windows()).toHaveLength(1);
        await page.screenshot({
          path: join(ROOT, 'tests', 'artifacts', 'e2e', 'electron-attract.png'),
        });
      } finally {
        await app.close();
      }
    },
  );
});
