/**
 * The soak run (issue 8): resident sessions one after another through the kiosk's browser shell,
 * run as its own process — host, simulated reader and printer — with the platform simulator as a
 * second process and Chromium showing the page the whole time (it reloads on every wipe, as in
 * the hall). The harness drives sessions through the same RPC carrier the page uses (and the dev
 * panel's API for the card), samples the kiosk process's resident memory and descriptors from
 * /proc and the page's JS heap through CDP, and checks that no session's data reaches the next.
 *
 * `npm run soak` runs 1,000 sessions; tests/soak/soak.test.ts runs a short one inside `npm test`.
 */
import { chromium, type CDPSession } from 'playwright-core';
import { sampleCards } from '../../drivers/idcard/src/simulator/sample-cards';
import type { SessionView } from '../../electron/shared/views';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/browser-kiosk';
import { signaturePng } from '../support/png';
import { startKioskProcess } from './kiosk-process';
import { connectLikeThePage } from './rpc-client';

export interface SoakSample {
  session: number;
  kioskRssMb: number;
  openFds: number;
  pageHeapMb: number;
}

export interface SoakReport {
  sessions: number;
  samples: SoakSample[];
  /** Growth of the median of the last half over the first half, after a quarter of warm-up. */
  kioskMemoryGrowth: number;
  pageHeapGrowth: number;
  fdGrowth: number;
  leakedIntoNext: string[];
  secondsPerSession: number;
}

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

export async function soak(options: {
  sessions: number;
  sampleEvery: number;
  log?: (line: string) => void;
}): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const kiosk = await startKioskProcess();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(kiosk.url);
    await page.getByTestId('attract-start').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');

    let latest: SessionView = { state: 'idle' };
    const changed = new Set<() => void>();
    const client = await connectLikeThePage(kiosk.url, (event) => {
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
    const cards = sampleCards.filter(
      (c) =>
        c.card.type === 'resident-id' &&
        (c.card.validTo === 'long-term' || c.card.validTo > '2027'),
    );
    const signature = signaturePng().toString('base64');

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
      await api.devPlaceCard({ cardId: sample.id });
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
      await api.devRemoveCard({});
      if (n % options.sampleEvery === 0 || n === 1) {
        const entry = {
          session: n,
          kioskRssMb: mb(kiosk.rss()),
          openFds: kiosk.openFds(),
          pageHeapMb: mb(await pageHeap(cdp)),
        };
        samples.push(entry);
        log(JSON.stringify(entry));
      }
    }
    const secondsPerSession = (Date.now() - started) / 1000 / options.sessions;
    client.close();

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
      kioskMemoryGrowth: growth((s) => s.kioskRssMb),
      pageHeapGrowth: growth((s) => s.pageHeapMb),
      fdGrowth: growth((s) => s.openFds),
      leakedIntoNext,
      secondsPerSession,
    };
  } finally {
    await browser.close();
    await kiosk.stop();
  }
}
