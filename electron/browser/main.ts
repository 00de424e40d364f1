/**
 * `npm start` without the Electron binary: runs the browser shell until Ctrl+C, then stops
 * everything it started (host, simulators, Chromium).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeConfigError, loadConfig } from '../host/config/load';
import { findChromium, hasDisplay, openChromium, type OpenedBrowser } from './chromium';
import { describeBrowserShellError, startBrowserShell } from './start-browser-shell';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.ok) {
    console.error(describeConfigError(config.error));
    return 1;
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const shell = await startBrowserShell({
    config: config.value,
    rendererDir: join(root, 'dist', 'renderer'),
    appVersion: version,
  });
  if (!shell.ok) {
    console.error(describeBrowserShellError(shell.error));
    return 1;
  }
  console.log(`Kiosk UI: ${shell.value.url}`);

  let browser: OpenedBrowser | undefined;
  if (config.value.ui.openBrowser && hasDisplay()) {
    const chromium = findChromium();
    if (chromium) browser = openChromium(chromium, shell.value.url);
    else
      console.log(
        'No Chromium found (install it with: apt-get install chromium); open the URL above in a browser.',
      );
  }

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await browser?.close();
  await shell.value.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('The kiosk failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
