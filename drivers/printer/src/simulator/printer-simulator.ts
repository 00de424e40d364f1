import createDebug from 'debug';
import type { Transport } from '../../../transport/src/transport';
import { StatusBit, STATUS_FIXED_BITS, type StatusRequest } from '../protocol/status';
import { EscPosTokenizer } from './escpos-tokenizer';
import { PrintEngine, type PrintedReceipt } from './print-engine';

const debug = createDebug('kiosk:printer:sim');

export type PaperLevel = 'ok' | 'low' | 'out';

export interface PrinterSimulatorOptions {
  /** Clock for `printedAt` (tests pin it). */
  now?: () => Date;
}

/**
 * The printer's side of ESC/POS (DESIGN §2.3 layer 4) over any transport. It decodes jobs into
 * `PrintedReceipt`s and answers DLE EOT at once with bytes consistent with its knobs. While it
 * cannot print (paper out, cover open, offline, cutter jammed) it still answers DLE EOT, as a
 * real printer does, but drops everything else: the job in progress is lost, never half-counted.
 */
export interface PrinterSimulator {
  attach(device: Transport): () => void;
  onPrinted(listener: (receipt: PrintedReceipt) => void): () => void;
  lastReceipt(): PrintedReceipt | undefined;
  setPaper(level: PaperLevel): void;
  setCoverOpen(open: boolean): void;
  setOffline(offline: boolean): void;
  setCutterError(jammed: boolean): void;
  /** Paper runs out after this many more job bytes (mid-job paper-out). */
  runOutOfPaperAfter(bytes: number): void;
  readonly paper: PaperLevel;
}

export function createPrinterSimulator(options: PrinterSimulatorOptions = {}): PrinterSimulator {
  const engine = new PrintEngine(options.now);
  const listeners = new Set<(receipt: PrintedReceipt) => void>();
  let last: PrintedReceipt | undefined;
  let paper: PaperLevel = 'ok';
  let coverOpen = false;
  let offline = false;
  let cutterError = false;
  let budget: number | undefined;

  const stopped = () => paper === 'out' || coverOpen || offline || cutterError;
  const whenStopping = (change: () => void) => {
    const before = stopped();
    change();
    if (!before && stopped()) engine.tear();
  };

  function statusByte(n: StatusRequest): number {
    let byte = STATUS_FIXED_BITS;
    switch (n) {
      case 1:
        if (stopped()) byte |= StatusBit.offline;
        break;
      case 2:
        if (coverOpen) byte |= StatusBit.coverOpen;
        if (paper === 'out') byte |= StatusBit.paperEndStop;
        if (cutterError) byte |= StatusBit.errorOccurred;
        break;
      case 3:
        if (cutterError) byte |= StatusBit.autocutterError;
        break;
      case 4:
        if (paper !== 'ok') byte |= StatusBit.paperNearEnd;
        if (paper === 'out') byte |= StatusBit.paperEnd;
        break;
    }
    return byte;
  }

  return {
    attach(device) {
      const tokenizer = new EscPosTokenizer();
      const offData = device.onData((chunk) => {
        for (const token of tokenizer.push(chunk)) {
          if (token.kind === 'status-request') {
            if (device.isOpen)
              device.write(Uint8Array.of(statusByte(token.n))).catch(() => undefined);
            continue;
          }
          if (stopped()) continue;
          if (budget !== undefined) {
            if (token.size > budget) {
              debug('paper ran out mid-job');
              budget = undefined;
              whenStopping(() => (paper = 'out'));
              continue;
            }
            budget -= token.size;
          }
          const receipt = engine.apply(token);
          if (receipt) {
            last = receipt;
            debug('printed a receipt of %d lines', receipt.lines.length);
            for (const listener of listeners) listener(receipt);
          }
        }
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
    setPaper(level) {
      whenStopping(() => (paper = level));
      if (level !== 'out') budget = undefined;
    },
    setCoverOpen(open) {
      whenStopping(() => (coverOpen = open));
    },
    setOffline(value) {
      whenStopping(() => (offline = value));
    },
    setCutterError(jammed) {
      whenStopping(() => (cutterError = jammed));
    },
    runOutOfPaperAfter(bytes) {
      budget = bytes;
    },
    get paper() {
      return paper;
    },
  };
}
