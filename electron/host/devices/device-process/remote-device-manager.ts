/**
 * The host's `DeviceManager` when the drivers run in a worker process (issue 8): the same
 * interface as device-manager.ts, answered over a string channel, with a supervisor that restarts
 * the worker when it dies (supervisor-policy.ts).
 *
 * While the worker is down both devices are `absent` — which is what the screen already knows how
 * to show — and every operation answers as the driver does for an absent device: a read resolves
 * `no-reader`, a print `absent`. Nothing throws, nothing waits for a process that is gone. The
 * synchronous getters (statuses, paper counters, the simulators' last receipt) answer from what
 * the worker last pushed.
 */
import createDebug from 'debug';
import { createBirpc } from 'birpc';
import { err, ok, type Result } from '../../../shared/result';
import { channelOptions } from '../../../shared/rpc';
import type { DeviceStatusView, PrintedReceiptView } from '../../../shared/views';
import type { KioskConfig } from '../../config/schema';
import {
  defaultIdCardDelays,
  type IdCardReader,
  type IdCardReaderStatus,
} from '../../../../drivers/idcard/src/driver';
import { watchCards } from '../../../../drivers/idcard/src/watch-cards';
import type { PrinterStatus, ReceiptPrinter } from '../../../../drivers/printer/src/driver';
import { idCardStateOf, printerStateOf, type DeviceManager } from '../device-manager';
import type { PrinterCounters } from '../printer-counters';
import type { SimulatedDevices } from '../simulated-devices';
import {
  defaultSupervisorTimings,
  initialSupervisorState,
  workerExited,
  workerStarted,
  type SupervisorTimings,
} from './supervisor-policy';
import {
  bytesToWire,
  cardFromWire,
  hostEventNames,
  type HostFunctions,
  type WireCounters,
  type WorkerFunctions,
  type WorkerHello,
  type WorkerRpc,
  type WorkerState,
} from './wire';
import { watchLiveness, type LivenessWatch } from './liveness';
import { remoteSimulators } from './remote-simulators';
import { nodeWorkerRunner, type WorkerHandle, type WorkerRunner } from './worker-runner';

const debug = createDebug('kiosk:devices');

