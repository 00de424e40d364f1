import { createBirpc } from 'birpc';
import { describe, expect, it } from 'vitest';
import { channelOptions, type StringChannel } from '../../../shared/rpc';
import { configSchema } from '../../config/schema';
import { createRemoteDeviceManager, type WorkerEvent } from './remote-device-manager';
import type { HostFunctions, WorkerFunctions, WorkerHello } from './wire';
import type { WorkerExit, WorkerHandle, WorkerRunner } from './worker-runner';

const devices = configSchema.parse({}).devices;

/** A worker that never answers: it dies `dieAfterMs` after start, or hangs until killed. */
function silentRunner(dieAfterMs?: number): {
  runner: WorkerRunner;
  starts: number[];
  kills: string[];
} {
  const starts: number[] = [];
  const kills: string[] = [];
  const runner: WorkerRunner = () => {
    starts.push(Date.now());
    const listeners: ((exit: WorkerExit) => void)[] = [];
    let gone = false;
    const exit = (exit: WorkerExit) => {
      if (gone) return;
      gone = true;
      for (const listener of listeners) listener(exit);
    };
    if (dieAfterMs !== undefined) setTimeout(() => exit({ code: 1, signal: null }), dieAfterMs);
    const handle: WorkerHandle = {
      pid: 4242,
      channel: { send: () => undefined, onMessage: () => () => undefined },
      onExit: (listener) => void listeners.push(listener),
      kill(signal = 'SIGTERM') {
        kills.push(signal);
        setTimeout(() => exit({ code: null, signal }), 1);
      },
    };
    return handle;
  };
  return { runner, starts, kills };
}

/** Two ends of an in-memory string channel, delivering asynchronously like a pipe. */
function channelPair(): [StringChannel, StringChannel] {
  const listeners: [Set<(text: string) => void>, Set<(text: string) => void>] = [
    new Set(),
    new Set(),
  ];
  const end = (mine: 0 | 1): StringChannel => ({
    send: (text) => {
      for (const listener of listeners[mine === 0 ? 1 : 0]) setImmediate(() => listener(text));
    },
    onMessage: (listener) => {
      listeners[mine].add(listener);
      return () => void listeners[mine].delete(listener);
    },
  });
  return [end(0), end(1)];
}

/**
 * Workers that say hello and answer pings; the first `hangingWorkers` stop answering (their event
 * loop "stuck") once `hang()` is called — alive, but deaf, until killed.
 */
function helloRunner(hangingWorkers: number) {
  const kills: { pid: number; signal: string }[] = [];
  let started = 0;
  const hangs: (() => void)[] = [];
  const hello = {
    idcard: { state: 'absent' },
    printer: { state: 'absent' },
    counters: {
      snapshot: {
        printsSinceRefill: 0,
        paperMmSinceRefill: 0,
        refilledAt: null,
        rollLengthMm: 80_000,
        totalPrints: 0,
      },
      forecast: { remainingMm: 80_000, averageJobMm: 0, jobsLeft: 0, low: false },
    },
  } as WorkerHello;
  const runner: WorkerRunner = () => {
    started += 1;
    const pid = 5000 + started;
    const [hostEnd, workerEnd] = channelPair();
    let deaf = false;
    if (started <= hangingWorkers) hangs.push(() => (deaf = true));
    const worker = createBirpc<HostFunctions, Partial<WorkerFunctions>>(
      { ping: () => (deaf ? new Promise<void>(() => undefined) : Promise.resolve()) },
      { ...channelOptions(workerEnd), timeout: -1 },
    );
    const exitListeners: ((exit: WorkerExit) => void)[] = [];
    setImmediate(() => void worker.hello.asEvent(hello));
    return {
      pid,
      channel: hostEnd,
      onExit: (listener) => void exitListeners.push(listener),
      kill(signal = 'SIGTERM') {
        kills.push({ pid, signal });
        worker.$close();
        setTimeout(() => exitListeners.forEach((listener) => listener({ code: null, signal })), 1);
      },
    };
  };
  return { runner, kills, hangs, started: () => started };
}

describe('remote device manager supervision (fake workers)', () => {
  it('kills a worker that is alive but stops answering pings, and starts a new one', async () => {
    const { runner, kills, hangs, started } = helloRunner(1);
    const events: WorkerEvent[] = [];
    const manager = await createRemoteDeviceManager({
      devices,
      dataDir: '/nonexistent',
      runner,
      onWorkerEvent: (event) => events.push(event),
      timings: { initialDelayMs: 10, pingIntervalMs: 10, pingTimeoutMs: 60 },
    });
    expect(manager.worker.pid).toBe(5001);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(kills).toEqual([]); // answering: left alone through several pings
    hangs[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kills).toEqual([{ pid: 5001, signal: 'SIGKILL' }]);
    await manager.worker.whenUp();
    expect(manager.worker.pid).toBe(5002);
    expect(manager.worker.restarts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(started()).toBe(2); // the new one answers, and stays
    // What the operators' log is told, in order.
    expect(events).toEqual([
      { what: 'up', pid: 5001, restarts: 0 },
      { what: 'hung', pid: 5001 },
      { what: 'exited', code: null, signal: 'SIGKILL', restartInMs: 10 },
      { what: 'up', pid: 5002, restarts: 1 },
    ]);
    await manager.close();
  });

  it('a worker that dies at start: absent devices, answers at once, restarts with backoff', async () => {
    const { runner, starts } = silentRunner(5);
    const manager = await createRemoteDeviceManager({
      devices,
      dataDir: '/nonexistent',
      runner,
      timings: { initialDelayMs: 20, maxDelayMs: 80, startTimeoutMs: 200 },
    });
    expect(manager.statuses().map((device) => device.state)).toEqual(['absent', 'absent']);
    expect(await manager.idcard.readCard()).toEqual({ ok: false, error: { code: 'no-reader' } });
    expect(await manager.printer.print(Uint8Array.of(0x1b, 0x40))).toEqual({
      ok: false,
      error: { code: 'absent' },
    });
    expect(await manager.printer.diagnostics()).toEqual({ ok: false, error: { code: 'absent' } });
    expect(await manager.idcard.waitForRemoval()).toEqual({
      ok: false,
      error: { code: 'no-reader' },
    });
    expect(manager.worker.pid).toBeUndefined();
    await manager.close();
    const gaps = starts.slice(1).map((at, i) => at - (starts[i] ?? 0));
    // 20, 40, 80, 80 ms (+5 ms of life each, + timer slack): growing, then capped.
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(20);
    expect(gaps[1]).toBeGreaterThanOrEqual(40);
    expect(gaps[2]).toBeGreaterThanOrEqual(80);
    const count = starts.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(starts.length).toBe(count); // closed: no more restarts
  });

  it('kills a worker that never says hello within the start timeout', async () => {
    const { runner, kills, starts } = silentRunner();
    const manager = await createRemoteDeviceManager({
      devices,
      dataDir: '/nonexistent',
      runner,
      timings: { initialDelayMs: 10, startTimeoutMs: 50 },
    });
    expect(kills).toContain('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(starts.length).toBeGreaterThanOrEqual(2);
    const aborted = new AbortController();
    aborted.abort();
    expect(await manager.idcard.readCard({ signal: aborted.signal })).toEqual({
      ok: false,
      error: { code: 'cancelled' },
    });
    const killsBefore = kills.length;
    await manager.close();
    // The worker still starting at close is not left behind.
    expect(kills.length).toBeGreaterThan(killsBefore);
  });
});
