/**
 * What the heartbeat reports about this terminal, and what the platform's remote commands do
 * here. Device states are put in the spec's words (its enum has no `offline` or `cutter-error`).
 */
import type { DeviceStatusView } from '../../shared/views';
import type { AuditLog } from '../audit/audit-log';
import type { CatalogService } from '../catalog/catalog-service';
import type { DeviceManager } from '../devices/device-manager';
import type { Outbox } from '../outbox/outbox-types';
import type { Heartbeat } from '../platform/types';
import type { SessionService } from '../session/session-service';
import { diskFreeBytes, type HeartbeatSources } from './heartbeat-sources';
import type { TerminalCommandHandlers } from './terminal-commands';

type HeartbeatDevice = Heartbeat['devices'][string];

export function heartbeatDeviceOf(device: DeviceStatusView): HeartbeatDevice {
  switch (device.state) {
    case 'offline':
      return { state: 'error', detail: 'offline' };
    case 'error':
      // The printer's cutter-error arrives here as `error`; the spec calls a stuck mechanism `jammed`.
      return device.name === 'printer'
        ? { state: 'jammed' }
        : { state: 'error', ...(device.detail ? { detail: device.detail } : {}) };
    default:
      return { state: device.state };
  }
}

export function heartbeatSources(deps: {
  appVersion: string;
  dataDir: string;
  devices: DeviceManager;
  session: SessionService;
  outbox: Outbox;
}): HeartbeatSources {
  return {
    appVersion: deps.appVersion,
    devices: () =>
      Object.fromEntries(deps.devices.statuses().map((d) => [d.name, heartbeatDeviceOf(d)])),
    session() {
      const state = deps.session.view().state;
      if (state === 'idle' || state === 'maintenance' || state === 'out-of-service') return state;
      return 'active';
    },
    outbox: () => deps.outbox.depth(),
    printsSinceRefill: () => deps.devices.printerCounters.snapshot().printsSinceRefill,
    diskFreeBytes: () => diskFreeBytes(deps.dataDir),
  };
}

export function terminalCommandHandlers(deps: {
  catalog: CatalogService;
  session: SessionService;
  audit: AuditLog;
  restartApp?: () => void;
}): TerminalCommandHandlers {
  const record = (command: string, outcome: 'ok' | 'failed' | 'refused') =>
    deps.audit.append('remote.command', outcome, { command });
  return {
    async syncCatalog() {
      const synced = await deps.catalog.sync();
      record('sync-catalog', synced.ok ? 'ok' : 'failed');
      return synced.ok ? { outcome: 'done' } : { outcome: 'failed', detail: synced.error.code };
    },
    async restartApp() {
      if (!deps.restartApp) {
        record('restart-app', 'refused');
        return { outcome: 'rejected', detail: 'this shell cannot restart itself' };
      }
      record('restart-app', 'ok');
      deps.restartApp();
      return { outcome: 'done' };
    },
    async setOutOfService() {
      deps.session.send({ type: 'SET_OUT_OF_SERVICE', on: true });
      record('set-out-of-service', 'ok');
      return { outcome: 'done' };
    },
    async setInService() {
      deps.session.send({ type: 'SET_OUT_OF_SERVICE', on: false });
      record('set-in-service', 'ok');
      return { outcome: 'done' };
    },
    async uploadLogs() {
      // Nowhere to send them yet: say so rather than pretend.
      record('upload-logs', 'refused');
      return { outcome: 'rejected', detail: 'log upload is not available on this terminal yet' };
    },
  };
}