export interface RemoteDeviceManagerOptions {
  devices: KioskConfig['devices'];
  dataDir: string;
  /** Default: a Node child running device-worker.ts through tsx. */
  runner?: WorkerRunner;
  timings?: Partial<SupervisorTimings>;
  /** The supervisor's clock (ms). */
  now?: () => number;
  /** For the operators' log: a worker came up, died, or hung and was killed. */
  onWorkerEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { what: 'up'; pid: number | undefined; restarts: number }
  | { what: 'exited'; code: number | null; signal: string | null; restartInMs: number }
  | { what: 'hung'; pid: number | undefined };

/** The supervision, for the technician view and tests. */
export interface WorkerSupervision {
  /** The running worker's pid; undefined while it is down. */
  readonly pid: number | undefined;
  /** Workers started after the first. */
  readonly restarts: number;
  /** Resolves once a worker serves (at once if one does). */
  whenUp(): Promise<void>;
}

export interface RemoteDeviceManager extends DeviceManager {
  worker: WorkerSupervision;
}

interface Connection {
  handle: WorkerHandle;
  rpc: WorkerRpc;
  /** Settles when the worker is gone; calls under way race it. */
  lost: Promise<void>;
  isLost: boolean;
  liveness?: LivenessWatch;
}

const ABSENT: { idcard: IdCardReaderStatus; printer: PrinterStatus } = {
  idcard: { state: 'absent' },
  printer: { state: 'absent' },
};
const ignore = () => undefined;

export async function createRemoteDeviceManager(
  options: RemoteDeviceManagerOptions,
): Promise<RemoteDeviceManager> {
  const { devices } = options;
  const timings: SupervisorTimings = { ...defaultSupervisorTimings, ...options.timings };
  const now = options.now ?? (() => Date.now());
  const runner = options.runner ?? nodeWorkerRunner({ devices, dataDir: options.dataDir });
  const report = options.onWorkerEvent ?? ignore;

  // ---- what the worker last told us ----
  let idcardStatus: IdCardReaderStatus = ABSENT.idcard;
  let printerStatus: PrinterStatus = ABSENT.printer;
  // Before the first hello: an untouched roll (the worker's file has the truth).
  let counters: WireCounters = {
    snapshot: {
      printsSinceRefill: 0,
      paperMmSinceRefill: 0,
      refilledAt: null,
      rollLengthMm: devices.printer.rollLengthM * 1000,
      totalPrints: 0,
    },
    forecast: {
      remainingMm: devices.printer.rollLengthM * 1000,
      averageJobMm: 0,
      jobsLeft: 0,
      low: false,
    },
  };
  let sampleCards: SimulatedDevices['idcard']['sampleCards'] = [];
  let lastReceipt: PrintedReceiptView | undefined;

  const idcardListeners = new Set<(status: IdCardReaderStatus) => void>();
  const printerListeners = new Set<(status: PrinterStatus) => void>();
  const changeListeners = new Set<(statuses: DeviceStatusView[]) => void>();
  const printedListeners = new Set<(receipt: PrintedReceiptView) => void>();
  const progressListeners = new Map<string, (phase: 'card-found') => void>();

  const statuses = (): DeviceStatusView[] => [
    {
      name: 'idcard',
      state: idCardStateOf(idcardStatus),
      simulated: devices.idcard.kind === 'simulated',
      ...(idcardStatus.state === 'error' ? { detail: idcardStatus.message } : {}),
    },
    {
      name: 'printer',
      state: printerStateOf(printerStatus),
      simulated: devices.printer.kind === 'simulated',
    },
  ];
  let lastViews = JSON.stringify(statuses());
  const applyState = (state: Pick<WorkerState, 'idcard' | 'printer'> & Partial<WorkerState>) => {
    if (state.counters) counters = state.counters;
    if (JSON.stringify(state.idcard) !== JSON.stringify(idcardStatus)) {
      idcardStatus = state.idcard;
      for (const listener of idcardListeners) listener(idcardStatus);
    }
    if (JSON.stringify(state.printer) !== JSON.stringify(printerStatus)) {
      printerStatus = state.printer;
      for (const listener of printerListeners) listener(printerStatus);
    }
    const views = statuses();
    const text = JSON.stringify(views);
    if (text === lastViews) return;
    lastViews = text;
    for (const listener of changeListeners) listener(views);
  };

  // ---- supervision ----
  let current: Connection | undefined;
  /** The last worker spawned, up or still starting; `close()` must not leave it behind. */
  let latest: Connection | undefined;
  let supervisor = initialSupervisorState;
  let restarts = -1;
  let closed = false;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let upWaiters: (() => void)[] = [];

  const hostFunctions: HostFunctions = {
    hello: ignore, // replaced per connection below
    state: (state) => applyState(state),
    readProgress: (callId, phase) => progressListeners.get(callId)?.(phase),
    printed(receipt) {
      lastReceipt = receipt;
      for (const listener of printedListeners) listener(receipt);
    },
  };

  const start = () => {
    restartTimer = undefined;
    restarts += 1;
    const handle = runner();
    let markLost: () => void = ignore;
    const lost = new Promise<void>((resolve) => (markLost = resolve));
    const rpc: WorkerRpc = createBirpc<WorkerFunctions, HostFunctions>(
      {
        ...hostFunctions,
        hello: (hello) => onHello(connection, hello),
      },
      {
        ...channelOptions(handle.channel),
        eventNames: hostEventNames,
        // A card read lasts as long as the resident takes; a dead worker is noticed by `exit`.
        timeout: -1,
      },
    );
    const connection: Connection = { handle, rpc, lost, isLost: false };
    latest = connection;
    // A worker hung while opening its ports never says hello: kill it, the exit restarts it.
    const startTimer = setTimeout(() => {
      if (current !== connection) handle.kill('SIGKILL');
    }, timings.startTimeoutMs);
    handle.onExit((exit) => {
      clearTimeout(startTimer);
      connection.liveness?.stop();
      connection.isLost = true;
      markLost();
      rpc.$close();
      if (current === connection) current = undefined;
      debug('device worker exited (code %s, signal %s)', exit.code, exit.signal);
      applyState(ABSENT);
      if (closed) return;
      const next = workerExited(supervisor, now(), timings);
      supervisor = next.state;
      report({
        what: 'exited',
        code: exit.code,
        signal: exit.signal,
        restartInMs: next.restartInMs,
      });
      debug('restarting the device worker in %d ms', next.restartInMs);
      restartTimer = setTimeout(start, next.restartInMs);
    });
  };

  const onHello = (connection: Connection, hello: WorkerHello) => {
    if (connection.isLost) return;
    current = connection;
    supervisor = workerStarted(supervisor, now());
    if (hello.simulators) {
      sampleCards = hello.simulators.sampleCards.map((sample) => ({
        ...sample,
        card: cardFromWire(sample.card),
      }));
      lastReceipt = hello.simulators.lastReceipt ?? undefined;
    }
    applyState(hello);
    debug('device worker up (pid %s)', connection.handle.pid);
    report({ what: 'up', pid: connection.handle.pid, restarts: Math.max(0, restarts) });
    connection.liveness = watchLiveness(
      () => connection.rpc.ping(),
      () => {
        // Alive but deaf: the exit that follows restarts it like any crash.
        debug('device worker %s did not answer a ping: killing it', connection.handle.pid);
        report({ what: 'hung', pid: connection.handle.pid });
        connection.handle.kill('SIGKILL');
      },
      timings,
    );
    const waiters = upWaiters;
    upWaiters = [];
    for (const waiter of waiters) waiter();
  };

  const whenUp = () =>
    current ? Promise.resolve() : new Promise<void>((resolve) => upWaiters.push(resolve));

  /**
   * One call to the worker: `whileDown` when there is none or it dies before answering. A
   * rejection from a live worker is a bug there and propagates.
   */
  const call = async <T>(whileDown: () => T, run: (rpc: WorkerRpc) => Promise<T>): Promise<T> => {
    const connection = current;
    if (!connection) return whileDown();
    const answer = run(connection.rpc).catch((error: unknown) => {
      if (connection.isLost) return whileDown();
      throw error;
    });
    return Promise.race([answer, connection.lost.then(whileDown)]);
  };
  const send = (run: (rpc: WorkerRpc) => Promise<void>) => {
    if (current) void run(current.rpc).catch(ignore);
  };

  let nextCallId = 0;
  const withCallId = async <T>(
    signal: AbortSignal | undefined,
    onProgress: ((phase: 'card-found') => void) | undefined,
    whileDown: () => T,
    run: (rpc: WorkerRpc, callId: string) => Promise<T>,
  ): Promise<T> => {
    const callId = String((nextCallId += 1));
    if (onProgress) progressListeners.set(callId, onProgress);
    const cancel = () => send((rpc) => rpc.cancel.asEvent(callId));
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await call(whileDown, (rpc) => run(rpc, callId));
    } finally {
      signal?.removeEventListener('abort', cancel);
      progressListeners.delete(callId);
    }
  };

