import { spawn, type ChildProcess } from 'node:child_process';
import { findSocat } from './pty-pair';

/**
 * A socat pty pair whose host end has a stable name: socat makes `hostLink` a symlink to its
 * pty and removes it when it exits, so a simulator process can "unplug" (end socat: the link
 * vanishes, as udev removes a USB-serial node) and "plug" (start socat again: the same name
 * comes back) while the driver or kioskctl keep using one path:
 *
 *   socat -d -d pty,raw,echo=0,link=HOSTLINK pty,raw,echo=0
 */
export interface LinkedPtyPair {
  /** The stable path the host opens. */
  hostPath: string;
  /** The other end, for the simulator (a /dev/pts/N that changes on every start). */
  devicePath: string;
  /** Ends socat; resolves when it has exited and removed the link. */
  close(): Promise<void>;
}

export function openLinkedPtyPair(hostLink: string, timeoutMs = 5000): Promise<LinkedPtyPair> {
  const socat = findSocat();
  if (!socat) return Promise.reject(new Error('socat is not installed'));
  const child = spawn(socat, ['-d', '-d', `pty,raw,echo=0,link=${hostLink}`, 'pty,raw,echo=0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const paths: string[] = [];
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`socat did not start: ${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`socat exited: ${stderr.trim()}`));
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      stderr += text;
      for (const match of text.matchAll(/PTY is (\S+)/g)) paths.push(match[1] ?? '');
      if (paths.length === 2 && stderr.includes('starting data transfer loop')) {
        clearTimeout(timer);
        resolve({ hostPath: hostLink, devicePath: paths[1] ?? '', close: () => stop(child) });
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
