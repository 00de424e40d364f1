import createDebug from 'debug';
import { err, ok, type Result } from '../../../electron/shared/result';
import type { Transport } from '../../transport/src/transport';
import { concat, transmitPaperStatus, transmitPrinterId } from './protocol/escpos';
import {
  canPrint,
  decodeStatus,
  isPaperStatusReply,
  isRealtimeStatusReply,
  statusRequest,
  STATUS_REQUESTS,
  type PrinterStatus,
  type StatusDecodeError,
  type StatusReplies,
} from './protocol/status';

const debug = createDebug('kiosk:printer');

export type LinkError = { code: 'lost' } | { code: 'timeout' } | StatusDecodeError;

/** How a job ended, as far as the printer told us. */
export type JobOutcome =
  /** The printer reached the GS r 1 after the job: everything before it is printed and cut. */
  | { kind: 'done' }
  /** A status check during the job said the printer stopped (paper out, cover open…). */
  | { kind: 'stopped'; status: PrinterStatus }
  /** No GS r answer in time, and the printer never said it stopped (units without GS r). */
  | { kind: 'unconfirmed' }
  | { kind: 'lost' };

export interface JobWatch {
  /** DLE EOT checks while waiting for the job's end. */
  pollMs: number;
  /** Longest wait for the GS r 1 answer. */
  timeoutMs: number;
  /** Append GS r 1 and wait for it; false: just poll for `timeoutMs` (printers without GS r). */
  confirm: boolean;
}

export interface PrinterIdentity {
  firmware?: string;
  maker?: string;
  model?: string;
}

/**
 * One open connection to a printer with a lock: status queries (four DLE EOT round trips), jobs
 * and ID queries never interleave their requests. Replies are told apart by their fixed bits:
 * a DLE EOT reply always has bit 4 set, a GS r reply never, so a job can wait for its GS r
 * answer while DLE EOT checks run. GS I answers (`_ text NUL`) are read alone.
 */
