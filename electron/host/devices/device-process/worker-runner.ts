/**
 * Starting a device worker (device-worker.ts) and learning of its death. The supervisor
 * (remote-device-manager.ts) only sees a `WorkerRunner`, so the browser shell's Node child and the
 * Electron shell's `utilityProcess` are interchangeable.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StringChannel } from '../../../shared/rpc';
import type { KioskConfig } from '../../config/schema';
import { childProcessChannel, utilityProcessChannel } from './channels';
import { WORKER_CONFIG_ENV } from './worker-config';

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerHandle {
  readonly pid: number | undefined;
  readonly channel: StringChannel;
  /** Called once, when the process is gone (or could not be started at all). */
  onExit(listener: (exit: WorkerExit) => void): void;
  kill(signal?: NodeJS.Signals): void;
}

export type WorkerRunner = () => WorkerHandle;

export interface WorkerLaunch {
  devices: KioskConfig['devices'];
  dataDir: string;
}

/** The environment a worker gets: the host's, plus its configuration as JSON. */
export function workerEnv(launch: WorkerLaunch): NodeJS.ProcessEnv {
  return {
    ...process.env,
    [WORKER_CONFIG_ENV]: JSON.stringify({
      devices: launch.devices,
      dataDir: resolve(launch.dataDir),
    }),
  };
}

/**
 * A Node child running the worker from source through tsx (development, browser shell, tests).
 * A packaged app has no tsx and no .ts files: it forks the bundled worker instead (see
 * device-worker.ts); pass `entry` and an empty `execArgv` then.
 */
export function nodeWorkerRunner(
  launch: WorkerLaunch,
  options: { entry?: string; execArgv?: string[] } = {},
): WorkerRunner {
  const entry = options.entry ?? fileURLToPath(new URL('./device-worker.ts', import.meta.url));
  const execArgv = options.execArgv ?? ['--import', 'tsx'];
  return () => {
    const child = spawn(process.execPath, [...execArgv, entry], {
      env: workerEnv(launch),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'json',
    });
    const exitListeners: ((exit: WorkerExit) => void)[] = [];
    let exited: WorkerExit | undefined;
    const exit = (value: WorkerExit) => {
      if (exited) return;
      exited = value;
      for (const listener of exitListeners) listener(value);
    };
    child.once('exit', (code, signal) => exit({ code, signal }));
    // `error` without `exit`: the process could not be spawned at all (e.g. ENOENT).
    child.once('error', () => {
      if (child.pid === undefined) exit({ code: null, signal: null });
    });
    return {
      pid: child.pid,
      channel: childProcessChannel(child),
      onExit(listener) {
        if (exited) listener(exited);
        else exitListeners.push(listener);
      },
      kill: (signal = 'SIGTERM') => void child.kill(signal),
    };
  };
}

/** What the Electron shell passes: `utilityProcess.fork` (kept out of the host: DESIGN §2.1). */
export interface UtilityProcessChild {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  kill(): boolean;
}

/**
 * The Electron shell's runner: `utilityProcessRunner(launch, bundledWorkerPath, (path, options)
 * => utilityProcess.fork(path, [], options))`; the worker side is `parentPortChannel`. Not runnable here (no Electron binary); the
 * supervisor above it is the one the Node runner exercises.
 */
export function utilityProcessRunner(
  launch: WorkerLaunch,
  entry: string,
  fork: (
    entry: string,
    options: { env: NodeJS.ProcessEnv; serviceName: string; stdio: 'inherit' },
  ) => UtilityProcessChild,
): WorkerRunner {
  return () => {
    const child = fork(entry, {
      env: workerEnv(launch),
      serviceName: 'kiosk-devices',
      stdio: 'inherit',
    });
    return {
      pid: child.pid,
      channel: utilityProcessChannel(child),
      onExit(listener) {
        // A utility process reports an exit code only; a crash shows as a non-zero code.
        child.on('exit', (code) => listener({ code, signal: null }));
      },
      kill: () => void child.kill(),
    };
  };
}