  // ---- the DeviceManager ----
  const idcard: IdCardReader = {
    get status() {
      return idcardStatus;
    },
    onStatus(listener) {
      idcardListeners.add(listener);
      return () => void idcardListeners.delete(listener);
    },
    async readCard(readOptions = {}) {
      const { signal, onProgress } = readOptions;
      if (signal?.aborted) return err({ code: 'cancelled' });
      const gone = () =>
        err(signal?.aborted ? { code: 'cancelled' as const } : { code: 'no-reader' as const });
      const read = await withCallId(signal, onProgress, gone, (rpc, callId) =>
        rpc.readCard(callId),
      );
      return read.ok ? ok(cardFromWire(read.value)) : read;
    },
    async waitForRemoval(waitOptions = {}) {
      const { signal } = waitOptions;
      if (signal?.aborted) return err({ code: 'cancelled' });
      return withCallId(
        signal,
        undefined,
        (): Result<void, { code: 'cancelled' } | { code: 'no-reader' }> =>
          err(signal?.aborted ? { code: 'cancelled' } : { code: 'no-reader' }),
        (rpc, callId) => rpc.waitForRemoval(callId),
      );
    },
    watchCards({ signal, onEvent }) {
      return watchCards(idcard, { signal, onEvent, pauseMs: defaultIdCardDelays.reconnectMs });
    },
    whenSettled: () =>
      call(
        () => ABSENT.idcard,
        (rpc) => rpc.whenSettled(),
      ),
    close: async () => undefined, // the worker closes its drivers when the manager closes
  };

