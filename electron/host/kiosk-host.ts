/**
 * The host: everything the main process does except windows (DESIGN §2.1). Both shells start it
 * the same way and connect renderers to it through a carrier; it never imports `electron`.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import createDebug from 'debug';
import type { KioskApi } from '../shared/contract';
import type { HostEvent, SystemInfo, UpdateStatusView } from '../shared/views';
import { createKioskApi } from './api';
import { auditFile, openAuditLog } from './audit/audit-log';
import { createTechnicianService } from './technician/technician-service';
import { createCatalogService } from './catalog/catalog-service';
import { submitThroughOutbox } from './cases/submit-case';
import type { KioskConfig } from './config/schema';
import { createDeviceManager, type DeviceManager } from './devices/device-manager';
import { createRemoteDeviceManager } from './devices/device-process/remote-device-manager';
import type { WorkerLaunch, WorkerRunner } from './devices/device-process/worker-runner';
import { createPlatformClient } from './platform/client';
import type { PlatformConnection } from './platform-connection';
import {
  caseReceiptFor,
  printReceipt,
  receiptPreview,
  type ReceiptTerminal,
} from './receipts/print-case-receipt';
import { createCatalogStore } from './catalog/catalog-store';
import { createWindowDesk } from './receipts/window-desk';
import { createCommandLog } from './heartbeat/command-log';
import { createHeartbeatService } from './heartbeat/heartbeat-service';
import { heartbeatSources, terminalCommandHandlers } from './heartbeat/host-heartbeat';
import { createFileKeyStore } from './keystore/file-key-store';
import { createOperatorLog } from './logging/operator-log';
import { describeKeyStoreError, type KeyStore } from './keystore/key-store';
import { DATABASE_FILE, openKioskDatabase } from './outbox/kiosk-database';
import { createOutbox } from './outbox/outbox';
import type { Outbox } from './outbox/outbox-types';
import type { OutboxTimings } from './outbox/outbox-timings';
import type { PlatformTimings } from './platform/retry-policy';
import type { PlatformClient } from './platform/client';
import { readCardForSession } from './session/identify';
import { createSessionService, type SessionService } from './session/session-service';

const debug = createDebug('kiosk:host');

export interface KioskHost {
  api: KioskApi;
  client: PlatformClient;
  outbox: Outbox;
  /** Every host event, for every connected renderer. */
  onEvent(listener: (event: HostEvent) => void): () => void;
  devices: DeviceManager;
  session: SessionService;
  close(): Promise<void>;
}

export interface StartHostOptions {
  config: KioskConfig;
  platform: PlatformConnection;
  shell: SystemInfo['shell'];
  appVersion: string;
  /** Whether this build may offer the dev panel at all (never in production packages). */
  devPanelAllowed: boolean;
  /**
   * Where the outbox's key-encryption key lives. Default: a 0600 file in the data directory; the
   * Electron shell passes its safeStorage-backed store where the OS has a real keyring.
   */
  keyStore?: KeyStore;
  /** What "restart the app" means in this shell (a platform command, a technician); none: refused. */
  restartApp?: () => void;
  /** The technician's "exit to the desktop" (Electron: quit; the OS decides what follows). */
  exitToDesktop?: () => void;
  /** The shell's software-update state for the technician screen; none: not updated by this app. */
  updateStatus?: () => UpdateStatusView;
  /**
   * Run the drivers in a supervised child process (issue 8), so a native crash in a driver cannot
   * take the screen down: the devices show `absent` until the process is restarted.
   */
  devicesInChildProcess?: boolean;
  /** How the shell starts that process (Electron: utilityProcess.fork of the bundled worker); default: a Node child. */
  deviceWorkerRunner?: (launch: WorkerLaunch) => WorkerRunner;
  /** Tests and demos shorten the named timings; a hall keeps the defaults. */
  timings?: { outbox?: Partial<OutboxTimings>; platform?: Partial<PlatformTimings> };
}

