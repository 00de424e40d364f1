/**
 * The soak run (issue 8): resident sessions one after another through the browser shell — host,
 * simulated reader and printer, platform simulator over mTLS — with Chromium showing the page the
 * whole time (it reloads on every wipe, as in the hall). Samples host heap and file descriptors
 * and the page's JS heap; checks that no session's data shows up in the next one.
 *
 * `npm run soak` runs 1,000 sessions; tests/soak/soak.test.ts runs a short one inside `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { startE2eKiosk, type E2eKiosk } from '../e2e/browser-kiosk';
import type { SessionView } from '../../electron/shared/views';
import { connectLikeThePage } from './rpc-client';

export interface SoakSample {
  session: number;
  hostHeapMb: number;
  hostRssMb: number;
  openFds: number;
  pageHeapMb: number;
}

export interface SoakReport {
  sessions: number;
  samples: SoakSample[];
  /** Growth of the median of the last quarter over the median of the second quarter (after warm-up). */
  hostHeapGrowth: number;
  pageHeapGrowth: number;
  fdGrowth: number;
  leakedIntoNext: string[];
  secondsPerSession: number;
}

/** The platform simulator as a separate process (tests/platform-sim/main.ts), on a fresh PKI. */
async function startPlatformProcess(): Promise<{
  url: string;
  ca: string;
  cert: string;
  key: string;
  stop(): void;
}> {
  const pkiDir = mkdtempSync(join(tmpdir(), 'kiosk-soak-pki-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, '..', 'platform-sim', 'main.ts'),
      '--pki-dir',
      pkiDir,
      '--port',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the platform simulator exited (${code})`)));
  });
  return {
    url,
    ca: join(pkiDir, 'platform-ca.pem'),
    cert: join(pkiDir, 'terminal.pem'),
    key: join(pkiDir, 'terminal.key'),
    stop: () => child.kill('SIGINT'),
  };
}

const openFds = () => readdirSync('/proc/self/fd').length;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function pageHeap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

function hostHeap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

export async function soak(options: {
  /** Keep Chromium showing the page (default). Off: the RPC client alone, to tell the harness's memory from the terminal's. */
  withPage?: boolean;
  sessions: number;
  sampleEvery: number;
  log?: (line: string) => void;
}): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  // The platform simulator runs in its own process, as the real platform is elsewhere: it keeps
  // every case it receives, and that must not be counted as the terminal's memory.
  const platform = await startPlatformProcess();
  // Shorter screens than a hall would use; the flow and every wipe are the same.
  const kiosk: E2eKiosk = await startE2eKiosk({
    session: { identifiedMs: 50, endedScreenMs: 50 },
    env: {
      KIOSK_PLATFORM_MODE: 'real',
      KIOSK_PLATFORM_URL: platform.url,
      KIOSK_PLATFORM_CA: platform.ca,
      KIOSK_PLATFORM_CERT: platform.cert,
      KIOSK_PLATFORM_KEY: platform.key,
    },
  });
  const { page, shell } = kiosk;
  const sims = shell.host.devices.simulators;
  if (!sims) throw new Error('the soak runs on simulators');
  const withPage = options.withPage ?? true;
  let cdp: CDPSession | undefined;
  if (withPage) {
    await page.goto(`${shell.url}`);
    await page.getByTestId('attract-start').waitFor();
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
  }

  let latest: SessionView = { state: 'idle' };
  const changed = new Set<() => void>();
  const client = await connectLikeThePage(shell.url, (event) => {
    if (event.type !== 'session') return;
    latest = event.session;
    changed.forEach((notify) => notify());
  });
  const { api } = client;
  const waitFor = (predicate: (view: SessionView) => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (predicate(latest)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${what} (at ${latest.state})`)),
        15_000,
      );
      const notify = () => {
        if (!predicate(latest)) return;
        clearTimeout(timer);
        changed.delete(notify);
        resolve();
      };
      changed.add(notify);
    });

  const items = await api.listItems({});
  if (!items.ok) throw new Error('catalog unavailable');
  const item = items.value.find((i) => i.availability.available);
  if (!item) throw new Error('no item the terminal can complete');
  const cards = sims.idcard.sampleCards.filter(
    (c) =>
      c.card.type === 'resident-id' && (c.card.validTo === 'long-term' || c.card.validTo > '2027'),
  );
  const signature = (await import('../support/png')).signaturePng().toString('base64');

  const samples: SoakSample[] = [];
  const leakedIntoNext: string[] = [];
  let previousCaseNo = '';
  let previousName = '';
  const started = Date.now();
  for (let n = 1; n <= options.sessions; n += 1) {
    const sample = cards[n % cards.length];
    if (!sample) throw new Error('no card');
    await waitFor((v) => v.state === 'idle', 'idle');
    await api.startSession({});
    // The new session must show nothing of the last one.
    const fresh = JSON.stringify(await api.getSession({}));
    if (previousCaseNo && fresh.includes(previousCaseNo))
      leakedIntoNext.push(`session ${n} saw case ${previousCaseNo}`);
    await api.chooseItem({ itemCode: item.code });
    await api.agreeConsent({});
    sims.idcard.placeCard(sample.card);
    await waitFor((v) => v.state === 'identified' || v.state === 'confirming', 'the card');
    await api.continueAfterIdentified({});
    await waitFor((v) => v.state === 'confirming', 'confirming');
    const confirming = JSON.stringify(latest);
    if (previousName && previousName !== sample.card.name && confirming.includes(previousName)) {
      leakedIntoNext.push(`session ${n} showed the previous resident`);
    }
    await api.submitCase({ signaturePng: signature });
    await waitFor((v) => v.state === 'done' && v.print.state !== 'printing', 'the receipt');
    const finished = latest as SessionView;
    if (finished.state === 'done' && finished.receipt.kind === 'accepted')
      previousCaseNo = finished.receipt.caseNo;
    previousName = sample.card.name;
    await api.finishSession({});
    sims.idcard.removeCard();
    if (n % options.sampleEvery === 0 || n === 1) {
      const entry = {
        session: n,
        hostHeapMb: mb(hostHeap()),
        hostRssMb: mb(process.memoryUsage().rss),
        openFds: openFds(),
        pageHeapMb: cdp ? mb(await pageHeap(cdp)) : 0,
      };
      samples.push(entry);
      log(JSON.stringify(entry));
    }
  }
  const secondsPerSession = (Date.now() - started) / 1000 / options.sessions;
  client.close();
  await kiosk.close();
  platform.stop();

  const afterWarmUp = samples.slice(Math.floor(samples.length / 4));
  const half = Math.floor(afterWarmUp.length / 2);
  const growth = (pick: (s: SoakSample) => number) => {
    const early = median(afterWarmUp.slice(0, half).map(pick));
    const late = median(afterWarmUp.slice(half).map(pick));
    return early > 0 ? (late - early) / early : 0;
  };
  return {
    sessions: options.sessions,
    samples,
    hostHeapGrowth: growth((s) => s.hostHeapMb),
    pageHeapGrowth: growth((s) => s.pageHeapMb),
    fdGrowth: growth((s) => s.openFds),
    leakedIntoNext,
    secondsPerSession,
  };
}
