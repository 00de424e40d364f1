/**
 * The one API object the renderer talks to (DESIGN §2.2). Inputs arrive already validated by the
 * RPC layer (electron/shared/rpc.ts); here each call becomes a session event, a catalog look-up or
 * a device query. Expected refusals are `Result` values; nothing here throws for a resident's tap.
 */
import type { KioskApi } from '../shared/contract';
import { ok, err } from '../shared/result';
import type { SystemInfo, UpdateStatusView } from '../shared/views';
import { availabilityOf } from './catalog/availability';
import type { CatalogService } from './catalog/catalog-service';
import type { DeviceManager } from './devices/device-manager';
import type { SessionService } from './session/session-service';
import type { TechnicianService } from './technician/technician-service';
import type { AuditLog } from './audit/audit-log';
import type { Outbox } from './outbox/outbox-types';
import type { PlatformClient } from './platform/client';
import type { ReceiptTerminal } from './receipts/print-case-receipt';
import type { SimulatedPlatformHandle } from './platform-connection';
import { printTestPage } from './receipts/print-test-page';
import { testReadCard } from './technician/test-card';
import type { WindowDesk } from './receipts/window-desk';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A real finger signature is a few KB; anything under this is an empty or broken canvas. */
const MIN_SIGNATURE_BYTES = 200;

export interface ApiDeps {
  /** What the shell can do for a technician: restart itself, leave to the desktop. */
  shellActions?: { restartApp?: () => void; exitToDesktop?: () => void };
  buildHash?: string | null;
  updateStatus?: () => UpdateStatusView;
  onAccessibility?: (choice: { elder: boolean; highContrast: boolean }) => void;
  /** The simulated platform, in the simulated world (dev panel only). */
  simulatedPlatform?: SimulatedPlatformHandle;
  system: SystemInfo;
  session: SessionService;
  catalog: CatalogService;
  devices: DeviceManager;
  technician: TechnicianService;
  audit: AuditLog;
  outbox: Outbox;
  client: PlatformClient;
  terminal: ReceiptTerminal;
  windowDesk: WindowDesk;
}

export function decodeSignature(base64: string): Uint8Array | undefined {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length < MIN_SIGNATURE_BYTES) return undefined;
  return PNG_MAGIC.every((byte, i) => bytes[i] === byte) ? bytes : undefined;
}