  const printer: ReceiptPrinter = {
    get status() {
      return printerStatus;
    },
    onStatus(listener) {
      printerListeners.add(listener);
      return () => void printerListeners.delete(listener);
    },
    refreshStatus: () =>
      call(
        () => ABSENT.printer,
        (rpc) => rpc.refreshStatus(),
      ),
    print: (job) =>
      call(
        () => err({ code: 'absent' as const }),
        (rpc) => rpc.print(bytesToWire(job)),
      ),
    diagnostics: () =>
      call(
        () => err({ code: 'absent' as const }),
        (rpc) => rpc.diagnostics(),
      ),
    close: async () => undefined,
  };

  const printerCounters: PrinterCounters = {
    // Both answered by the worker, which owns the counters file; it pushes the new counters back.
    recordJob: (lengthMm) => send((rpc) => rpc.recordJob.asEvent(lengthMm)),
    refill: () => send((rpc) => rpc.refill.asEvent()),
    snapshot: () => counters.snapshot,
    forecast: () => counters.forecast,
  };

  const needsSimulators =
    devices.idcard.kind === 'simulated' || devices.printer.kind === 'simulated';
  const simulators =
    needsSimulators && process.env.KIOSK_BUILD !== 'production'
      ? remoteSimulators({
          send,
          sampleCards: () => sampleCards,
          lastReceipt: () => lastReceipt,
          onPrinted(listener) {
            printedListeners.add(listener);
            return () => void printedListeners.delete(listener);
          },
        })
      : undefined;

  start();
  // Like createDeviceManager, resolve once the drivers were created — but never hang on a worker
  // that cannot start: the devices are absent then and the supervisor keeps trying.
  await Promise.race([whenUp(), delay(timings.startTimeoutMs)]);

  return {
    idcard,
    printer,
    printerCounters,
    statuses,
    onChange(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    onPrinted(listener) {
      printedListeners.add(listener);
      return () => void printedListeners.delete(listener);
    },
    ...(simulators ? { simulators } : {}),
    worker: {
      get pid() {
        return current?.handle.pid;
      },
      get restarts() {
        return Math.max(0, restarts);
      },
      whenUp,
    },
    async close() {
      closed = true;
      latest?.liveness?.stop();
      if (restartTimer) clearTimeout(restartTimer);
      const connection = latest;
      if (connection && !connection.isLost) {
        // Let a serving worker close its ports itself; then ask it to go, then make it.
        if (current === connection) {
          await Promise.race([
            call(ignore, (rpc) => rpc.close()).catch(ignore),
            delay(timings.closeTimeoutMs),
          ]);
        }
        connection.handle.kill('SIGTERM');
        await Promise.race([connection.lost, delay(timings.closeTimeoutMs)]);
        if (!connection.isLost) connection.handle.kill('SIGKILL');
      }
      changeListeners.clear();
      printedListeners.clear();
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
