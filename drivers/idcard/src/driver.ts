import createDebug from 'debug';
import { err, type Result } from '../../../electron/shared/result';
import { createRetryTimer } from '../../common/src/retry-timer';
import { createStatusChannel } from '../../common/src/status-channel';
import { raceAbort } from '../../transport/src/timing';
import type { TransportOpener } from '../../transport/src/transport';
import type { IdentityCard } from './card';
import { defaultIdCardDelays, type IdCardDelays } from './delays';
import { probeSam } from './probe';
import { readCard } from './read-card';
import { SamLink } from './sam-link';
import type { IdCardReadError, IdCardReaderStatus } from './status';

export { defaultIdCardDelays, type IdCardDelays } from './delays';
export type { IdCardReadError, IdCardReaderStatus } from './status';

const debug = createDebug('kiosk:idcard');

export interface IdCardReaderOptions {
  open: TransportOpener;
  delays?: Partial<IdCardDelays>;
}

export interface IdCardReader {
  readonly status: IdCardReaderStatus;
  /** Called on every status change; returns an unsubscribe. */
  onStatus(listener: (status: IdCardReaderStatus) => void): () => void;
  /**
   * Waits for a card (polling), then reads it. Resolves `cancelled` when `signal` aborts and
   * `no-reader` when the reader is absent or goes away meanwhile. Reads run one at a time.
   */
  readCard(options?: { signal?: AbortSignal }): Promise<Result<IdentityCard, IdCardReadError>>;
  /** Stops reconnecting and closes the port. */
  close(): Promise<void>;
}

/**
 * The resident-ID reader driver (DESIGN §2.3 layer 3). Lifecycle:
 *
 *   absent ──open() gives a transport──▶ probe (11 FF, 12 FF) ──90──▶ ready
 *     ▲  └─open() gives nothing: retry every reconnectMs   └─other─▶ error, retry every reconnectMs
 *     └──────────── transport lost / SAM error during a read ◀────────────┘
 */
export function createIdCardReader(options: IdCardReaderOptions): IdCardReader {
  const delays: IdCardDelays = { ...defaultIdCardDelays, ...options.delays };
  const status = createStatusChannel<IdCardReaderStatus>(
    { state: 'absent' },
    {
      same: (a, b) => JSON.stringify(a) === JSON.stringify(b),
      onChange: (next) => debug('status %s', next.state),
    },
  );
  const reconnect = createRetryTimer(delays.reconnectMs, () => void connect());
  let link: SamLink | undefined;
  let closed = false;
  /** The connection attempt under way, if any: a read arriving meanwhile waits for its verdict. */
  let connecting: Promise<void> | undefined;
  let reads: Promise<unknown> = Promise.resolve();

  const setStatus = (next: IdCardReaderStatus) => status.set(next);
  const scheduleConnect = () => {
    if (!closed) reconnect.schedule();
  };

  function connect(): Promise<void> {
    if (closed || link) return Promise.resolve();
    connecting ??= tryConnect().finally(() => (connecting = undefined));
    return connecting;
  }

  async function tryConnect(): Promise<void> {
    let transport;
    try {
      transport = await options.open();
    } catch (error) {
      // E.g. permission denied: the reader is there but unusable until a technician acts.
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ state: 'error', message: `cannot open the reader: ${message}` });
      scheduleConnect();
      return;
    }
    if (!transport) {
      setStatus({ state: 'absent' });
      scheduleConnect();
      return;
    }
    if (closed) {
      await transport.close();
      return;
    }
    const candidate = new SamLink(transport, delays.replyTimeoutMs);
    const probe = await probeSam(candidate);
    if (closed || !probe.ok || candidate.lost.aborted) {
      await candidate.close();
      if (closed) return;
      setStatus(
        probe.ok || probe.error.code === 'lost'
          ? { state: 'absent' }
          : { state: 'error', message: probe.error.message },
      );
      scheduleConnect();
      return;
    }
    link = candidate;
    candidate.lost.addEventListener('abort', () => {
      if (link !== candidate) return;
      link = undefined;
      setStatus({ state: 'absent' });
      scheduleConnect();
    });
    setStatus(
      probe.value.samId ? { state: 'ready', samId: probe.value.samId } : { state: 'ready' },
    );
  }

  async function readExclusive(signal?: AbortSignal) {
    if (signal?.aborted) return err({ code: 'cancelled' } as const);
    if (!link && connecting && (await raceAbort(connecting, signal)) === 'aborted') {
      return err({ code: 'cancelled' } as const);
    }
    const current = link;
    if (!current) return err({ code: 'no-reader' } as const);
    const result = await readCard(current, delays, signal);
    if (!result.ok && result.error.code === 'sam-error' && link === current) {
      // The SAM refused to work: stop trusting it until a fresh probe says otherwise.
      link = undefined;
      setStatus({ state: 'error', message: result.error.message });
      await current.close();
      scheduleConnect();
    }
    return result;
  }

  void connect();

  return {
    get status() {
      return status.current;
    },
    onStatus(listener) {
      return status.subscribe(listener);
    },
    async readCard({ signal } = {}) {
      const run = reads.then(() => readExclusive(signal));
      reads = run;
      const outcome = await raceAbort(run, signal);
      return outcome === 'aborted' ? err({ code: 'cancelled' }) : outcome;
    },
    async close() {
      closed = true;
      reconnect.cancel();
      const current = link;
      link = undefined;
      await current?.close();
      setStatus({ state: 'absent' });
    },
  };
}
