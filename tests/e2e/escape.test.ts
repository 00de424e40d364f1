/**
 * Escape attempts at the Chromium level, in the browser shell: what a resident (or a curious
 * child) can do with a keyboard, a mouse or a dragged file must not leave the kiosk page. Window
 * opening and navigation are refused by the Electron shell itself and are tried in
 * electron-shell.test.ts (which needs the Electron binary).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';

let kiosk: E2eKiosk;

beforeAll(async () => {
  kiosk = await startE2eKiosk({ viewport: { width: 1080, height: 1920 } });
  await kiosk.page.goto(kiosk.shell.url);
  await kiosk.page.getByTestId('attract-start').waitFor();
  // Record, after the page's own handlers, whether each attempt was refused.
  await kiosk.page.evaluate(() => {
    const seen: Record<string, boolean> = {};
    (window as unknown as { escapeLog: Record<string, boolean> }).escapeLog = seen;
    for (const type of ['contextmenu', 'wheel', 'keydown', 'drop', 'dragover']) {
      window.addEventListener(type, (event) => {
        const key = event instanceof KeyboardEvent ? `${type}:${event.code}` : type;
        seen[key] = event.defaultPrevented;
      });
    }
  });
});

afterAll(async () => {
  await kiosk?.close();
});

const log = () =>
  kiosk.page.evaluate(
    () => (window as unknown as { escapeLog: Record<string, boolean> }).escapeLog,
  );

describe('escape attempts in Chromium (browser shell)', () => {
  it('refuses the context menu', async () => {
    await kiosk.page.mouse.click(300, 300, { button: 'right' });
    expect((await log()).contextmenu).toBe(true);
  });

  it('refuses Ctrl+wheel zoom but lets the page scroll', async () => {
    await kiosk.page.mouse.move(500, 800);
    await kiosk.page.keyboard.down('Control');
    await kiosk.page.mouse.wheel(0, -300);
    await kiosk.page.keyboard.up('Control');
    expect((await log()).wheel).toBe(true);
    await kiosk.page.mouse.wheel(0, 300);
    expect((await log()).wheel).toBe(false);
  });

  it.each([
    ['reload', 'Control+KeyR', 'keydown:KeyR'],
    ['developer tools', 'F12', 'keydown:F12'],
    ['zoom in', 'Control+Equal', 'keydown:Equal'],
    ['close the window', 'Control+KeyW', 'keydown:KeyW'],
    ['print dialog', 'Control+KeyP', 'keydown:KeyP'],
  ])('refuses the %s shortcut', async (_name, keys, entry) => {
    await kiosk.page.keyboard.press(keys);
    expect((await log())[entry]).toBe(true);
  });

  it('refuses a dropped file, and the page stays where it is', async () => {
    const url = kiosk.page.url();
    const dataTransfer = await kiosk.page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(['<h1>not the kiosk</h1>'], 'escape.html', { type: 'text/html' }),
      );
      return transfer;
    });
    await kiosk.page.dispatchEvent('body', 'dragover', { dataTransfer });
    await kiosk.page.dispatchEvent('body', 'drop', { dataTransfer });
    const seen = await log();
    expect(seen.dragover).toBe(true);
    expect(seen.drop).toBe(true);
    expect(kiosk.page.url()).toBe(url);
    await kiosk.page.getByTestId('attract-start').waitFor();
  });

  it('serves nothing but the kiosk page and its assets', async () => {
    const response = await kiosk.page.request.get(
      new URL('/../../etc/passwd', kiosk.shell.url).toString(),
    );
    expect(response.status()).toBe(404);
  });
});