export async function startKioskHost(options: StartHostOptions): Promise<KioskHost> {
  const { config, platform } = options;
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = (event: HostEvent) => {
    for (const listener of listeners) listener(event);
  };

  mkdirSync(config.dataDir, { recursive: true });
  const log = await createOperatorLog(config.dataDir);
  log.info({
    event: 'start',
    terminalId: config.terminalId,
    version: options.appVersion,
    shell: options.shell,
  });
  const client = createPlatformClient({
    baseUrl: platform.baseUrl,
    terminalId: config.terminalId,
    tls: platform.tls,
    timeoutMs: platform.timeoutMs,
    ...(options.timings?.platform ? { timings: options.timings.platform } : {}),
  });
  // One database for the outbox, the catalog cache and the remote-command log; the audit trail
  // keeps its own file.
  const db = openKioskDatabase(join(config.dataDir, DATABASE_FILE));
  const keyStore =
    options.keyStore ?? createFileKeyStore(join(config.dataDir, 'keys', 'outbox.key'));
  const opened = await createOutbox({
    db,
    client,
    keyStore,
    ...(options.timings?.outbox ? { timings: options.timings.outbox } : {}),
  });
  if (!opened.ok) {
    db.close();
    await client.close();
    throw new Error(`The outbox cannot start: ${describeKeyStoreError(opened.error.error)}`);
  }
  const outbox = opened.value;
  const catalog = createCatalogService({ client, store: createCatalogStore(db) });
  const launch: WorkerLaunch = { devices: config.devices, dataDir: config.dataDir };
  const devices = options.devicesInChildProcess
    ? await createRemoteDeviceManager({
        ...launch,
        // A restart is normal once; many, or a hang, is what a technician looks for.
        onWorkerEvent: (event) => {
          const entry = { event: 'device-worker', ...event };
          if (event.what === 'up') log.info(entry);
          else log.warn(entry);
        },
        ...(options.deviceWorkerRunner ? { runner: options.deviceWorkerRunner(launch) } : {}),
      })
    : await createDeviceManager(config.devices, { dataDir: config.dataDir });
  const audit = openAuditLog(auditFile(config.dataDir));
  const terminal: ReceiptTerminal = {
    terminalId: config.terminalId,
    hotline: config.hall.hotline,
    paperWidth: config.devices.printer.paperWidth,
    font: config.devices.printer.font,
  };

  const windowDesk = createWindowDesk({
    client,
    catalog,
    devices,
    terminal,
    newId: randomUUID,
    now: () => new Date(),
  });
  const session = createSessionService(
    {
      readCard: (signal, onCardFound) =>
        readCardForSession(devices.idcard, signal, () => new Date(), onCardFound),
      submitCase: (input) => submitThroughOutbox({ outbox, catalog, now: () => new Date() }, input),
      printReceipt: (input) =>
        printReceipt(devices.printer, caseReceiptFor(input, terminal), terminal),
      receiptPreview: (input) => receiptPreview(input, terminal),
      onWipe: (reason) => {
        debug('session ended (%s) and wiped', reason);
        windowDesk.reset();
        emit({ type: 'wipe' });
      },
      newId: randomUUID,
      now: () => new Date(),
    },
    { ...config.session, technicianInactivityMs: config.technician.inactivityMs },
  );
  const technician = createTechnicianService({
    pinHash: config.technician.pinHash,
    session,
    audit,
  });

  const heartbeat = createHeartbeatService({
    client,
    commandLog: createCommandLog(db),
    sources: heartbeatSources({
      appVersion: options.appVersion,
      dataDir: config.dataDir,
      devices,
      session,
      outbox,
    }),
    handlers: terminalCommandHandlers({
      catalog,
      session,
      audit,
      ...(options.restartApp ? { restartApp: options.restartApp } : {}),
    }),
    onCertificateWarning: (status) =>
      audit.append('platform.check', 'failed', {
        certificate: status.state,
        ...(status.state === 'expiring' ? { daysLeft: status.daysLeft } : {}),
      }),
  });

  // The operators' log: states, codes and counts only (never a person; see logging/operator-log.ts).
  let lastState = session.view().state;
  const unsubscribes = [
    session.onChange((view) => {
      if (view.state === lastState) return;
      lastState = view.state;
      log.info({
        event: 'session',
        state: view.state,
        ...(view.state === 'ended' ? { reason: view.reason } : {}),
      });
    }),
    devices.onChange((statuses) =>
      log.info({
        event: 'devices',
        devices: statuses.map(({ name, state }) => ({ device: name, state })),
      }),
    ),
    client.onConnectivity((connectivity) =>
      log.info({
        event: 'connectivity',
        state: connectivity.state,
        ...(connectivity.state === 'offline' ? { cause: connectivity.cause } : {}),
      }),
    ),
    outbox.onChange((depth) => log.info({ event: 'outbox', pending: depth.pending })),
    session.onChange((view) => emit({ type: 'session', session: view })),
    devices.onChange((statuses) => emit({ type: 'devices', devices: statuses })),
    devices.onPrinted((receipt) => emit({ type: 'printed', receipt })),
    client.onConnectivity((connectivity) =>
      emit({ type: 'connectivity', online: connectivity.state !== 'offline' }),
    ),
    outbox.onChange((depth) => emit({ type: 'outbox', pending: depth.pending })),
  ];

  outbox.start();
  heartbeat.start();
  // Warm the catalog so the first resident does not wait for it; a failure is retried on demand.
  void catalog.get();

  const system: SystemInfo = {
    terminalId: config.terminalId,
    hallName: config.hall.name,
    hotline: config.hall.hotline,
    technicianMode: config.technician.pinHash !== undefined,
    appVersion: options.appVersion,
    shell: options.shell,
    devPanel: options.devPanelAllowed && config.ui.devPanel,
  };

  return {
    api: createKioskApi({
      system,
      session,
      catalog,
      devices,
      technician,
      audit,
      outbox,
      client,
      terminal,
      windowDesk,
      buildHash: buildHash(),
      onAccessibility: (choice) => log.info({ event: 'accessibility', ...choice }),
      updateStatus:
        options.updateStatus ??
        (() => ({
          state: 'disabled',
          current: options.appVersion,
          detail: `the ${options.shell} shell does not update itself`,
        })),
      shellActions: {
        ...(options.restartApp ? { restartApp: options.restartApp } : {}),
        ...(options.exitToDesktop ? { exitToDesktop: options.exitToDesktop } : {}),
      },
      ...(platform.simulator ? { simulatedPlatform: platform.simulator } : {}),
    }),
    client,
    outbox,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    devices,
    session,
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      await heartbeat.stop();
      technician.stop();
      session.stop();
      await outbox.close();
      audit.close();
      await devices.close();
      await client.close();
      db.close();
      log.info({ event: 'stop' });
      log.flush();
      listeners.clear();
    },
  };
}

/** The source revision: fixed into production bundles by electron/build.ts, else asked of git. */
function buildHash(): string | null {
  if (process.env.KIOSK_BUILD_HASH) return process.env.KIOSK_BUILD_HASH;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return null;
  }
}
