import createDebug from 'debug';
import { err, type Result } from '../../../electron/shared/result';
import type { Transport, TransportCloseReason } from '../../transport/src/transport';
import { encodeNamedCommand, type CommandName } from './protocol/commands';
import { FrameAccumulator, type FrameError, type ResponseFrame } from './protocol/frame';
import { describeSw3 } from './protocol/status-codes';

const debug = createDebug('kiosk:idcard');

export type ExchangeError =
  { code: 'timeout' } | { code: 'lost' } | { code: 'bad-frame'; error: FrameError };

export interface SamLinkTimeouts {
  /** For reads (30 xx). */
  replyTimeoutMs: number;
  /** For every other command. */
  quickReplyTimeoutMs: number;
}

const isRead = (name: CommandName) => name.startsWith('read-');

/**
 * One open connection to a reader: the transport, the reply accumulator and a lock so exactly one
 * command is on the wire at a time (the SAM protocol is strictly half-duplex: command, reply).
 * A command that was sent keeps the lock until its reply or its timeout, even if the caller has
 * stopped waiting, so a late reply can never be taken for the answer to the next command.
 */
export class SamLink {
  private readonly accumulator = new FrameAccumulator();
  private readonly lostController = new AbortController();
  private readonly unsubscribe: (() => void)[];
  private pending: ((reply: Result<ResponseFrame, ExchangeError>) => void) | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /** When the last reply (or timeout) came: the idle health check skips a busy link. */
  lastExchangeAt = 0;
  /** Timeouts since the last reply: a reader that went silent (the driver then re-probes it). */
  silentExchanges = 0;

  constructor(
    readonly transport: Transport,
    private readonly timeouts: SamLinkTimeouts,
  ) {
    this.unsubscribe = [
      transport.onData((chunk) => this.receive(chunk)),
      transport.onClose((reason) => this.markLost(reason)),
    ];
    if (!transport.isOpen) this.markLost({ kind: 'lost', message: 'closed before use' });
  }

  /** Aborts when the transport goes away. */
  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  exchange(name: CommandName): Promise<Result<ResponseFrame, ExchangeError>> {
    const run = this.tail.then(() => this.send(name));
    this.tail = run;
    return run;
  }

  /** Stops listening and closes the transport. */
  async close(): Promise<void> {
    this.markLost({ kind: 'closed-by-host' });
    this.release();
    await this.transport.close();
  }

  /** Stops listening but leaves the transport open (a probe handing the port on). */
  release(): void {
    for (const off of this.unsubscribe) off();
  }

  private send(name: CommandName): Promise<Result<ResponseFrame, ExchangeError>> {
    if (this.lost.aborted) return Promise.resolve(err({ code: 'lost' }));
    // Whatever is still buffered belongs to an earlier, finished exchange.
    this.accumulator.reset();
    const timeoutMs = isRead(name)
      ? this.timeouts.replyTimeoutMs
      : this.timeouts.quickReplyTimeoutMs;
    return new Promise((resolve) => {
      let done = false;
      const finish = (reply: Result<ResponseFrame, ExchangeError>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.pending = undefined;
        this.lastExchangeAt = performance.now();
        this.silentExchanges =
          !reply.ok && reply.error.code === 'timeout' ? this.silentExchanges + 1 : 0;
        if (reply.ok) debug('← %s %s', name, describeSw3(reply.value.sw3));
        else debug('← %s failed: %s', name, reply.error.code);
        resolve(reply);
      };
      const timer = setTimeout(() => finish(err({ code: 'timeout' })), timeoutMs);
      this.pending = finish;
      debug('→ %s', name);
      this.transport.write(encodeNamedCommand(name)).catch(() => finish(err({ code: 'lost' })));
    });
  }

  private receive(chunk: Uint8Array): void {
    for (const outcome of this.accumulator.push(chunk)) {
      const pending = this.pending;
      if (!pending) {
        debug('dropped a frame nobody asked for');
        continue;
      }
      pending(outcome.ok ? outcome : err({ code: 'bad-frame', error: outcome.error }));
    }
  }

  private markLost(reason: TransportCloseReason): void {
    if (this.lost.aborted) return;
    debug('link %s gone (%s)', this.transport.label, reason.kind);
    this.lostController.abort();
    this.pending?.(err({ code: 'lost' }));
  }
}
