/**
 * String channels (electron/shared/rpc.ts `StringChannel`) over the two ways a driver process can
 * be attached: a Node child process's IPC pipe (browser shell, tests) and an Electron
 * `utilityProcess` (`child.postMessage` / `process.parentPort`). Only strings cross, so the
 * serialisation is ours (JSON, see wire.ts) and the same over both. No `electron` import here
 * (DESIGN §2.1): the Electron objects are described by the few members used.
 */
import type { ChildProcess } from 'node:child_process';
import type { StringChannel } from '../../../shared/rpc';

/** The host's end of a Node child's IPC pipe. A send to a child that is gone is dropped. */
export function childProcessChannel(child: ChildProcess): StringChannel {
  return {
    send(text) {
      if (!child.connected) return;
      // The callback swallows EPIPE from a child dying between the check and the write: the
      // supervisor learns of the death from `exit`, not from here.
      child.send(text, (error) => void error);
    },
    onMessage(listener) {
      const handler = (message: unknown) => {
        if (typeof message === 'string') listener(message);
      };
      child.on('message', handler);
      return () => void child.off('message', handler);
    },
  };
}

/** The worker's end of the pipe its parent opened (`stdio: [..., 'ipc']`). */
export function parentProcessChannel(proc: NodeJS.Process = process): StringChannel {
  return {
    send(text) {
      if (!proc.connected || !proc.send) return;
      proc.send(text, undefined, undefined, (error) => void error);
    },
    onMessage(listener) {
      const handler = (message: unknown) => {
        if (typeof message === 'string') listener(message);
      };
      proc.on('message', handler);
      return () => void proc.off('message', handler);
    },
  };
}

/** What the host uses of Electron's `UtilityProcess` (returned by `utilityProcess.fork`). */
export interface UtilityProcessLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

/** The host's end of an Electron utility process. Not runnable without Electron. */
export function utilityProcessChannel(child: UtilityProcessLike): StringChannel {
  return {
    send: (text) => child.postMessage(text),
    onMessage(listener) {
      const handler = (message: unknown) => {
        if (typeof message === 'string') listener(message);
      };
      child.on('message', handler);
      return () => void child.off('message', handler);
    },
  };
}

/** What the worker uses of Electron's `process.parentPort` (a `ParentPort`, MessagePortMain-like). */
export interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
}

/** The worker's end inside an Electron utility process. Not runnable without Electron. */
export function parentPortChannel(port: ParentPortLike): StringChannel {
  return {
    send: (text) => port.postMessage(text),
    onMessage(listener) {
      const handler = (event: { data: unknown }) => {
        if (typeof event.data === 'string') listener(event.data);
      };
      port.on('message', handler);
      return () => void port.off('message', handler);
    },
  };
}
