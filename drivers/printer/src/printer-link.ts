import createDebug from 'debug';
import { err, ok, type Result } from '../../../electron/shared/result';
import type { Transport } from '../../transport/src/transport';
import {
  decodeStatus,
  statusRequest,
  STATUS_REQUESTS,
  type PrinterStatus,
  type StatusDecodeError,
} from './protocol/status';

const debug = createDebug('kiosk:printer');

export type LinkError = { code: 'lost' } | { code: 'timeout' } | StatusDecodeError;

/**
 * One open connection to a printer with a lock: a status query (four DLE EOT round trips) and a
 * job never interleave, so every reply byte is matched to the request that asked for it.
 */
export class PrinterLink {
  private readonly lostController = new AbortController();
  private readonly unsubscribe: (() => void)[];
  private waiting: ((byte: number | undefined) => void) | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    readonly transport: Transport,
    private readonly replyTimeoutMs: number,
  ) {
    this.unsubscribe = [
      transport.onData((chunk) => {
        for (const byte of chunk) {
          const waiting = this.waiting;
          if (waiting) waiting(byte);
          else debug('ignored unsolicited byte %d', byte);
        }
      }),
      transport.onClose(() => this.markLost()),
    ];
    if (!transport.isOpen) this.markLost();
  }

  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  queryStatus(): Promise<Result<PrinterStatus, LinkError>> {
    return this.exclusive(async () => {
      const bytes: number[] = [];
      for (const n of STATUS_REQUESTS) {
        const byte = await this.ask(statusRequest(n));
        if (byte === 'lost' || byte === 'timeout') return err({ code: byte });
        bytes.push(byte);
      }
      const [printer = 0, offlineCause = 0, errorCause = 0, paperSensor = 0] = bytes;
      return decodeStatus({ printer, offlineCause, errorCause, paperSensor });
    });
  }

  send(job: Uint8Array): Promise<Result<void, { code: 'lost' }>> {
    return this.exclusive(async () => {
      if (this.lost.aborted) return err({ code: 'lost' } as const);
      try {
        await this.transport.write(job);
        debug('sent a %d-byte job', job.length);
        return ok();
      } catch {
        return err({ code: 'lost' } as const);
      }
    });
  }

  async close(): Promise<void> {
    this.markLost();
    for (const off of this.unsubscribe) off();
    await this.transport.close();
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Writes a real-time request and waits for its one-byte answer. */
  private ask(request: Uint8Array): Promise<number | 'lost' | 'timeout'> {
    if (this.lost.aborted) return Promise.resolve('lost');
    return new Promise((resolve) => {
      const finish = (outcome: number | 'lost' | 'timeout') => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(outcome);
      };
      const timer = setTimeout(() => finish('timeout'), this.replyTimeoutMs);
      this.waiting = (byte) => finish(byte ?? 'lost');
      this.transport.write(request).catch(() => finish('lost'));
    });
  }

  private markLost(): void {
    if (this.lost.aborted) return;
    this.lostController.abort();
    this.waiting?.(undefined);
  }
}
