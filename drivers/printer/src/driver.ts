import createDebug from 'debug';
import { assertNever, err, ok, type Result } from '../../../electron/shared/result';
import { createRetryTimer } from '../../common/src/retry-timer';
import { createStatusChannel } from '../../common/src/status-channel';
import type { TransportOpener } from '../../transport/src/transport';
import type { PrinterJobCounters } from './counters';
import { defaultPrinterDelays, type PrinterDelays } from './delays';
import { PrinterLink, type PrinterIdentity } from './printer-link';
import { createRefillWatch } from './refill-watch';
import { canPrint, decodeStatus, type PrinterStatus, type StatusReplies } from './protocol/status';
import { jobPaperLengthMm } from './stream/paper-length';

export { defaultPrinterDelays, type PrinterDelays } from './delays';
export type { PrinterStatus } from './protocol/status';
export type { PrinterIdentity } from './printer-link';

const debug = createDebug('kiosk:printer');

export type PrintError =
  | { code: 'paper-out' | 'cover-open' | 'offline' | 'absent' | 'cutter-error' | 'busy' }
  | { code: 'other'; message: string };

export interface ReceiptPrinterOptions {
  open: TransportOpener;
  delays?: Partial<PrinterDelays>;
  /**
   * Follow each job to its end with GS r 1 (default). Off for units that do not answer it: the
   * driver then waits `printSettleMs` and checks the status once.
   */
  confirmCompletion?: boolean;
  /** For measuring each job's paper (counters). Default 80. */
  paperWidth?: 80 | 58;
  /** Paper counters: every printed job is recorded; their forecast can raise `paper-low`. */
  counters?: PrinterJobCounters;
}

export interface PrinterDiagnostics {
  status: PrinterStatus;
  replies: StatusReplies;
  identity: PrinterIdentity;
}

export interface ReceiptPrinter {
  readonly status: PrinterStatus;
  onStatus(listener: (status: PrinterStatus) => void): () => void;
  /** Asks the printer now (DLE EOT 1..4) and returns what it said. */
  refreshStatus(): Promise<PrinterStatus>;
  /**
   * Prints one job. Starts only if the printer can print (`paper-low` can); resolves `ok` only
   * once the printer confirmed the job (GS r 1 answered) or, for units without GS r, never
   * reported a stop. Paper running out or the cover opening meanwhile fails the job: it is
   * never reported printed. One job at a time (`busy` otherwise).
   */
  print(job: Uint8Array): Promise<Result<void, PrintError>>;
  /** Status bytes and GS I answers, for the technician's test page. */
  diagnostics(): Promise<Result<PrinterDiagnostics, { code: 'absent' | 'offline' }>>;
  close(): Promise<void>;
}

/**
 * The ESC/POS receipt printer driver (DESIGN §2.3 layer 3):
 *
 *   absent ──open() gives a transport──▶ status query ──▶ ready | paper-low | paper-out | …
 *     ▲  └─nothing: retry every reconnectMs        └─ re-queried every statusPollMs when idle,
 *     │                                               and before, during and after every job
 *     └──────────────────── transport lost ◀──────────────┘
 */
export function createReceiptPrinter(options: ReceiptPrinterOptions): ReceiptPrinter {
  const delays: PrinterDelays = { ...defaultPrinterDelays, ...options.delays };
  const confirm = options.confirmCompletion ?? true;
  const status = createStatusChannel<PrinterStatus>(
    { state: 'absent' },
    {
      same: (a, b) => a.state === b.state,
      onChange: (next) => debug('status %s', next.state),
    },
  );
  const refills = options.counters ? createRefillWatch(options.counters) : undefined;
  const reconnect = createRetryTimer(delays.reconnectMs, () => void connect());
  let link: PrinterLink | undefined;
  let closed = false;
  let printing = false;
  let connecting: Promise<void> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  let lastSensed: PrinterStatus = { state: 'absent' };

  /** What the sensors said, with the counters' forecast raising `paper-low` before the sensor. */
  function publish(sensed: PrinterStatus): PrinterStatus {
    lastSensed = sensed;
    refills?.observe(sensed);
    const next: PrinterStatus =
      sensed.state === 'ready' && options.counters?.forecast().low
        ? { state: 'paper-low', forecast: true }
        : sensed;
    status.set(next);
    return next;
  }

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
      publish({ state: 'absent' });
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
      publish({ state: 'absent' });
      scheduleReconnect();
    });
    await refreshStatus();
    schedulePoll();
  }

  /** Queries `current` and records the answer; no answer at all counts as offline. */
  async function query(current: PrinterLink): Promise<PrinterStatus> {
    const answer = await current.queryStatus();
    if (answer.ok) return publish(answer.value);
    const next: PrinterStatus =
      answer.error.code === 'lost' ? { state: 'absent' } : { state: 'offline' };
    if (answer.error.code !== 'lost') debug('status query failed: %s', answer.error.code);
    if (link === current) publish(next);
    return next;
  }

  async function currentLink(): Promise<PrinterLink | undefined> {
    if (connecting && !link) await connecting;
    return link;
  }

  async function refreshStatus(): Promise<PrinterStatus> {
    const current = await currentLink();
    if (!current) return { state: 'absent' };
    return query(current);
  }

  async function printJob(job: Uint8Array): Promise<Result<void, PrintError>> {
    const current = await currentLink();
    if (!current) return err({ code: 'absent' });
    const before = await query(current);
    if (!canPrint(before)) return err(printErrorOf(before));
    const outcome = await current.runJob(job, {
      confirm,
      pollMs: delays.jobPollMs,
      timeoutMs: confirm ? delays.jobTimeoutMs : delays.printSettleMs,
    });
    switch (outcome.kind) {
      case 'lost':
        return err({ code: 'absent' });
      case 'stopped':
        debug('job failed: %s while printing', outcome.status.state);
        publish(outcome.status);
        return err(printErrorOf(outcome.status));
      case 'done':
      case 'unconfirmed': {
        const after = await query(current);
        // Confirmed by the printer: printed, whatever the sensor says now (the paper may end
        // right after the cut). Unconfirmed: printed only if the printer can still print.
        if (outcome.kind === 'unconfirmed' && !canPrint(after)) {
          debug('job failed: %s after sending', after.state);
          return err(printErrorOf(after));
        }
        if (options.counters) {
          options.counters.recordJob(jobPaperLengthMm(job, options.paperWidth ?? 80));
          publish(lastSensed); // the forecast may have crossed its mark with this job
        }
        return ok();
      }
      default:
        return assertNever(outcome, 'job outcome');
    }
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
    async diagnostics() {
      const current = await currentLink();
      if (!current) return err({ code: 'absent' });
      const replies = await current.queryStatusReplies();
      if (!replies.ok) return err({ code: replies.error.code === 'lost' ? 'absent' : 'offline' });
      const decoded = decodeStatus(replies.value);
      const identity = await current.queryIdentity();
      return ok({
        status: decoded.ok ? publish(decoded.value) : { state: 'offline' },
        replies: replies.value,
        identity,
      });
    },
    async close() {
      closed = true;
      reconnect.cancel();
      clearTimeout(pollTimer);
      const current = link;
      link = undefined;
      await current?.close();
      status.set({ state: 'absent' });
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
