/**
 * Privacy, proven: after a full application by a synthetic resident ends, nothing of that resident
 * remains where the next person or a thief could look — the page (DOM, localStorage,
 * sessionStorage, IndexedDB, Cache Storage), the data directory, new temporary files, and the
 * developer logs (captured with every `kiosk:*` namespace on). Searched as UTF-8 and UTF-16LE,
 * since the card's own encoding is UCS-2.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createDebug from 'debug';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';
import { applyAsResident } from './resident-journey';

/** Every module Vite's SSR transform writes starts its exports with this call. */
const VITE_TRANSFORMED_MODULE = Buffer.from('__vite_ssr_exportName__(');
const logs: string[] = [];
let kiosk: E2eKiosk;
let tempBefore: Set<string>;
const originalLog = createDebug.log;

beforeAll(async () => {
  createDebug.enable('kiosk:*');
  createDebug.log = (...args: unknown[]) => void logs.push(args.map(String).join(' '));
  tempBefore = new Set(readdirSync(tmpdir()));
  kiosk = await startE2eKiosk();
});

afterAll(async () => {
  createDebug.disable();
  createDebug.log = originalLog;
  await kiosk?.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The traces to look for, each as text in UTF-8 and in UTF-16LE. */
function needles(traces: string[]): Buffer[] {
  return traces.flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')]);
}

function leaks(bytes: Buffer, traces: Buffer[]): boolean {
  return traces.some((needle) => bytes.includes(needle));
}

describe('privacy after a session ends', () => {
  it('leaves nothing of the resident in the page, the data directory, temp files or the logs', async () => {
    const { page } = kiosk;
    const { resident } = await applyAsResident(kiosk);
    await page.getByTestId('print-status').getByText('请取走回执').waitFor();
    const caseNo = (await page.getByTestId('case-no').textContent())?.trim() ?? '';
    await page.getByTestId('finish').click();
    await page.getByTestId('ended-message').waitFor();

    const { name, idNumber, address } = resident.card;
    const traces = [name, idNumber, ...(address ? [address] : [])];

    // The page was reloaded on wipe: DOM, web storage, IndexedDB and caches hold nothing of them.
    const page_ = await page.evaluate(async () => ({
      html: document.documentElement.outerHTML,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      indexedDb: JSON.stringify(await indexedDB.databases()),
      caches: JSON.stringify(await caches.keys()),
    }));
    for (const [where, text] of Object.entries(page_)) {
      for (const trace of [...traces, caseNo])
        expect(text, `${where} holds a trace`).not.toContain(trace);
    }
    expect(page_.indexedDb).toBe('[]');
    expect(page_.caches).toBe('[]');

    // The data directory (certificates, audit trail; the outbox's ciphertext is checked with it).
    const binaryTraces = needles(traces);
    for (const file of filesUnder(kiosk.dataDir)) {
      expect(leaks(readFileSync(file), binaryTraces), `${file} holds a trace`).toBe(false);
    }

    // Temporary files created during the run (Chromium's own profile aside, which Playwright owns).
    const newTemp = readdirSync(tmpdir()).filter(
      (entry) => !tempBefore.has(entry) && !entry.startsWith('playwright'),
    );
    for (const entry of newTemp) {
      const path = join(tmpdir(), entry);
      const files = statSync(path).isDirectory() ? filesUnder(path) : [path];
      for (const file of files) {
        if (file.startsWith(kiosk.dataDir)) continue;
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch {
          continue; // gone already, or a socket
        }
        // Vite's module cache of this repository's own source (the synthetic cards are source code),
        // written by the test runner, not by the kiosk.
        if (bytes.includes(VITE_TRANSFORMED_MODULE)) continue;
        expect(leaks(bytes, binaryTraces), `${file} holds a trace`).toBe(false);
      }
    }

    // The developer logs, every namespace on: masked or absent, never the person.
    expect(logs.length).toBeGreaterThan(0);
    for (const trace of traces) expect(logs.join('\n')).not.toContain(trace);
  });
});