export function createKioskApi(deps: ApiDeps): KioskApi {
  const { session, catalog, devices } = deps;
  const devPanelOff = { code: 'dev-panel-off' } as const;
  const simulators = () => (deps.system.devPanel ? devices.simulators : undefined);

  return {
    getSystemInfo: async () => deps.system,
    getSession: async () => session.view(),
    startSession: async () => session.send({ type: 'START' }),
    touchSession: async () => void session.send({ type: 'TOUCH' }),
    async setAccessibility({ elder, highContrast }) {
      session.send({ type: 'SET_ELDER', elder });
      // High contrast is the page's own concern; operators see how often each is used.
      deps.onAccessibility?.({ elder, highContrast });
    },
    continueSession: async () => void session.send({ type: 'CONTINUE' }),
    cancelSession: async () => void session.send({ type: 'CANCEL' }),
    finishSession: async () => void session.send({ type: 'FINISH' }),

    async listItems() {
      const items = await catalog.summaries(session.residentIdType());
      return items.ok ? items : err({ code: 'catalog-unavailable' });
    },
    async chooseItem({ itemCode }) {
      const item = await catalog.find(itemCode);
      if (!item) return err({ code: 'unknown-item' });
      if (!availabilityOf(item, session.residentIdType()).available) {
        return err({ code: 'not-available-here' });
      }
      return session.choose(item);
    },
    // Window items: only while a resident is looking at the list.
    async takeQueueTicket({ itemCode }) {
      if (session.view().state !== 'browsing') return err({ code: 'wrong-state' });
      return deps.windowDesk.takeTicket(itemCode);
    },
    async printGuide({ itemCode }) {
      if (session.view().state !== 'browsing') return err({ code: 'wrong-state' });
      return deps.windowDesk.printGuide(itemCode);
    },
    agreeConsent: async () => session.send({ type: 'AGREE' }),
    continueAfterIdentified: async () => session.send({ type: 'NEXT' }),
    backToItems: async () => session.send({ type: 'BACK' }),
    async submitCase({ signaturePng }) {
      const signature = decodeSignature(signaturePng);
      if (!signature) return err({ code: 'invalid-signature' });
      return session.send({ type: 'SUBMIT', signaturePng: signature });
    },
    retrySubmit: async () => session.send({ type: 'RETRY' }),
    reprintReceipt: async () => session.send({ type: 'REPRINT' }),
    getDevices: async () => devices.statuses(),

    technicianLogin: async ({ pin }) => deps.technician.login(pin),
    technicianLogout: async () => deps.technician.logout(),
    setOutOfService: ({ on }) =>
      deps.technician.act(on ? 'service.out-of-service' : 'service.in-service', () => {
        session.send({ type: 'SET_OUT_OF_SERVICE', on });
      }),
    async getMaintenanceOverview() {
      if (!deps.technician.inMaintenance()) return err({ code: 'not-technician' });
      const verification = deps.audit.verify();
      const certificate = deps.client.certificate();
      const catalogStatus = catalog.status();
      const counters = devices.printerCounters;
      const snapshot = counters.snapshot();
      return ok({
        terminalId: deps.system.terminalId,
        appVersion: deps.system.appVersion,
        buildHash: deps.buildHash ?? null,
        update: deps.updateStatus?.() ?? {
          state: 'disabled',
          current: deps.system.appVersion,
          detail: 'no updater',
        },
        shell: deps.system.shell,
        devices: devices.statuses(),
        outOfService: session.outOfService(),
        audit: { entries: verification.entries, intact: verification.ok },
        platform: {
          online: deps.client.connectivity().state !== 'offline',
          certificate:
            certificate.state === 'valid' || certificate.state === 'expiring'
              ? { state: certificate.state, daysLeft: certificate.daysLeft }
              : { state: certificate.state },
        },
        outbox: {
          ...deps.outbox.depth(),
          dead: deps.outbox
            .list()
            .filter((entry) => entry.state === 'dead')
            .map((entry) => ({
              id: entry.id,
              kind: entry.kind,
              reason: entry.deadReason,
              createdAt: entry.createdAt,
            })),
        },
        catalog: catalogStatus
          ? {
              version: catalogStatus.version,
              items: catalogStatus.items,
              checkedAt: catalogStatus.checkedAt,
            }
          : null,
        paper: {
          printsSinceRefill: snapshot.printsSinceRefill,
          remainingM: Math.round(counters.forecast().remainingMm / 100) / 10,
          refilledAt: snapshot.refilledAt,
        },
      });
    },
    technicianPaperRefilled: () =>
      deps.technician.act('printer.refilled', () => void devices.printerCounters.refill(), {
        device: 'printer',
      }),
    async technicianPrintTestPage() {
      const done = await deps.technician.act(
        'device.test',
        () => printTestPage(devices, deps.terminal),
        {
          device: 'printer',
        },
      );
      if (!done.ok) return done;
      return done.value.ok ? ok() : err({ code: 'print-failed', reason: done.value.error });
    },
    async technicianSyncCatalog() {
      const done = await deps.technician.act('catalog.sync', () => catalog.sync());
      if (!done.ok) return done;
      return done.value.ok ? ok() : err({ code: 'sync-failed' });
    },
    async technicianTestCard() {
      const done = await deps.technician.act('device.test', () => testReadCard(devices.idcard), {
        device: 'idcard',
      });
      return done.ok ? done.value : done;
    },
    async technicianRestartApp() {
      const restart = deps.shellActions?.restartApp;
      const done = await deps.technician.act('app.restart', () =>
        restart ? ok(restart()) : err({ code: 'not-in-this-shell' as const }),
      );
      return done.ok ? done.value : done;
    },
    async technicianExitToDesktop() {
      const exit = deps.shellActions?.exitToDesktop;
      const done = await deps.technician.act('app.exit-to-desktop', () =>
        exit ? ok(exit()) : err({ code: 'not-in-this-shell' as const }),
      );
      return done.ok ? done.value : done;
    },
    async technicianRetryOutbox({ id }) {
      const done = await deps.technician.act('outbox.retry', () => deps.outbox.retry(id));
      if (!done.ok) return done;
      return done.value.ok ? ok() : err({ code: 'not-retryable', reason: done.value.reason });
    },

    async devListCards() {
      const sims = simulators();
      if (!sims?.idcard) return err(devPanelOff);
      return ok(sims.idcard.sampleCards.map(({ id, label }) => ({ id, label })));
    },
    async devPlaceCard({ cardId }) {
      const sims = simulators();
      if (!sims?.idcard) return err(devPanelOff);
      const sample = sims.idcard.sampleCards.find((c) => c.id === cardId);
      if (!sample) return err({ code: 'unknown-card' });
      sims.idcard.placeCard(sample.card);
      return ok();
    },
    async devRemoveCard() {
      const sims = simulators();
      if (!sims?.idcard) return err(devPanelOff);
      sims.idcard.removeCard();
      return ok();
    },
    async devIdCardFault({ fault }) {
      const sims = simulators();
      if (!sims?.idcard) return err(devPanelOff);
      sims.idcard.fault(fault);
      return ok();
    },
    async devSetPrinterPaper({ paper }) {
      const sims = simulators();
      if (!sims?.printer) return err(devPanelOff);
      sims.printer.setPaper(paper);
      return ok();
    },
    async devPrinterFault({ fault }) {
      const sims = simulators();
      if (!sims?.printer) return err(devPanelOff);
      sims.printer.fault(fault);
      return ok();
    },
    async devPlatformPreset({ preset }) {
      if (!deps.system.devPanel || !deps.simulatedPlatform) return err(devPanelOff);
      await deps.simulatedPlatform.applyPreset(preset);
      return ok();
    },
    async devLastReceipt() {
      const sims = simulators();
      if (!sims?.printer) return err(devPanelOff);
      return ok(sims.printer.lastReceipt() ?? null);
    },
  };
}
