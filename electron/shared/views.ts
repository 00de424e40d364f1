/**
 * What the renderer is shown. Views carry only what a screen needs; personal data reaches the
 * renderer masked (DESIGN §2.5), and nothing here is ever logged.
 */

export type IdType = 'resident-id' | 'foreign-permanent' | 'hmt-residence';

/** The resident as the screen shows them: masked, never the raw card. */
export interface ResidentView {
  idType: IdType;
  nameMasked: string; // 张*
  idNumberMasked: string; // 3701**********1234
}

export type Fee = { free: true } | { free: false; amountFen: number; basis: string };

/** Why this terminal cannot complete an item by itself (yet); the screen then points to a window. */
export type UnavailableReason =
  | 'not-self-service'
  | 'needs-materials'
  | 'needs-form-input'
  | 'needs-face-verification'
  | 'id-type-not-accepted';

export interface ItemSummary {
  code: string;
  name: string;
  department: string;
  themes: string[];
  promisedDays: number;
  instant: boolean;
  fee: Fee;
  windowArea?: string;
  /** Whether a resident can complete it on this terminal now; otherwise why not. */
  availability: { available: true } | { available: false; reason: UnavailableReason };
}

/** The case as the done screen shows it: the platform's receipt, or a queued case's local reference. */
export type CaseReceiptView =
  | {
      kind: 'accepted';
      caseNo: string;
      queryCode: string;
      status: 'accepted' | 'approved';
      acceptedAt: string;
      promisedBy: string;
      itemName: string;
      nextSteps?: string;
    }
  | {
      /** 待上传: the platform was away; the case is saved on the terminal and goes when it returns. */
      kind: 'queued';
      localReference: string;
      queuedAt: string;
      itemName: string;
    };

export type PrintOutcome =
  { state: 'printing' } | { state: 'printed' } | { state: 'failed'; code: PrintFailureCode };

export type PrintFailureCode = 'paper-out' | 'cover-open' | 'offline' | 'absent' | 'other';

export type IdentifyProblem =
  'read-failed' | 'expired-card' | 'id-type-not-accepted' | 'reader-unavailable' | 'timed-out';

export type SubmitProblem =
  | 'platform-unreachable'
  | 'platform-rejected'
  | 'platform-error'
  | 'invalid-response'
  /** The terminal itself could not keep the case (disk full, database damaged): nothing promised. */
  | 'terminal-error';

export type EndReason = 'finished' | 'cancelled' | 'idle';

export interface IdleWarning {
  /** When the session will end unless the resident touches "继续办理" (epoch ms, host clock). */
  endsAt: number;
  secondsTotal: number;
}

/** One screen per state (DESIGN §4 rule 6). The renderer switches on `state`, exhaustively. */
export type SessionView =
  | { state: 'idle' }
  /** Technician mode: no resident session; the maintenance screen. */
  | { state: 'maintenance' }
  /** 本机暂停服务, with the hall's help. */
  | { state: 'out-of-service' }
  /** The catalog, with or without a card (a resident may look before deciding). */
  | { state: 'browsing'; resident?: ResidentView; idleWarning?: IdleWarning }
  /** What will be read from the card, why, and how long it is kept; nothing is read before 同意. */
  | { state: 'consenting'; item: ItemSummary; idleWarning?: IdleWarning }
  | {
      state: 'identifying';
      item: ItemSummary;
      /** `reading`: a card is on the reader and being read — "请勿移开". */
      phase: 'waiting' | 'reading';
      problem?: IdentifyProblem;
      idleWarning?: IdleWarning;
    }
  | { state: 'identified'; item: ItemSummary; resident: ResidentView; idleWarning?: IdleWarning }
  | {
      state: 'confirming';
      resident: ResidentView;
      item: ItemSummary;
      idleWarning?: IdleWarning;
    }
  | { state: 'submitting'; resident: ResidentView; item: ItemSummary }
  | {
      state: 'submit-failed';
      resident: ResidentView;
      item: ItemSummary;
      problem: SubmitProblem;
      /** The platform's own problem code, when it gave one (e.g. `validation-failed`). */
      platformCode?: string;
      idleWarning?: IdleWarning;
    }
  | {
      state: 'done';
      resident: ResidentView;
      item: ItemSummary;
      receipt: CaseReceiptView;
      /** The paper receipt as SVG, shown before and while it prints, and instead of it if it cannot. */
      receiptSvg: string;
      /** What the receipt's QR code says (CASE:… or LOCAL:…), for the screen's own QR. */
      qrPayload: string;
      print: PrintOutcome;
      idleWarning?: IdleWarning;
    }
  | { state: 'ended'; reason: EndReason };

