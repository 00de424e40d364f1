import createDebug from 'debug';
import { createRetryTimer } from '../../common/src/retry-timer';
import { createStatusChannel, type StatusChannel } from '../../common/src/status-channel';
import type { TransportOpener } from '../../transport/src/transport';
import type { IdCardDelays } from './delays';
import { checkSamStatus, probeSam } from './probe';
import { SamLink } from './sam-link';
import type { IdCardReaderStatus } from './status';

const debug = createDebug('kiosk:idcard');

/**
 * The reader's connection lifecycle (DESIGN §2.3 layer 3):
 *
 *   absent ──open() gives a transport──▶ probe (11 FF, 12 FF) ──90──▶ ready
 *     ▲  └─open() gives nothing: retry every reconnectMs   └─other─▶ error, retry every reconnectMs
 *     └──────── transport lost ◀── ready ──▶ SAM fault / silent reader ──▶ error (re-probe)
 */
export interface Connection {
  readonly status: StatusChannel<IdCardReaderStatus>;
  /** The trusted link, if the reader is ready. */
  readonly link: SamLink | undefined;
  /** Resolves when the connection attempt under way (if any) has its verdict. */
  settled(): Promise<void>;
  /** Checks the SAM on `link` (11 FF); on failure stops trusting it. Call it inside the op lock. */
  recheck(link: SamLink): Promise<void>;
  /** Stops trusting `link`: closes it, shows `status` and re-probes after reconnectMs. */
  distrust(link: SamLink, status: IdCardReaderStatus): Promise<void>;
  close(): Promise<void>;
}

export function createConnection(open: TransportOpener, delays: IdCardDelays): Connection {
  const status = createStatusChannel<IdCardReaderStatus>(
    { state: 'absent' },
    {
      same: (a, b) => JSON.stringify(a) === JSON.stringify(b),
      onChange: (next) => debug('status %s', next.state === 'error' ? next.reason : next.state),
    },
  );
  const reconnect = createRetryTimer(delays.reconnectMs, () => void connect());
  let link: SamLink | undefined;
  let closed = false;
  let connecting: Promise<void> | undefined;

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
      transport = await open();
    } catch (error) {
      // E.g. permission denied: the reader is there but unusable until a technician acts.
      const message = error instanceof Error ? error.message : String(error);
      status.set({
        state: 'error',
        reason: 'cannot-open',
        message: `cannot open the reader: ${message}`,
      });
      scheduleConnect();
      return;
    }
    if (!transport) {
      status.set({ state: 'absent' });
      scheduleConnect();
      return;
    }
    if (closed) {
      await transport.close();
      return;
    }
    const candidate = new SamLink(transport, delays);
    const probe = await probeSam(candidate);
    if (closed || !probe.ok || candidate.lost.aborted) {
      await candidate.close();
      if (closed) return;
      status.set(
        probe.ok || probe.error.code === 'lost'
          ? { state: 'absent' }
          : { state: 'error', reason: probe.error.reason, message: probe.error.message },
      );
      scheduleConnect();
      return;
    }
    link = candidate;
    candidate.lost.addEventListener('abort', () => {
      if (link !== candidate) return;
      link = undefined;
      status.set({ state: 'absent' });
      scheduleConnect();
    });
    status.set(
      probe.value.samId ? { state: 'ready', samId: probe.value.samId } : { state: 'ready' },
    );
  }

  async function distrust(current: SamLink, next: IdCardReaderStatus): Promise<void> {
    if (link !== current) return;
    link = undefined;
    status.set(next);
    await current.close();
    scheduleConnect();
  }

  void connect();

  return {
    status,
    get link() {
      return link;
    },
    settled: () => connecting ?? Promise.resolve(),
    async recheck(current) {
      if (link !== current || current.lost.aborted) return;
      const check = await checkSamStatus(current);
      if (check.ok || check.error.code === 'lost') return;
      debug('reader failed its health check: %s', check.error.reason);
      await distrust(current, {
        state: 'error',
        reason: check.error.reason,
        message: check.error.message,
      });
    },
    distrust,
    async close() {
      closed = true;
      reconnect.cancel();
      const current = link;
      link = undefined;
      await current?.close();
      status.set({ state: 'absent' });
    },
  };
}
