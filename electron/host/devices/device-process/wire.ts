/**
 * What crosses between the host and the device worker (DESIGN §2.2's carrier idea, applied to a
 * child process): plain JSON only. Bytes never ride as a `Uint8Array` — JSON would turn one into
 * `{"0":…}` — but as base64, explicitly, here and nowhere else: the card's WLT photo, print jobs.
 * The two sides' function tables are the contract between them.
 */
import type { BirpcReturn } from 'birpc';
import type { Result } from '../../../shared/result';
import type { PrintedReceiptView } from '../../../shared/views';
import type { IdCardFault, PrinterFault } from '../../../shared/contract';
import type { IdentityCard } from '../../../../drivers/idcard/src/card';
import type {
  IdCardReaderStatus,
  IdCardReadError,
  WaitForRemovalError,
} from '../../../../drivers/idcard/src/driver';
import type {
  PrintError,
  PrinterDiagnostics,
  PrinterStatus,
} from '../../../../drivers/printer/src/driver';
import type { CounterSnapshot, PaperForecast } from '../../../../drivers/printer/src/counters';

export type WireBytes = string;
export const bytesToWire = (bytes: Uint8Array): WireBytes =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
export const bytesFromWire = (text: WireBytes): Uint8Array =>
  new Uint8Array(Buffer.from(text, 'base64'));

/** A card as it crosses: the same fields, the photo as base64. */
export type WireCard = Omit<IdentityCard, 'photoWlt'> & { photoWlt: WireBytes };
export const cardToWire = (card: IdentityCard): WireCard => ({
  ...card,
  photoWlt: bytesToWire(card.photoWlt),
});
export const cardFromWire = (card: WireCard): IdentityCard =>
  ({ ...card, photoWlt: bytesFromWire(card.photoWlt) }) as IdentityCard;

export interface WireCounters {
  snapshot: CounterSnapshot;
  forecast: PaperForecast;
}

/** Everything the host caches to answer the `DeviceManager`'s synchronous getters. */
export interface WorkerState {
  idcard: IdCardReaderStatus;
  printer: PrinterStatus;
  counters: WireCounters;
}

export interface WorkerHello extends WorkerState {
  /** Present when the worker runs simulators (dev panel knobs). */
  simulators?: {
    sampleCards: { id: string; label: string; card: WireCard }[];
    lastReceipt: PrintedReceiptView | null;
  };
}

/** What the worker serves. `callId`s pair an operation with its later cancel and progress. */
export interface WorkerFunctions {
  readCard(callId: string): Promise<Result<WireCard, IdCardReadError>>;
  waitForRemoval(callId: string): Promise<Result<void, WaitForRemovalError>>;
  /** Aborts the operation started under `callId` (event: no answer). */
  cancel(callId: string): void;
  whenSettled(): Promise<IdCardReaderStatus>;
  print(job: WireBytes): Promise<Result<void, PrintError>>;
  refreshStatus(): Promise<PrinterStatus>;
  diagnostics(): Promise<Result<PrinterDiagnostics, { code: 'absent' | 'offline' }>>;
  recordJob(lengthMm: number): void;
  refill(): void;
  simPlaceCard(card: WireCard): void;
  simRemoveCard(): void;
  simIdCardFault(fault: IdCardFault): void;
  simSetPaper(paper: 'ok' | 'out'): void;
  simPrinterFault(fault: PrinterFault): void;
  simPlug(device: 'idcard' | 'printer', plugged: boolean): void;
  /** Liveness (liveness.ts): answered at once by a worker whose event loop runs. */
  ping(): Promise<void>;
  /** Closes the drivers (ports released) before the worker exits. */
  close(): Promise<void>;
}

/** What the host serves to the worker: pushes only. */
export interface HostFunctions {
  /** Sent once, when the worker serves: the devices are open (or being reconnected). */
  hello(hello: WorkerHello): void;
  state(state: WorkerState): void;
  readProgress(callId: string, phase: 'card-found'): void;
  printed(receipt: PrintedReceiptView): void;
}

export const workerEventNames: (keyof HostFunctions)[] = [
  'hello',
  'state',
  'readProgress',
  'printed',
];
export const hostEventNames: (keyof WorkerFunctions)[] = [
  'cancel',
  'recordJob',
  'refill',
  'simPlaceCard',
  'simRemoveCard',
  'simIdCardFault',
  'simSetPaper',
  'simPrinterFault',
  'simPlug',
];

/** The host's handle on a worker. */
export type WorkerRpc = BirpcReturn<WorkerFunctions, HostFunctions>;