export type DeviceName = 'idcard' | 'printer';

export type DeviceState =
  'ready' | 'busy' | 'absent' | 'error' | 'paper-low' | 'paper-out' | 'cover-open' | 'offline';

export interface DeviceStatusView {
  name: DeviceName;
  state: DeviceState;
  simulated: boolean;
  detail?: string;
}

export interface SystemInfo {
  terminalId: string;
  hallName: string;
  hotline: string;
  /** Whether a technician PIN is configured (the hidden gesture opens the PIN pad only then). */
  technicianMode: boolean;
  appVersion: string;
  shell: 'electron' | 'browser';
  /** The dev panel is offered only in the browser shell and development builds. */
  devPanel: boolean;
}

/** A queue ticket for a window (取号), as the screen shows it even when it could not be printed. */
export interface QueueTicketView {
  itemName: string;
  ticketNo: string;
  windowArea: string;
  waitingAhead: number;
  estimatedWaitMinutes?: number;
  print: Exclude<PrintOutcome, { state: 'printing' }>;
}

/** The terminal's software update, as the technician screen shows it. */
export type UpdateStatusView =
  | { state: 'disabled'; current: string; detail: string }
  /** Installed from a deb: the OS package manager updates it. */
  | { state: 'managed-by-os'; current: string }
  | { state: 'up-to-date' | 'error' | 'failed-start'; current: string; detail?: string }
  | { state: 'downloading' | 'waiting-for-night'; current: string; version: string };

/** What the maintenance screen shows a technician; nothing personal. */
export interface MaintenanceOverview {
  terminalId: string;
  appVersion: string;
  /** The source revision this build was made from, when known. */
  buildHash: string | null;
  update: UpdateStatusView;
  shell: SystemInfo['shell'];
  devices: DeviceStatusView[];
  outOfService: boolean;
  audit: { entries: number; intact: boolean };
  platform: {
    online: boolean;
    certificate: { state: 'valid' | 'expiring' | 'expired' | 'unreadable'; daysLeft?: number };
  };
  outbox: {
    pending: number;
    oldestQueuedAt: string | null;
    /** Dead letters: refused for good or given up on; kept for technicians with their reason. */
    dead: { id: string; kind: string; reason: string | null; createdAt: string }[];
  };
  catalog: { version: string; items: number; checkedAt: string } | null;
  paper: { printsSinceRefill: number; remainingM: number; refilledAt: string | null };
}

/** A printed receipt as the printer simulator decoded it from the ESC/POS stream (dev panel). */
export interface PrintedReceiptView {
  printedAt: string;
  lines: { text: string; align: 'left' | 'center' | 'right'; bold: boolean; scale: number }[];
  qrCodes: string[];
  cut: boolean;
}

export interface SampleCardView {
  id: string;
  label: string;
}

export type HostEvent =
  | { type: 'session'; session: SessionView }
  | { type: 'devices'; devices: DeviceStatusView[] }
  | { type: 'printed'; receipt: PrintedReceiptView }
  /** The session ended: the renderer reloads so nothing of the resident survives in its heap. */
  | { type: 'wipe' }
  /** Whether the platform answers; offline, cases are queued and say so. */
  | { type: 'connectivity'; online: boolean }
  /** Cases and ratings waiting in the outbox. */
  | { type: 'outbox'; pending: number };
