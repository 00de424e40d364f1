/**
 * The reliability scenarios, shared by the short run inside `npm test`
 * (tests/integration/outbox-crash.test.ts) and the long one (`npx tsx tests/reliability/run.ts`):
 *
 * - **kill**: a writer process submitting cases is SIGKILLed at random moments, N times, while the
 *   platform is slow, sometimes failing and sometimes losing its answers; then a last process
 *   drains the outbox. Every case the resident was told about must be on the platform exactly
 *   once, no case twice, and the database must pass `integrity_check`.
 * - **outage**: the platform is down (connections refused) while cases are submitted and for a
 *   while after; then it comes back and everything queued arrives, once.
 * - **lost answers**: the platform processes every case but its answers are lost; the retries with
 *   the same key get the original answers, and there is one case per submission.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DATABASE_FILE,
  integrityCheck,
  openKioskDatabase,
} from '../../electron/host/outbox/kiosk-database';
import { createOutboxStore } from '../../electron/host/outbox/outbox-store';
import type { OutboxTimings } from '../../electron/host/outbox/outbox-timings';
import { NORMAL_CONDITIONS, seededRandom } from '../platform-sim/faults';
import type { PlatformConditions } from '../platform-sim/faults';
import { readTerminalTls } from '../platform-sim/pki';
import { startPlatformSimulator } from '../platform-sim/server';
import type { PlatformSimulator } from '../platform-sim/server';
import { caseToQueue, openTestOutbox, testClient } from './outbox-kit';
import type { WriterArgs } from './writer';

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The outbox's waits in these runs: short, so a run takes seconds, not hours. */
export const RELIABILITY_OUTBOX: Partial<OutboxTimings> = {
  submitWaitMs: 1_500,
  leaseMs: 4_000,
  pollMs: 100,
  retryBaseMs: 20,
  retryCapMs: 1_000,
};

/** A bad day for the kill runs: slow, a few 500s, a few answers lost after processing. */
export const ROUGH_PLATFORM: Partial<PlatformConditions> = {
  latencyMs: 15,
  errorRate: 0.05,
  lostResponseRate: 0.1,
};

export type Verdict = {
  told: number;
  received: number;
  /** clientCaseIds the resident was told about that never reached the platform. */
  missing: string[];
  /** clientCaseIds that reached the platform more than once. */
  duplicates: string[];
  integrity: string[];
  /** Records not delivered at the end (dead letters or still waiting). */
  undelivered: { id: string; state: string; reason: string | null }[];
  /** Records still holding their sealed payload after delivery. */
  payloadsLeft: number;
  passed: boolean;
};

type World = { sim: PlatformSimulator; dir: string; dataDir: string; close(): Promise<void> };

async function world(seed: number): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-'));
  const sim = await startPlatformSimulator({
    pkiDir: join(dir, 'pki'),
    terminalId: 'T-370100-0042',
    seed,
  });
  return {
    sim,
    dir,
    dataDir: join(dir, 'terminal'),
    async close() {
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads the told log; a torn last line (killed mid-write) was never fsynced as told. */
function toldIds(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => /^[0-9a-f-]{36} (accepted|queued)$/.test(line))
    .map((line) => line.slice(0, 36));
}

export function verify(w: { sim: PlatformSimulator; dataDir: string }, told: string[]): Verdict {
  const counts = new Map<string, number>();
  for (const c of w.sim.receivedCases())
    counts.set(c.clientCaseId, (counts.get(c.clientCaseId) ?? 0) + 1);
  const db = openKioskDatabase(join(w.dataDir, DATABASE_FILE));
  const integrity = integrityCheck(db);
  const entries = createOutboxStore(db).list();
  db.close();
  const missing = told.filter((id) => !counts.has(id));
  const duplicates = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  const undelivered = entries
    .filter((e) => e.state !== 'sent')
    .map((e) => ({ id: e.id, state: e.state, reason: e.deadReason ?? e.lastError }));
  const payloadsLeft = entries.filter((e) => e.state === 'sent' && e.hasPayload).length;
  return {
    told: told.length,
    received: counts.size,
    missing,
    duplicates,
    integrity,
    undelivered,
    payloadsLeft,
    passed:
      missing.length === 0 &&
      duplicates.length === 0 &&
      integrity.join() === 'ok' &&
      undelivered.length === 0 &&
      payloadsLeft === 0,
  };
}

function runWriter(
  args: WriterArgs,
  killAfterReadyMs?: number,
): Promise<{ code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, JSON.stringify(args)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (killAfterReadyMs !== undefined && chunk.includes('ready') && !timer) {
        timer = setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterReadyMs);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, killed });
    });
  });
}

