/**
 * The host: everything the main process does except windows (DESIGN §2.1). Both shells start it
 * the same way and connect renderers to it through a carrier; it never imports `electron`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import createDebug from 'debug';
import type { KioskApi } from '../shared/contract';
import type { HostEvent, SystemInfo } from '../shared/views';
import { createKioskApi } from './api';
import { auditFile, openAuditLog } from './audit/audit-log';
import { createTechnicianService } from './technician/technician-service';
import { createCatalogService } from './catalog/catalog-service';
import { submitCase } from './cases/submit-case';
import type { KioskConfig } from './config/schema';
import { createDeviceManager, type DeviceManager } from './devices/device-manager';
import { createPlatformClient } from './platform/client';
import type { PlatformConnection } from './platform-connection';
import {
  caseReceiptFor,
  printReceipt,
  receiptSvg,
  type ReceiptTerminal,
} from './receipts/print-case-receipt';
import { readCardForSession } from './session/identify';
import { createSessionService, type SessionService } from './session/session-service';

const debug = createDebug('kiosk:host');

export interface KioskHost {
  api: KioskApi;
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
}

export async function startKioskHost(options: StartHostOptions): Promise<KioskHost> {
  const { config, platform } = options;
  const listeners = new Set<(event: HostEvent) => void>();
  const emit = (event: HostEvent) => {
    for (const listener of listeners) listener(event);
  };

  const client = createPlatformClient({
    baseUrl: platform.baseUrl,
    terminalId: config.terminalId,
    tls: platform.tls,
    timeoutMs: platform.timeoutMs,
  });
  const catalog = createCatalogService({ client });
  mkdirSync(config.dataDir, { recursive: true });
  const devices = await createDeviceManager(config.devices, { dataDir: config.dataDir });
  const audit = openAuditLog(auditFile(config.dataDir));
  const terminal: ReceiptTerminal = {
    terminalId: config.terminalId,
    hotline: config.hall.hotline,
    paperWidth: config.devices.printer.paperWidth,
    font: config.devices.printer.font,
  };

  const session = createSessionService(
    {
      readCard: (signal, onCardFound) =>
        readCardForSession(devices.idcard, signal, () => new Date(), onCardFound),
      submitCase: (input) => submitCase({ client, catalog }, input),
      printReceipt: (input) =>
        printReceipt(devices.printer, caseReceiptFor(input, terminal), terminal),
      receiptSvg: (input) => receiptSvg(caseReceiptFor(input, terminal), terminal),
      onWipe: (reason) => {
        debug('session ended (%s) and wiped', reason);
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

  const unsubscribes = [
    session.onChange((view) => emit({ type: 'session', session: view })),
    devices.onChange((statuses) => emit({ type: 'devices', devices: statuses })),
    devices.onPrinted((receipt) => emit({ type: 'printed', receipt })),
  ];

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
    api: createKioskApi({ system, session, catalog, devices, technician, audit }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    devices,
    session,
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe();
      technician.stop();
      session.stop();
      audit.close();
      await devices.close();
      await client.close();
      listeners.clear();
    },
  };
}
