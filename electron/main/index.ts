/**
 * The Electron shell: wiring only (DESIGN §2.1). Single instance, the locked-down kiosk window
 * (security/, one rule a file), crash recovery (recovery/), display sleep prevented, and the host
 * started in this process; the drivers run in a supervised utility process of their own.
 */
import { join } from 'node:path';
import { app, powerSaveBlocker, safeStorage, utilityProcess } from 'electron';
import { describeConfigError, loadConfig } from '../host/config/load';
import { createFileKeyStore } from '../host/keystore/file-key-store';
import { chooseKeyStore } from '../host/keystore/safe-storage-key-store';
import { utilityProcessRunner } from '../host/devices/device-process/worker-runner';
import { startKioskHost, type KioskHost } from '../host/kiosk-host';
import {
  describePlatformConnectionError,
  openPlatformConnection,
  type PlatformConnection,
} from '../host/platform-connection';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { connectRendererOnEveryLoad } from './carrier';
import { recoverWindow } from './recovery/recover-window';
import { applySecurityRules } from './security';
import { startUpdates } from './updates';
import { guardWindowClose } from './security/guard-window-close';
import { createKioskWindow } from './window';

// Bundled to dist/electron/main/index.cjs; the renderer and preload are built beside it.
const distDir = join(__dirname, '..', '..');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  applySecurityRules({ development: !app.isPackaged });
  let host: KioskHost | undefined;
  let platform: PlatformConnection | undefined;

  app.whenReady().then(async () => {
    const config = loadConfig();
    if (!config.ok) {
      console.error(describeConfigError(config.error));
      app.exit(1);
      return;
    }
    const connection = await openPlatformConnection(config.value);
    if (!connection.ok) {
      console.error(describePlatformConnectionError(connection.error));
      app.exit(1);
      return;
    }
    platform = connection.value;
    // The outbox's key-encryption key: under the OS keyring where safeStorage has a real one,
    // otherwise (a Linux kiosk without a keyring) the 0600 key file — see README, threat model.
    const keys = join(config.value.dataDir, 'keys');
    const keyStore = await chooseKeyStore({
      safeStorage,
      safeStoragePath: join(keys, 'outbox.kek'),
      filePath: join(keys, 'outbox.key'),
      fileStore: createFileKeyStore,
    });
    host = await startKioskHost({
      config: config.value,
      platform,
      shell: 'electron',
      appVersion: app.getVersion(),
      devPanelAllowed: !app.isPackaged,
      keyStore,
      // The drivers in a utility process of their own, supervised by the host (issue 8).
      devicesInChildProcess: true,
      deviceWorkerRunner: (launch) =>
        utilityProcessRunner(
          launch,
          join(distDir, 'electron', 'device-worker', 'index.cjs'),
          (entry, options) => utilityProcess.fork(entry, [], options),
        ),
      // The platform's restart-app command: a clean relaunch once the host has closed.
      restartApp: () => {
        app.relaunch();
        app.quit();
      },
      exitToDesktop: () => app.quit(),
      updateStatus: () =>
        updates?.status() ?? { state: 'disabled', current: app.getVersion(), detail: 'starting' },
    });
    const updates = startUpdates(config.value, host.session);
    serveRenderer(join(distDir, 'renderer'));
    powerSaveBlocker.start('prevent-display-sleep');
    const window = createKioskWindow({
      preload: join(distDir, 'electron', 'preload', 'index.cjs'),
      development: !app.isPackaged,
    });
    connectRendererOnEveryLoad(window, host);
    const closing = guardWindowClose(window);
    recoverWindow(window, (message) => console.error(`[kiosk] ${message}`));
    app.on('before-quit', () => closing.allowClose());
    window.once('ready-to-show', () => {
      window.show();
      updates.markHealthy();
    });
    await window.loadURL(`${APP_ORIGIN}/index.html`);
  });

  app.on('second-instance', () => undefined);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!host) return;
    event.preventDefault();
    const closing = host;
    host = undefined;
    void closing
      .close()
      .then(() => platform?.close())
      .finally(() => app.exit(0));
  });
}
