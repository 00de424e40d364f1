import createDebug from 'debug';
import { assertNever, err, ok, type Result } from '../../../electron/shared/result';
import { createRetryTimer } from '../../common/src/retry-timer';
import { createStatusChannel } from '../../common/src/status-channel';
import { sleep } from '../../transport/src/timing';
import type { TransportOpener } from '../../transport/src/transport';
import { defaultPrinterDelays, type PrinterDelays } from './delays';
import { PrinterLink } from './printer-link';
import { canPrint, type PrinterStatus } from './protocol/status';

export { defaultPrinterDelays, type PrinterDelays } from './delays';
export type { PrinterStatus } from './protocol/status';

const debug = createDebug('kiosk:printer');

export type PrintError =
  | { code: 'paper-out' | 'cover-open' | 'offline' | 'absent' | 'cutter-error' | 'busy' }
  | { code: 'other'; message: string };

export interface ReceiptPrinterOptions {
  open: TransportOpener;
  delays?: Partial<PrinterDelays>;
}

export interface ReceiptPrinter {
  readonly status: PrinterStatus;
  onStatus(listener: (status: PrinterStatus) => void): () => void;
  /** Asks the printer now (DLE EOT 1..4) and returns what it said. */
  refreshStatus(): Promise<PrinterStatus>;
  /**
   * Prints one job. Resolves `ok` only if the printer could print before the job and still can
   * after it: paper running out or the cover opening meanwhile fails the job. One job at a time
   * (`busy` otherwise).
   */
  print(job: Uint8Array): Promise<Result<void, PrintError>>;
  close(): Promise<void>;
}

/**
 * The ESC/POS receipt printer driver (DESIGN §2.3 layer 3):
 *
 *   absent ──open() gives a transport──▶ status query ──▶ ready | paper-low | paper-out | …
 *     ▲  └─nothing: retry every reconnectMs        └─ re-queried every statusPollMs when idle
 *     └──────────────────── transport lost ◀──────────────┘
 */
export function createReceiptPrinter(options: ReceiptPrinterOptions): ReceiptPrinter {
  const delays: PrinterDelays = { ...defaultPrinterDelays, ...options.delays };
  const status = createStatusChannel<PrinterStatus>(
    { state: 'absent' },
    { same: (a, b) => a.state === b.state, onChange: (next) => debug('status %s', next.state) },
  );
  const reconnect = createRetryTimer(delays.reconnectMs, () => void connect());
  let link: PrinterLink | undefined;
  let closed = false;
  let printing = false;
  let connecting: Promise<void> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: PrinterStatus) => status.set(next);
  const scheduleReconnect = () => {
    if (!closed) reconnect.schedule();
  };

  function schedulePoll(): void {
    if (closed) return;
    clearTimeout(pollTimer);
    pollTimer = setTimeout(() => {
      if (!link) return;
      // A job in progress does its own status checks; polling resumes after it.
      const poll = printing ? Promise.resolve(status.current) : refreshStatus();
      void poll.then(() => link && schedulePoll());
    }, delays.statusPollMs);
    pollTimer.unref?.();
  }

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
      debug('cannot open the printer: %s', error instanceof Error ? error.message : error);
    }
    if (!transport) {
      setStatus({ state: 'absent' });
      scheduleReconnect();
      return;
    }
    if (closed) {
      await transport.close();
      return;
    }
    const candidate = new PrinterLink(transport, delays.replyTimeoutMs);
    link = candidate;
    candidate.lost.addEventListener('abort', () => {
      if (link !== candidate) return;
      link = undefined;
      clearTimeout(pollTimer);
      setStatus({ state: 'absent' });
      scheduleReconnect();
    });
    await refreshStatus();
    schedulePoll();
  }

  /** Queries `current` and records the answer; no answer at all counts as offline. */
  async function query(current: PrinterLink): Promise<PrinterStatus> {
    const answer = await current.queryStatus();
    if (answer.ok) {
      setStatus(answer.value);
      return answer.value;
    }
    const next: PrinterStatus =
      answer.error.code === 'lost' ? { state: 'absent' } : { state: 'offline' };
    if (answer.error.code !== 'lost') debug('status query failed: %s', answer.error.code);
    if (link === current) setStatus(next);
    return next;
  }

  async function refreshStatus(): Promise<PrinterStatus> {
    if (connecting && !link) await connecting;
    const current = link;
    if (!current) return { state: 'absent' };
    return query(current);
  }

  async function printJob(job: Uint8Array): Promise<Result<void, PrintError>> {
    if (connecting && !link) await connecting;
    const current = link;
    if (!current) return err({ code: 'absent' });
    const before = await query(current);
    if (!canPrint(before)) return err(printErrorOf(before));
    const sent = await current.send(job);
    if (!sent.ok) return err({ code: 'absent' });
    if (await sleep(delays.printSettleMs, current.lost)) return err({ code: 'absent' });
    const after = await query(current);
    if (!canPrint(after)) {
      debug('job failed: %s after sending', after.state);
      return err(printErrorOf(after));
    }
    return ok();
  }

  void connect();

  return {
    get status() {
      return status.current;
    },
    onStatus(listener) {
      return status.subscribe(listener);
    },
    refreshStatus,
    async print(job) {
      if (printing) return err({ code: 'busy' });
      printing = true;
      try {
        return await printJob(job);
      } finally {
        printing = false;
      }
    },
    async close() {
      closed = true;
      reconnect.cancel();
      clearTimeout(pollTimer);
      const current = link;
      link = undefined;
      await current?.close();
      setStatus({ state: 'absent' });
    },
  };
}

function printErrorOf(status: PrinterStatus): PrintError {
  switch (status.state) {
    case 'paper-out':
    case 'cover-open':
    case 'cutter-error':
    case 'offline':
    case 'absent':
      return { code: status.state };
    case 'ready':
    case 'paper-low':
      return { code: 'other', message: `not an error: ${status.state}` };
    default:
      return assertNever(status, 'printer status');
  }
}
