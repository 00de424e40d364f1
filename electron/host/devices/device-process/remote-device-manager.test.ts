import { describe, expect, it } from 'vitest';
import { configSchema } from '../../config/schema';
import { createRemoteDeviceManager } from './remote-device-manager';
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

describe('remote device manager supervision (fake workers)', () => {
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
