/**
 * Fleet updates, carried out: check the operator's update server now and then, let the updater
 * download and verify in the background (electron-updater checks the sha512 from the server's
 * latest.yml, and Windows code signatures), and install only when apply-policy.ts says so —
 * inside the night window, with nobody at the terminal. No electron here: the shell passes the
 * updater in (electron/main/updates.ts), tests pass a fake.
 *
 * A version whose starts do not become healthy (the renderer never came up) MAX_UNHEALTHY_STARTS
 * times is marked known-bad and never applied again. Rolling back the binary itself is not
 * something electron-updater offers for NSIS or AppImage; the technician screen says what
 * happened and the operator ships a fixed version.
 */
import { readFileSync } from 'node:fs';
import { writeFileDurably } from '../durable-file';
import type { UpdateStatusView } from '../../shared/views';
import {
  decideApply,
  type NightWindow,
  type TerminalActivity,
  type UpdateState,
} from './apply-policy';

export const MAX_UNHEALTHY_STARTS = 2;

/** The part of electron-updater's autoUpdater this uses. */
export interface UpdaterLike {
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(
    event: 'update-available' | 'update-downloaded' | 'error',
    listener: (info: { version?: string } | Error) => void,
  ): unknown;
}

interface Ledger {
  /** The version being installed when the app last quit for an update. */
  installing: string | null;
  unhealthyStarts: number;
  failedVersions: string[];
}

export interface UpdateController {
  status(): UpdateStatusView;
  /** Once a minute: install if the policy says so. */
  tick(now: Date): void;
  check(): Promise<void>;
  /** The renderer came up after start: this version is healthy. */
  markHealthy(): void;
}

export function createUpdateController(options: {
  updater: UpdaterLike;
  currentVersion: string;
  window: NightWindow;
  activity: () => TerminalActivity;
  /** Where the ledger lives (data directory), so it survives the restarts it is about. */
  ledgerFile: string;
}): UpdateController {
  const ledger = readLedger(options.ledgerFile);
  // A start of the version being installed: one more unhealthy start until markHealthy() says otherwise.
  if (ledger.installing === options.currentVersion) {
    ledger.unhealthyStarts += 1;
    if (
      ledger.unhealthyStarts > MAX_UNHEALTHY_STARTS &&
      !ledger.failedVersions.includes(options.currentVersion)
    ) {
      ledger.failedVersions.push(options.currentVersion);
    }
    writeLedger(options.ledgerFile, ledger);
  }

  let state: UpdateState = { kind: 'none' };
  let lastError: string | undefined;
  options.updater.on('update-available', (info) => {
    if (!(info instanceof Error) && info.version)
      state = { kind: 'downloading', version: info.version };
  });
  // electron-updater emits update-downloaded only after the download's sha512 matched.
  options.updater.on('update-downloaded', (info) => {
    if (!(info instanceof Error) && info.version)
      state = { kind: 'downloaded', version: info.version, verified: true };
  });
  options.updater.on('error', (error) => {
    lastError = error instanceof Error ? error.message.split('\n')[0] : 'update error';
  });

  return {
    status() {
      const failed = ledger.failedVersions.includes(options.currentVersion);
      switch (state.kind) {
        case 'none':
          return {
            state: failed ? 'failed-start' : lastError ? 'error' : 'up-to-date',
            current: options.currentVersion,
            ...(lastError ? { detail: lastError } : {}),
          };
        case 'downloading':
          return { state: 'downloading', current: options.currentVersion, version: state.version };
        case 'downloaded':
          return {
            state: 'waiting-for-night',
            current: options.currentVersion,
            version: state.version,
          };
      }
    },
    tick(now) {
      const decision = decideApply({
        update: state,
        now,
        window: options.window,
        activity: options.activity(),
        failedVersions: ledger.failedVersions,
      });
      if (!decision.apply) return;
      ledger.installing = decision.version;
      ledger.unhealthyStarts = 0;
      writeLedger(options.ledgerFile, ledger);
      options.updater.quitAndInstall();
    },
    async check() {
      try {
        await options.updater.checkForUpdates();
      } catch (error) {
        lastError = (error as Error).message.split('\n')[0];
      }
    },
    markHealthy() {
      if (ledger.installing !== options.currentVersion) return;
      ledger.installing = null;
      ledger.unhealthyStarts = 0;
      writeLedger(options.ledgerFile, ledger);
    },
  };
}

function readLedger(file: string): Ledger {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Ledger>;
    return {
      installing: typeof parsed.installing === 'string' ? parsed.installing : null,
      unhealthyStarts: Number(parsed.unhealthyStarts) || 0,
      failedVersions: Array.isArray(parsed.failedVersions)
        ? parsed.failedVersions.filter((v) => typeof v === 'string')
        : [],
    };
  } catch {
    return { installing: null, unhealthyStarts: 0, failedVersions: [] };
  }
}

function writeLedger(file: string, ledger: Ledger): void {
  writeFileDurably(file, JSON.stringify(ledger));
}
