import createDebug from 'debug';
import type { Transport } from '../../../transport/src/transport';
import type { PrinterFont } from '../protocol/font-coverage';
import { EscPosTokenizer, type SizedToken } from '../stream/escpos-tokenizer';
import { PrintEngine } from '../stream/print-engine';
import { DOTS_PER_MM, type PrintedReceipt, type Sheet } from '../stream/sheet';
import {
  isStopped,
  paperStatusByte,
  printerIdReply,
  realtimeStatusByte,
  type SimulatedCondition,
  type SimulatedIdentity,
} from './status-bytes';

const debug = createDebug('kiosk:printer:sim');

export type PaperLevel = 'ok' | 'low' | 'out';

export interface PrinterSimulatorOptions {
  /** Clock for `printedAt` (tests pin it). */
  now?: () => Date;
  paperWidth?: 80 | 58;
  /** The font the simulated unit carries: characters outside it print as '?', as on paper. */
  font?: PrinterFont;
  /** What GS I 65/66/67 answer. */
  identity?: Partial<SimulatedIdentity>;
  /** Whether it answers GS r 1 (the driver's "job done" signal); some old units do not. */
  answersTransmitStatus?: boolean;
}

/**
 * The printer's side of ESC/POS (DESIGN §2.3 layer 4) over any transport. It decodes jobs into
 * `PrintedReceipt`s (and a `Sheet` to draw), answers DLE EOT at once with bytes consistent with
 * its knobs, and GS r / GS I when it reaches them in the stream. While it cannot print (paper
 * out, cover open, offline, cutter jammed) it still answers DLE EOT, as a real printer does, but
 * drops everything else: the job in progress is lost, never half-counted.
 *
 * Slow consumption (`setSpeed`): commands are applied at the paper speed (mm/s), so a job takes
 * the time a mechanism needs and a knob turned meanwhile (cover opened, paper out) hits it
 * mid-job. Without a speed, everything is applied as it arrives.
 */
export interface PrinterSimulator {
  attach(device: Transport): () => void;
  onPrinted(listener: (receipt: PrintedReceipt) => void): () => void;
  lastReceipt(): PrintedReceipt | undefined;
  /** The geometry of a printed receipt (the last one by default), for `sheetToSvg`/`sheetToPng`. */
  sheetOf(receipt?: PrintedReceipt): Sheet | undefined;
  setPaper(level: PaperLevel): void;
  setCoverOpen(open: boolean): void;
  setOffline(offline: boolean): void;
  setCutterError(jammed: boolean): void;
  /** Paper runs out after this many more job bytes (mid-job paper-out). */
  runOutOfPaperAfter(bytes: number): void;
  /** Paper speed in mm/s (thermal mechanisms: 150–250); `undefined`: instant. */
  setSpeed(mmPerSecond: number | undefined): void;
  readonly paper: PaperLevel;
  /** Whether a job is being consumed (slow consumption only). */
  readonly busy: boolean;
}

interface Pending {
  token: SizedToken;
  device: Transport;
}

export function createPrinterSimulator(options: PrinterSimulatorOptions = {}): PrinterSimulator {
  const engine = new PrintEngine(options.now, options.paperWidth ?? 80, options.font);
  const identity: SimulatedIdentity = {
    firmware: 'SIM-1.4.0',
    maker: 'KIOSK-SIM',
    model: `SIM-${options.paperWidth ?? 80}`,
    ...options.identity,
  };
  const listeners = new Set<(receipt: PrintedReceipt) => void>();
  const sheets = new WeakMap<PrintedReceipt, Sheet>();
  const condition: SimulatedCondition = {
    paper: 'ok',
    coverOpen: false,
    offline: false,
    cutterError: false,
  };
  let last: PrintedReceipt | undefined;
  let budget: number | undefined;
  let speed: number | undefined;
  const queue: Pending[] = [];
  let pumping: ReturnType<typeof setTimeout> | undefined;

  const whenStopping = (change: () => void) => {
    const before = isStopped(condition);
    change();
    if (!before && isStopped(condition)) {
      engine.tear();
      queue.length = 0;
    }
  };

  const reply = (device: Transport, bytes: Uint8Array) => {
    if (device.isOpen) device.write(bytes).catch(() => undefined);
  };

  /** Applies one queued command; returns the paper it moved (dots). */
  function consume({ token, device }: Pending): number {
    if (isStopped(condition)) return 0;
    if (budget !== undefined) {
      if (token.size > budget) {
        debug('paper ran out mid-job');
        budget = undefined;
        whenStopping(() => (condition.paper = 'out'));
        return 0;
      }
      budget -= token.size;
    }
    if (token.kind === 'transmit-status') {
      if (options.answersTransmitStatus !== false && token.n % 48 === 1) {
        reply(device, Uint8Array.of(paperStatusByte(condition)));
      }
      return 0;
    }
    if (token.kind === 'transmit-id') {
      const answer = printerIdReply(identity, token.n);
      if (answer) reply(device, answer);
      return 0;
    }
    const before = engine.fedDots;
    const printed = engine.apply(token);
    if (printed) {
      last = printed.receipt;
      sheets.set(printed.receipt, printed.sheet);
      debug(
        'printed a receipt of %d lines, %d mm',
        printed.receipt.lines.length,
        printed.receipt.lengthMm,
      );
      for (const listener of listeners) listener(printed.receipt);
    }
    return engine.fedDots - before;
  }

  function pump(): void {
    if (pumping) return;
    while (queue.length > 0) {
      const moved = consume(queue.shift() as Pending);
      if (speed !== undefined && moved > 0) {
        // The mechanism needs moved / (speed · 8 dots/mm) seconds for this much paper.
        pumping = setTimeout(
          () => {
            pumping = undefined;
            pump();
          },
          (moved / (speed * DOTS_PER_MM)) * 1000,
        );
        return;
      }
    }
  }

  return {
    attach(device) {
      const tokenizer = new EscPosTokenizer();
      const offData = device.onData((chunk) => {
        for (const token of tokenizer.push(chunk)) {
          if (token.kind === 'status-request') {
            // Real-time: answered on receipt, ahead of anything queued, even while stopped.
            reply(device, Uint8Array.of(realtimeStatusByte(condition, token.n)));
            continue;
          }
          if (isStopped(condition)) continue;
          queue.push({ token, device });
        }
        pump();
      });
      const offClose = device.onClose(() => detach());
      const detach = () => {
        offData();
        offClose();
      };
      return detach;
    },
    onPrinted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastReceipt: () => last,
    sheetOf: (receipt = last) => (receipt ? sheets.get(receipt) : undefined),
    setPaper(level) {
      whenStopping(() => (condition.paper = level));
      if (level !== 'out') budget = undefined;
    },
    setCoverOpen(open) {
      whenStopping(() => (condition.coverOpen = open));
    },
    setOffline(value) {
      whenStopping(() => (condition.offline = value));
    },
    setCutterError(jammed) {
      whenStopping(() => (condition.cutterError = jammed));
    },
    runOutOfPaperAfter(bytes) {
      budget = bytes;
    },
    setSpeed(mmPerSecond) {
      if (mmPerSecond !== undefined && !(mmPerSecond > 0))
        throw new RangeError('speed must be > 0');
      speed = mmPerSecond;
    },
    get paper() {
      return condition.paper;
    },
    get busy() {
      return queue.length > 0 || pumping !== undefined;
    },
  };
}
