import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * A connected pair of pseudo-terminals made by socat, so a simulator can sit on one end and a
 * driver (or the whole app) on the other exactly as on a serial port (DESIGN §2.3 layer 4):
 *
 *   socat -d -d pty,raw,echo=0 pty,raw,echo=0
 *
 * socat prints `N PTY is /dev/pts/X` for each end on stderr, then "starting data transfer loop".
 */
export interface PtyPair {
  /** The two device paths, e.g. `/dev/pts/3` and `/dev/pts/4`. */
  paths: [string, string];
  /** Ends socat: both ptys go away, which is what pulling a USB-serial adapter looks like. */
  close(): Promise<void>;
}

export function findSocat(): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(delimiter)) {
    const candidate = join(dir, 'socat');
    if (existsSync(candidate)) return candidate;
  }
  return existsSync('/usr/bin/socat') ? '/usr/bin/socat' : undefined;
}

/** Starts socat; rejects when it is missing or does not come up within `timeoutMs`. */
export function openPtyPair(timeoutMs = 5000): Promise<PtyPair> {
  return startSocat('pty,raw,echo=0', timeoutMs);
}

/**
 * socat with `firstEnd` (a pty address, possibly with `link=`) joined to a plain pty; resolves
 * with both pty paths once the data loop runs, rejects if socat is missing, exits, or stays silent.
 */
export function startSocat(firstEnd: string, timeoutMs: number): Promise<PtyPair> {
  const socat = findSocat();
  if (!socat) return Promise.reject(new Error('socat is not installed'));
  const child = spawn(socat, ['-d', '-d', firstEnd, 'pty,raw,echo=0'], {
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
        resolve({ paths: [paths[0] ?? '', paths[1] ?? ''], close: () => stop(child) });
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