export class PrinterLink {
  private readonly lostController = new AbortController();
  private readonly unsubscribe: (() => void)[];
  private statusWaiter: ((byte: number | undefined) => void) | undefined;
  private paperWaiter: ((byte: number | undefined) => void) | undefined;
  private rawWaiter: ((byte: number | undefined) => void) | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly transport: Transport,
    private readonly replyTimeoutMs: number,
  ) {
    this.unsubscribe = [
      transport.onData((chunk) => {
        for (const byte of chunk) this.route(byte);
      }),
      transport.onClose(() => this.markLost()),
    ];
    if (!transport.isOpen) this.markLost();
  }

  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  /** The four raw DLE EOT replies (the test page prints them bit by bit). */
  queryStatusReplies(): Promise<Result<StatusReplies, { code: 'lost' } | { code: 'timeout' }>> {
    return this.exclusive(() => this.askAll());
  }

  queryStatus(): Promise<Result<PrinterStatus, LinkError>> {
    return this.exclusive(async () => {
      const replies = await this.askAll();
      return replies.ok ? decodeStatus(replies.value) : replies;
    });
  }

  /**
   * Sends a job and follows it to its end: GS r 1 appended, its answer awaited, with a DLE EOT
   * check every `pollMs` so a printer that stops mid-job (paper out, cover open) fails the job
   * at once instead of at the timeout.
   */
  runJob(job: Uint8Array, watch: JobWatch): Promise<JobOutcome> {
    return this.exclusive(async () => {
      if (this.lost.aborted) return { kind: 'lost' } as const;
      const done = watch.confirm ? this.waitPaperReply(watch.timeoutMs) : undefined;
      try {
        await this.transport.write(watch.confirm ? concat([job, transmitPaperStatus()]) : job);
        debug('sent a %d-byte job', job.length);
      } catch {
        this.paperWaiter?.(undefined);
        return { kind: 'lost' } as const;
      }
      const deadline = Date.now() + watch.timeoutMs;
      let finished: 'done' | 'lost' | 'timeout' | undefined;
      void done?.then((outcome) => (finished = outcome));
      while (finished === undefined && Date.now() < deadline) {
        await Promise.race([done ?? never, delay(Math.min(watch.pollMs, deadline - Date.now()))]);
        if (finished !== undefined) break;
        const replies = await this.askAll();
        if (!replies.ok) {
          if (replies.error.code === 'lost') return { kind: 'lost' } as const;
          continue; // a late reply: ask again next round
        }
        const status = decodeStatus(replies.value);
        if (status.ok && !canPrint(status.value)) {
          this.paperWaiter?.(undefined);
          return { kind: 'stopped', status: status.value } as const;
        }
      }
      if (finished === 'done') return { kind: 'done' } as const;
      if (finished === 'lost' || this.lost.aborted) return { kind: 'lost' } as const;
      this.paperWaiter?.(undefined);
      return { kind: 'unconfirmed' } as const;
    });
  }

  /** GS I 65/66/67; a field the printer does not answer is left out. */
  queryIdentity(): Promise<PrinterIdentity> {
    return this.exclusive(async () => {
      const identity: PrinterIdentity = {};
      const fields = [
        [65, 'firmware'],
        [66, 'maker'],
        [67, 'model'],
      ] as const;
      for (const [n, field] of fields) {
        const text = await this.askText(transmitPrinterId(n));
        if (text !== undefined) identity[field] = text;
      }
      return identity;
    });
  }

  async close(): Promise<void> {
    this.markLost();
    for (const off of this.unsubscribe) off();
    await this.transport.close();
  }

  private route(byte: number): void {
    if (this.rawWaiter) return this.rawWaiter(byte);
    if (this.statusWaiter && isRealtimeStatusReply(byte)) return this.statusWaiter(byte);
    if (this.paperWaiter && isPaperStatusReply(byte)) return this.paperWaiter(byte);
    debug('ignored unsolicited byte %d', byte);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async askAll(): Promise<Result<StatusReplies, { code: 'lost' } | { code: 'timeout' }>> {
    const bytes: number[] = [];
    for (const n of STATUS_REQUESTS) {
      const byte = await this.ask(statusRequest(n));
      if (byte === 'lost' || byte === 'timeout') return err({ code: byte });
      bytes.push(byte);
    }
    const [printer = 0, offlineCause = 0, errorCause = 0, paperSensor = 0] = bytes;
    return ok({ printer, offlineCause, errorCause, paperSensor });
  }

  /** Writes a real-time request and waits for its one-byte answer. */
  private ask(request: Uint8Array): Promise<number | 'lost' | 'timeout'> {
    if (this.lost.aborted) return Promise.resolve('lost');
    return new Promise((resolve) => {
      const finish = (outcome: number | 'lost' | 'timeout') => {
        clearTimeout(timer);
        this.statusWaiter = undefined;
        resolve(outcome);
      };
      const timer = setTimeout(() => finish('timeout'), this.replyTimeoutMs);
      this.statusWaiter = (byte) => finish(byte ?? 'lost');
      this.transport.write(request).catch(() => finish('lost'));
    });
  }

  private waitPaperReply(timeoutMs: number): Promise<'done' | 'lost' | 'timeout'> {
    return new Promise((resolve) => {
      const finish = (outcome: 'done' | 'lost' | 'timeout') => {
        clearTimeout(timer);
        this.paperWaiter = undefined;
        resolve(outcome);
      };
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      this.paperWaiter = (byte) =>
        finish(byte !== undefined ? 'done' : this.lost.aborted ? 'lost' : 'timeout');
    });
  }

  /** GS I n: `_` (0x5F), ASCII text, NUL; `undefined` when the printer does not answer. */
  private askText(request: Uint8Array): Promise<string | undefined> {
    if (this.lost.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const bytes: number[] = [];
      const finish = (text: string | undefined) => {
        clearTimeout(timer);
        this.rawWaiter = undefined;
        resolve(text);
      };
      const timer = setTimeout(() => finish(undefined), this.replyTimeoutMs);
      this.rawWaiter = (byte) => {
        if (byte === undefined) return finish(undefined);
        if (bytes.length === 0 && byte !== 0x5f) return; // not the header: skip
        if (byte === 0x00) return finish(Buffer.from(bytes.slice(1)).toString('latin1').trim());
        bytes.push(byte);
      };
      this.transport.write(request).catch(() => finish(undefined));
    });
  }

  private markLost(): void {
    if (this.lost.aborted) return;
    this.lostController.abort();
    this.statusWaiter?.(undefined);
    this.paperWaiter?.(undefined);
    this.rawWaiter?.(undefined);
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
const never = new Promise<never>(() => undefined);
