import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = join(import.meta.dirname, '..', 'simulator', 'main.ts');

/**
 * The standalone simulator (`simulator/main.ts --pty`) as a child process, for integration tests
 * and the bench: it sits on its own event loop, so its reply pacing competes with nothing in
 * the process under test.
 */
export interface SimProcess {
  portPath: string;
  /** Sends one console command and resolves with its answer (`ok`, or a listing). */
  command(line: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startSimProcess(args: string[] = []): Promise<SimProcess> {
  const portPath = join(tmpdir(), `kiosk-idcard-${randomUUID().slice(0, 8)}`);
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, '--pty', '--port', portPath, ...args],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  const early: string[] = [];
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else early.push(line);
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = early.shift();
      if (queued !== undefined) return resolve(queued);
      const timer = setTimeout(() => reject(new Error(`simulator silent: ${stderr}`)), 15_000);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  const first = await nextLine();
  if (first !== `pty: ${portPath}`) throw new Error(`simulator said ${first} ${stderr}`);
  await nextLine(); // usage hint
  await nextLine(); // "commands on stdin"
  return {
    portPath,
    async command(line) {
      child.stdin.write(`${line}\n`);
      return nextLine();
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
