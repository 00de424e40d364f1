/**
 * Fleet updates in the Electron shell: electron-updater against the operator's generic update
 * server, for the formats that update themselves (NSIS on Windows, AppImage on Linux); a deb is
 * updated by the OS package manager. The when-to-install decisions are in
 * electron/host/updates/ (pure, tested); this file only binds them to the real updater.
 */
import { join } from 'node:path';
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import type { KioskConfig } from '../host/config/schema';
import type { SessionService } from '../host/session/session-service';
import { activityOf, parseNightWindow } from '../host/updates/apply-policy';
import { createUpdateController } from '../host/updates/update-controller';
import type { UpdateStatusView } from '../shared/views';

/** How often the night window is looked at. */
const TICK_MS = 60_000;

export interface ShellUpdates {
  status(): UpdateStatusView;
  /** The renderer is up: this version started healthily. */
  markHealthy(): void;
}

export function startUpdates(config: KioskConfig, session: SessionService): ShellUpdates {
  const current = app.getVersion();
  const off = (detail: string): ShellUpdates => ({
    status: () => ({ state: 'disabled', current, detail }),
    markHealthy: () => undefined,
  });
  if (!app.isPackaged) return off('development run');
  if (process.platform === 'linux' && !process.env.APPIMAGE) {
    return { status: () => ({ state: 'managed-by-os', current }), markHealthy: () => undefined };
  }
  if (!config.updates.url) return off('no update server configured (updates.url)');

  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL({ provider: 'generic', url: config.updates.url });
  autoUpdater.autoDownload = true;
  // Never on a quit of its own choosing: only when the controller says it is night and idle.
  autoUpdater.autoInstallOnAppQuit = false;
  const controller = createUpdateController({
    updater: {
      checkForUpdates: () => autoUpdater.checkForUpdates(),
      quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
      on: (event, listener) => autoUpdater.on(event, listener as never),
    },
    currentVersion: current,
    window: parseNightWindow(config.updates.nightWindow),
    activity: () => activityOf(session.view().state),
    ledgerFile: join(config.dataDir, 'update-ledger.json'),
  });
  void controller.check();
  setInterval(() => void controller.check(), config.updates.checkEveryHours * 3_600_000).unref();
  setInterval(() => controller.tick(new Date()), TICK_MS).unref();
  return { status: () => controller.status(), markHealthy: () => controller.markHealthy() };
}
