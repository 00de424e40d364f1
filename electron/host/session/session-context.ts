/**
 * What a resident session holds and hears: its context (everything personal, wiped at every end),
 * its events, and the services the machine calls. The machine itself is in machine.ts.
 */
import type { Result } from '../../shared/result';
import type {
  EndReason,
  IdentifyProblem,
  PrintFailureCode,
  SubmitProblem,
} from '../../shared/views';
import type { SessionDelays } from '../config/schema';
import type { CaseReceipt, ServiceItem } from '../platform/types';
import type { IdentityCard } from '../../../drivers/idcard/src/card';

export interface CaseToSubmit {
  card: IdentityCard;
  item: ServiceItem;
  signaturePng: Uint8Array;
  /** Kept across retries so the platform never creates the case twice. */
  idempotencyKey: string;
  clientCaseId: string;
  consentAt: string;
  submittedAt: string;
}

export type SubmitFailure = { problem: SubmitProblem; platformCode?: string };

/**
 * What became of a submitted case: the platform's receipt at once, or — with the platform away —
 * safely queued in the outbox under a local reference, to be delivered when it returns.
 */
export type CaseOutcome =
  | { kind: 'accepted'; receipt: CaseReceipt }
  | { kind: 'queued'; localReference: string; queuedAt: string };

export interface ReceiptPreview {
  svg: string;
  qrPayload: string;
}

export interface ReceiptInput {
  card: IdentityCard;
  item: ServiceItem;
  outcome: CaseOutcome;
}

/** What the machine needs from the rest of the host; injected, so tests drive it with fakes. */
export interface SessionServices {
  /** Waits for a card and reads it; `onCardFound` fires when one is on the reader and being read. */
  readCard(
    signal: AbortSignal,
    onCardFound: () => void,
  ): Promise<Result<IdentityCard, IdentifyProblem>>;
  submitCase(input: CaseToSubmit): Promise<Result<CaseOutcome, SubmitFailure>>;
  printReceipt(input: ReceiptInput): Promise<Result<void, PrintFailureCode>>;
  /** The receipt as the screen shows it (SVG, the same one the printer gets) and its QR payload. */
  receiptPreview(input: ReceiptInput): ReceiptPreview;
  /** Called on entering `ended`, after the context was cleared: wipe files, tell the renderer. */
  onWipe(reason: EndReason): void;
  newId(): string;
  now(): Date;
}

/** The session's named delays, plus how long technician mode lasts without a touch. */
export type MachineDelays = SessionDelays & { technicianInactivityMs: number };

export interface SessionContext {
  delays: MachineDelays;
  /** Not personal, and it outlives every session: the terminal is out of service until a technician says otherwise. */
  outOfService: boolean;
  card?: IdentityCard;
  /** When the resident agreed to the personal-information notice (CaseSubmission.consentAt). */
  consentAt?: string;
  /** A card is on the reader and being read (the screen says "正在读取，请勿移开"). */
  cardFound?: boolean;
  /** 长辈模式: this resident gets twice the time before and during the idle warning. */
  elder?: boolean;
  identifyProblem?: IdentifyProblem;
  item?: ServiceItem;
  signaturePng?: Uint8Array;
  idempotencyKey?: string;
  clientCaseId?: string;
  submittedAt?: string;
  submitFailure?: SubmitFailure;
  outcome?: CaseOutcome;
  printFailure?: PrintFailureCode;
  warningStartedAt?: number;
  endReason?: EndReason;
}

export type SessionEvent =
  | { type: 'START' }
  | { type: 'CHOOSE'; item: ServiceItem }
  | { type: 'AGREE' }
  | { type: 'BACK' }
  | { type: 'CARD_FOUND' }
  | { type: 'CARD_READ'; result: Result<IdentityCard, IdentifyProblem> }
  | { type: 'NEXT' }
  | { type: 'SUBMIT'; signaturePng: Uint8Array }
  | { type: 'RETRY' }
  | { type: 'REPRINT' }
  | { type: 'FINISH' }
  | { type: 'CANCEL' }
  | { type: 'TOUCH' }
  | { type: 'SET_ELDER'; elder: boolean }
  | { type: 'CONTINUE' }
  /** Technician mode; the PIN was checked by the technician service before this is sent. */
  | { type: 'TECHNICIAN_ENTER' }
  | { type: 'TECHNICIAN_EXIT' }
  | { type: 'SET_OUT_OF_SERVICE'; on: boolean };

/** Whether the item takes this kind of identity document (居民身份证, 港澳台居住证, 永居证). */
export function itemAcceptsCard(item: ServiceItem, card: IdentityCard): boolean {
  return item.acceptedIdTypes.includes(card.type);
}

/**
 * Everything personal, cleared on every end; only the delays survive. XState's `assign` merges,
 * so every field is named here with `undefined`, and the type makes a new field impossible to
 * forget.
 */
export function emptySession(
  keep: Pick<SessionContext, 'delays' | 'outOfService'>,
): SessionContext {
  const empty: { [K in keyof Required<SessionContext>]: SessionContext[K] } = {
    ...keep,
    card: undefined,
    consentAt: undefined,
    cardFound: undefined,
    elder: undefined,
    identifyProblem: undefined,
    item: undefined,
    signaturePng: undefined,
    idempotencyKey: undefined,
    clientCaseId: undefined,
    submittedAt: undefined,
    submitFailure: undefined,
    outcome: undefined,
    printFailure: undefined,
    warningStartedAt: undefined,
    endReason: undefined,
  };
  return empty;
}
