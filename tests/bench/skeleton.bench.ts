/**
 * The walking skeleton's costs: shell start, RPC round trip, a case over mTLS, receipt encoding.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { build } from 'vite';
import WebSocket from 'ws';
import { loadConfig } from '../../electron/host/config/load';
import {
  describeBrowserShellError,
  startBrowserShell,
} from '../../electron/browser/start-browser-shell';
import { connectKioskApi } from '../../electron/shared/rpc';
import { createPlatformClient } from '../../electron/host/platform/client';
import { buildCaseSubmission } from '../../electron/host/cases/case-submission';
import { encodeCaseReceipt } from '../../drivers/printer/src/receipt';
import { sampleCards } from '../../drivers/idcard/src/simulator/sample-cards';
import { startSimulatedPlatform } from '../platform-sim/simulated-world';
import { signaturePng } from '../support/png';
import { sample } from './stats';
import type { Recorder } from './stats';

const ROOT = join(import.meta.dirname, '..', '..');

async function benchShellStart(dataDir: string, record: Recorder): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const config = loadConfig({ env: { KIOSK_DATA_DIR: dataDir, KIOSK_OPEN_BROWSER: '0' } });
    if (!config.ok) throw new Error('config');
    const start = performance.now();
    const shell = await startBrowserShell({
      config: config.value,
      rendererDir: join(ROOT, 'dist', 'renderer'),
      appVersion: 'bench',
    });
    samples.push(performance.now() - start);
    if (!shell.ok) throw new Error(describeBrowserShellError(shell.error));
    await shell.value.close();
  }
  record('browser shell start to "Kiosk UI" (PKI already issued)', samples);
}

async function benchRpc(dataDir: string, record: Recorder): Promise<void> {
  const config = loadConfig({ env: { KIOSK_DATA_DIR: dataDir, KIOSK_OPEN_BROWSER: '0' } });
  if (!config.ok) throw new Error('config');
  const shell = await startBrowserShell({
    config: config.value,
    rendererDir: join(ROOT, 'dist', 'renderer'),
    appVersion: 'bench',
  });
  if (!shell.ok) throw new Error(describeBrowserShellError(shell.error));
  const page = await (await fetch(shell.value.url)).text();
  const secret = /kiosk-rpc-secret" content="([0-9a-f]+)"/.exec(page)?.[1] ?? '';
  const origin = shell.value.url.replace(/\/$/, '');
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/rpc`, { origin });
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ t: 'hello', secret }));
  await new Promise((resolve) => ws.once('message', resolve));
  const { api, close } = connectKioskApi(
    {
      send: (text) => ws.send(text),
      onMessage(listener) {
        const handler = (data: WebSocket.RawData) => listener(data.toString());
        ws.on('message', handler);
        return () => ws.off('message', handler);
      },
    },
    () => undefined,
  );
  await sample(200, () => api.getSession({})); // warm-up
  record(
    'RPC round trip over the WebSocket carrier (getSession)',
    await sample(2000, () => api.getSession({})),
  );
  close();
  ws.close();
  await shell.value.close();
}

async function benchCase(dataDir: string, record: Recorder): Promise<void> {
  const platform = await startSimulatedPlatform({
    pkiDir: join(dataDir, 'pki'),
    terminalId: 'T-370100-0042',
  });
  const client = createPlatformClient({
    baseUrl: platform.url,
    terminalId: 'T-370100-0042',
    tls: platform.terminalTls,
    timeoutMs: 10_000,
  });
  const catalog = await client.getCatalog();
  if (!catalog.ok || catalog.value.kind !== 'catalog') throw new Error('catalog');
  const item = catalog.value.catalog.items.find(
    (i) => i.selfService.eligible && !i.materials.some((m) => m.required) && i.identity === 'card',
  );
  const card = sampleCards[0]?.card;
  if (!item || !card) throw new Error('fixtures');
  const png = signaturePng();
  const submitOne = async () => {
    const stored = await client.uploadFile(png, 'image/png');
    if (!stored.ok) throw new Error('upload');
    const submission = buildCaseSubmission({
      card,
      item,
      catalogVersion: catalog.value.kind === 'catalog' ? catalog.value.catalog.version : '',
      clientCaseId: randomUUID(),
      signatureFileId: stored.value.fileId,
      consentAt: new Date().toISOString(),
      submittedAt: new Date().toISOString(),
    });
    const receipt = await client.submitCase(submission, randomUUID());
    if (!receipt.ok) throw new Error(`submit: ${JSON.stringify(receipt.error)}`);
  };
  await sample(10, submitOne);
  record('case over mTLS to the local simulator (upload + submit)', await sample(100, submitOne));
  await client.close();
  await platform.close();
}

async function benchReceipt(record: Recorder): Promise<void> {
  const encode = () =>
    encodeCaseReceipt({
      itemName: '城乡居民基本养老保险参保登记',
      caseNo: '370100202611210000001',
      queryCode: '482913',
      status: 'accepted',
      acceptedAt: '2026-11-21T09:30:00+08:00',
      promisedBy: '2026-11-26',
      applicantMasked: '王**',
      terminalId: 'T-370100-0042',
    });
  await sample(50, encode);
  record('lay out + encode a case receipt (ESC/POS, GB18030, QR)', await sample(500, encode));
}

export default async function skeleton(record: Recorder): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
  try {
    await benchShellStart(dataDir, record);
    await benchRpc(dataDir, record);
    await benchCase(dataDir, record);
    await benchReceipt(record);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
