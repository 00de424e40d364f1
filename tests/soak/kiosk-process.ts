/**
 * The kiosk as its own process for the soak: the browser shell (`electron/browser/main.ts`) on a
 * configuration file with short screen delays and the platform simulator as a second process.
 * Its memory and descriptors are read from /proc, so nothing of the harness is counted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready`)));
  });
}

function tsx(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export interface KioskProcess {
  url: string;
  pid: number;
  /** Resident memory of the kiosk process, in bytes. */
  rss(): number;
  openFds(): number;
  stop(): Promise<void>;
}

export async function startKioskProcess(): Promise<KioskProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-soak-'));
  const platform = tsx(
    'tests/platform-sim/main.ts',
    ['--pki-dir', join(dir, 'pki'), '--port', '0'],
    process.env,
  );
  const platformUrl = await waitForLine(platform, /listening on (\S+)/, 'the platform simulator');
  const config = join(dir, 'kiosk.json');
  writeFileSync(
    config,
    JSON.stringify({
      dataDir: join(dir, 'data'),
      platform: {
        mode: 'real',
        url: platformUrl,
        caFile: join(dir, 'pki', 'platform-ca.pem'),
        certFile: join(dir, 'pki', 'terminal.pem'),
        keyFile: join(dir, 'pki', 'terminal.key'),
      },
      session: { identifiedMs: 50, endedScreenMs: 50 },
      ui: { openBrowser: false },
    }),
  );
  const kiosk = tsx('electron/browser/main.ts', [], { ...process.env, KIOSK_CONFIG: config });
  const url = await waitForLine(kiosk, /Kiosk UI: (\S+)/, 'the kiosk');
  const pid = kiosk.pid ?? 0;
  const stopped = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return {
    url,
    pid,
    rss() {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('VmRSS:'));
      return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
    },
    openFds: () => readdirSync(`/proc/${pid}/fd`).length,
    async stop() {
      await stopped(kiosk);
      await stopped(platform);
    },
  };
}
