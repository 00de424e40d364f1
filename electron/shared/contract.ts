/**
 * The renderer ↔ host contract (DESIGN §2.2). Every method takes one input object, validated with
 * zod at the host's boundary; expected failures come back as `Result` values; bugs reject.
 * The host implements `KioskApi`; the renderer calls it through the RPC carrier.
 */
import { z } from 'zod';
import { ID_CARD_FAULTS, PLATFORM_PRESETS, PRINTER_FAULTS } from './dev-knobs';
import type { Result } from './result';

export type { IdCardFault, PlatformPreset, PrinterFault } from './dev-knobs';
import type {
  DeviceStatusView,
  HostEvent,
  MaintenanceOverview,
  PrintFailureCode,
  QueueTicketView,
  ResidentView,
  ItemSummary,
  PrintedReceiptView,
  SampleCardView,
  SessionView,
  SystemInfo,
} from './views';

const none = z.object({}).strict();

/** A PNG as base64, at most ~512 KiB decoded: a finger signature on a 1080-wide pad is far smaller. */
const signaturePng = z
  .string()
  .max(700_000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64');

export const kioskInputs = {
  getSystemInfo: none,
  getSession: none,
  startSession: none,
  touchSession: none,
  /** 长辈模式 and 高对比度, chosen on screen; forgotten when the session ends. */
  setAccessibility: z.object({ elder: z.boolean(), highContrast: z.boolean() }).strict(),
  continueSession: none,
  cancelSession: none,
  finishSession: none,
  listItems: none,
  chooseItem: z.object({ itemCode: z.string().min(1).max(64) }).strict(),
  takeQueueTicket: z.object({ itemCode: z.string().min(1).max(64) }).strict(),
  printGuide: z.object({ itemCode: z.string().min(1).max(64) }).strict(),
  agreeConsent: none,
  continueAfterIdentified: none,
  backToItems: none,
  submitCase: z.object({ signaturePng }).strict(),
  retrySubmit: none,
  reprintReceipt: none,
  getDevices: none,
  technicianLogin: z.object({ pin: z.string().regex(/^\d{6,12}$/, '6 to 12 digits') }).strict(),
  technicianLogout: none,
  setOutOfService: z.object({ on: z.boolean() }).strict(),
  getMaintenanceOverview: none,
  technicianPaperRefilled: none,
  technicianPrintTestPage: none,
  technicianSyncCatalog: none,
  technicianRetryOutbox: z.object({ id: z.string().min(1).max(64) }).strict(),
  technicianTestCard: none,
  technicianRestartApp: none,
  /** Only with `confirmed: true`, sent by the second tap of the confirmation. */
  technicianExitToDesktop: z.object({ confirmed: z.literal(true) }).strict(),
  devListCards: none,
  devPlaceCard: z.object({ cardId: z.string().min(1).max(64) }).strict(),
  devRemoveCard: none,
  devIdCardFault: z.object({ fault: z.enum(ID_CARD_FAULTS) }).strict(),
  devSetPrinterPaper: z.object({ paper: z.enum(['ok', 'out']) }).strict(),
  devPrinterFault: z.object({ fault: z.enum(PRINTER_FAULTS) }).strict(),
  devLastReceipt: none,
  devPlatformPreset: z.object({ preset: z.enum(PLATFORM_PRESETS) }).strict(),
} as const;

export type KioskMethod = keyof typeof kioskInputs;
export type KioskInput<M extends KioskMethod> = z.infer<(typeof kioskInputs)[M]>;

export type WrongState = { code: 'wrong-state' };

export interface KioskOutputs {
  getSystemInfo: SystemInfo;
  getSession: SessionView;
  startSession: Result<void, WrongState>;
  touchSession: void;
  setAccessibility: void;
  continueSession: void;
  cancelSession: void;
  finishSession: void;
  listItems: Result<ItemSummary[], { code: 'catalog-unavailable' }>;
  chooseItem: Result<void, WrongState | { code: 'unknown-item' } | { code: 'not-available-here' }>;
  takeQueueTicket: Result<
    QueueTicketView,
    | WrongState
    | { code: 'unknown-item' }
    | { code: 'platform-unavailable' }
    | { code: 'refused'; platformCode: string }
  >;
  printGuide: Result<
    void,
    WrongState | { code: 'unknown-item' } | { code: 'print-failed'; reason: PrintFailureCode }
  >;
  agreeConsent: Result<void, WrongState>;
  continueAfterIdentified: Result<void, WrongState>;
  backToItems: Result<void, WrongState>;
  submitCase: Result<void, WrongState | { code: 'invalid-signature' }>;
  retrySubmit: Result<void, WrongState>;
  reprintReceipt: Result<void, WrongState>;
  getDevices: DeviceStatusView[];
  technicianLogin: Result<
    void,
    | { code: 'not-configured' }
    | { code: 'wrong-pin' }
    | { code: 'locked'; retryInMs: number }
    | WrongState
  >;
  technicianLogout: void;
  setOutOfService: Result<void, NotTechnician>;
  getMaintenanceOverview: Result<MaintenanceOverview, NotTechnician>;
  technicianPaperRefilled: Result<void, NotTechnician>;
  technicianPrintTestPage: Result<
    void,
    NotTechnician | { code: 'print-failed'; reason: PrintFailureCode }
  >;
  technicianSyncCatalog: Result<void, NotTechnician | { code: 'sync-failed' }>;
  technicianRetryOutbox: Result<void, NotTechnician | { code: 'not-retryable'; reason: string }>;
  technicianTestCard: Result<
    ResidentView & { validTo: string },
    NotTechnician | { code: 'no-card' } | { code: 'read-failed'; reason: string }
  >;
  technicianRestartApp: Result<void, NotTechnician | { code: 'not-in-this-shell' }>;
  technicianExitToDesktop: Result<void, NotTechnician | { code: 'not-in-this-shell' }>;
  devListCards: Result<SampleCardView[], DevPanelOff>;
  devPlaceCard: Result<void, DevPanelOff | { code: 'unknown-card' }>;
  devRemoveCard: Result<void, DevPanelOff>;
  devIdCardFault: Result<void, DevPanelOff>;
  devSetPrinterPaper: Result<void, DevPanelOff>;
  devPrinterFault: Result<void, DevPanelOff>;
  devLastReceipt: Result<PrintedReceiptView | null, DevPanelOff>;
  devPlatformPreset: Result<void, DevPanelOff>;
}

export type DevPanelOff = { code: 'dev-panel-off' };
export type NotTechnician = { code: 'not-technician' };

export type KioskApi = {
  [M in KioskMethod]: (input: KioskInput<M>) => Promise<KioskOutputs[M]>;
};

/** What the renderer exposes to the host: one push channel for typed events. */
export interface RendererApi {
  onEvent(event: HostEvent): void;
}