export type KillOptions = {
  kills: number;
  seed: number;
  /** Each writer is killed this long after it is ready: uniformly in [min, max]. */
  killAfterMs: [number, number];
  drainTimeoutMs: number;
  conditions?: Partial<PlatformConditions>;
  log?: (line: string) => void;
};

export async function killScenario(options: KillOptions): Promise<Verdict & { kills: number }> {
  const w = await world(options.seed);
  const random = seededRandom(options.seed);
  try {
    w.sim.setConditions({ ...ROUGH_PLATFORM, ...options.conditions });
    const toldLog = join(w.dir, 'told.log');
    const base: WriterArgs = {
      mode: 'write',
      dataDir: w.dataDir,
      url: w.sim.url,
      pkiDir: w.sim.pki.dir,
      toldLog,
      count: 10_000,
      drainTimeoutMs: options.drainTimeoutMs,
      timings: RELIABILITY_OUTBOX,
    };
    let kills = 0;
    for (let i = 0; i < options.kills; i += 1) {
      const [min, max] = options.killAfterMs;
      const delay = Math.round(min + random() * (max - min));
      const run = await runWriter(base, delay);
      if (run.killed) kills += 1;
      options.log?.(
        `writer ${i + 1}: killed after ${delay} ms; told so far ${toldIds(toldLog).length}`,
      );
    }
    w.sim.setConditions(NORMAL_CONDITIONS);
    const drain = await runWriter({ ...base, mode: 'drain' });
    if (drain.code !== 0) options.log?.(`drain exited ${drain.code}`);
    return { ...verify(w, toldIds(toldLog)), kills };
  } finally {
    await w.close();
  }
}

export type OutageOptions = {
  cases: number;
  outageMs: number;
  seed: number;
  log?: (line: string) => void;
};

export async function outageScenario(
  options: OutageOptions,
): Promise<Verdict & { deliveredAfterReturnMs: number }> {
  const w = await world(options.seed);
  const client = testClient({ url: w.sim.url, tls: await readTerminalTls(w.sim.pki) });
  const box = await openTestOutbox({ dir: w.dataDir, client, timings: RELIABILITY_OUTBOX });
  try {
    await w.sim.setOnline(false);
    const told: string[] = [];
    for (let i = 0; i < options.cases; i += 1) {
      const input = caseToQueue();
      const result = await box.outbox.submitCase(input);
      if (result.ok && result.value.kind === 'queued') told.push(input.submission.clientCaseId);
    }
    options.log?.(`${told.length} cases queued; platform down for ${options.outageMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, options.outageMs));
    await w.sim.setOnline(true);
    const back = performance.now();
    while (box.outbox.depth().pending > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const deliveredAfterReturnMs = Math.round(performance.now() - back);
    await box.close();
    await client.close();
    return { ...verify(w, told), deliveredAfterReturnMs };
  } finally {
    await w.close();
  }
}

export async function lostAnswersScenario(options: {
  cases: number;
  seed: number;
}): Promise<Verdict> {
  const w = await world(options.seed);
  const client = testClient({ url: w.sim.url, tls: await readTerminalTls(w.sim.pki) });
  const box = await openTestOutbox({ dir: w.dataDir, client, timings: RELIABILITY_OUTBOX });
  try {
    w.sim.setConditions({ lostResponseRate: 1, operations: ['submitCase'] });
    const told: string[] = [];
    for (let i = 0; i < options.cases; i += 1) {
      const input = caseToQueue();
      const result = await box.outbox.submitCase(input);
      if (result.ok) told.push(input.submission.clientCaseId);
    }
    w.sim.setConditions(NORMAL_CONDITIONS);
    while (box.outbox.depth().pending > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await box.close();
    await client.close();
    const verdict = verify(w, told);
    // Every submission was processed on its first attempt, and its answer lost.
    return { ...verdict, passed: verdict.passed && w.sim.lostResponses() >= options.cases };
  } finally {
    await w.close();
  }
}
