/**
 * The walking skeleton through every layer but the screen: the host on the simulated card reader
 * and printer (real drivers, real bytes), the platform simulator over mutual TLS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionView } from '../../electron/shared/views';
import { loadConfig } from '../../electron/host/config/load';
import { startKioskHost, type KioskHost } from '../../electron/host/kiosk-host';
import { startSimulatedPlatform, type SimulatedPlatform } from '../platform-sim/simulated-world';
import { signaturePng } from '../support/png';

let dataDir: string;
let platform: SimulatedPlatform;
let host: KioskHost;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-int-'));
  const config = loadConfig({ env: { KIOSK_DATA_DIR: dataDir } });
  if (!config.ok) throw new Error('config');
  const terminalId = config.value.terminalId;
  platform = await startSimulatedPlatform({ pkiDir: join(dataDir, 'pki'), terminalId });
  host = await startKioskHost({
    config: {
      ...config.value,
      session: {
        idleWarningMs: 60_000,
        idleCountdownMs: 30_000,
        readRetryMs: 20,
        identifiedMs: 50,
        endedScreenMs: 100,
      },
    },
    platform: {
      baseUrl: platform.url,
      tls: platform.terminalTls,
      timeoutMs: 5_000,
      close: async () => undefined,
    },
    shell: 'browser',
    appVersion: 'test',
    devPanelAllowed: true,
    // A short wait at the screen and a brisk background sender, so an outage plays out in seconds.
    timings: {
      outbox: { submitWaitMs: 1_500, pollMs: 100, retryBaseMs: 50, retryCapMs: 300 },
      platform: { backoffBaseMs: 20, backoffCapMs: 100 },
    },
  });
});

afterAll(async () => {
  await host?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const view = () => host.session.view();
const until = (predicate: (v: SessionView) => boolean) =>
  vi.waitFor(() => expect(predicate(view()), JSON.stringify(view())).toBe(true), {
    timeout: 10_000,
    interval: 10,
  });

/** attract → an item the terminal can complete → consent → card on the reader → confirm. */
async function identifyAndChoose(cardId: string): Promise<string> {
  const sims = host.devices.simulators;
  if (!sims) throw new Error('no simulators');
  expect((await host.api.startSession({})).ok).toBe(true);
  const items = await host.api.listItems({});
  if (!items.ok) throw new Error('catalog unavailable');
  const available = items.value.filter((i) => i.availability.available);
  expect(available.length).toBeGreaterThanOrEqual(3);
  expect(items.value.some((i) => !i.availability.available)).toBe(true);
  const item = available[0];
  if (!item) throw new Error('no item');
  expect((await host.api.chooseItem({ itemCode: item.code })).ok).toBe(true);
  expect(view().state).toBe('consenting');
  expect((await host.api.agreeConsent({})).ok).toBe(true);
  const sample = sims.idcard.sampleCards.find((c) => c.id === cardId) ?? sims.idcard.sampleCards[0];
  if (!sample) throw new Error('no sample card');
  sims.idcard.placeCard(sample.card);
  await until((v) => v.state === 'confirming');
  return sample.card.name;
}

describe('the walking skeleton on the simulated world', () => {
  it('submits over mTLS, prints the platform case number, and wipes', async () => {
    const sims = host.devices.simulators;
    if (!sims) throw new Error('no simulators');
    const name = await identifyAndChoose('');
    const submitted = await host.api.submitCase({
      signaturePng: signaturePng().toString('base64'),
    });
    expect(submitted.ok).toBe(true);
    await until((v) => v.state === 'done' && v.print.state === 'printed');
    const done = view();
    if (done.state !== 'done' || done.receipt.kind !== 'accepted') throw new Error('not accepted');

    // The number on screen is the one the platform issued, not one the terminal made up.
    const received = platform.receivedCases();
    expect(received).toHaveLength(1);
    expect(done.receipt.caseNo).toBe(received[0]?.caseNo);
    expect(done.receipt.queryCode).toBe(received[0]?.queryCode);

    // The printer simulator decoded the ESC/POS stream: the case number is on paper, in the QR too.
    const paper = sims.printer.lastReceipt();
    const text = paper?.lines.map((l) => l.text).join('\n') ?? '';
    const { caseNo } = done.receipt;
    expect(text).toContain(caseNo);
    expect(paper?.qrCodes.some((qr) => qr.includes(caseNo))).toBe(true);
    expect(text).not.toContain(name); // masked on paper: 王**, never the full name

    expect((await host.api.finishSession({})) ?? undefined).toBeUndefined();
    expect(view()).toEqual({ state: 'ended', reason: 'finished' });
    await until((v) => v.state === 'idle');
  });

  it('keeps the case number on screen when the printer is out of paper, and prints again after a refill', async () => {
    const sims = host.devices.simulators;
    if (!sims) throw new Error('no simulators');
    sims.printer.setPaper('out');
    await identifyAndChoose('');
    await host.api.submitCase({ signaturePng: signaturePng().toString('base64') });
    await until((v) => v.state === 'done' && v.print.state === 'failed');
    expect(view()).toMatchObject({ print: { state: 'failed', code: 'paper-out' } });
    sims.printer.setPaper('ok');
    expect((await host.api.reprintReceipt({})).ok).toBe(true);
    await until((v) => v.state === 'done' && v.print.state === 'printed');
    await host.api.cancelSession({});
    await until((v) => v.state === 'idle');
  });

  it('fails a receipt whose paper ran out half-way, and prints it whole after a refill', async () => {
    const sims = host.devices.simulators;
    if (!sims) throw new Error('no simulators');
    sims.printer.fault('out-mid-job');
    await identifyAndChoose('');
    await host.api.submitCase({ signaturePng: signaturePng().toString('base64') });
    await until((v) => v.state === 'done' && v.print.state === 'failed');
    expect(view()).toMatchObject({ print: { state: 'failed', code: 'paper-out' } });
    const done = view();
    expect(done.state === 'done' && done.receiptSvg).toContain('<svg');
    sims.printer.setPaper('ok');
    await host.api.reprintReceipt({});
    await until((v) => v.state === 'done' && v.print.state === 'printed');
    const paper = sims.printer.lastReceipt();
    expect(paper?.cut).toBe(true);
    const caseNo =
      done.state === 'done' && done.receipt.kind === 'accepted' ? done.receipt.caseNo : '?';
    expect(paper?.lines.map((l) => l.text).join('\n')).toContain(caseNo);
    await host.api.cancelSession({});
    await until((v) => v.state === 'idle');
  });

  it('keeps the case on the terminal while the platform is away, with a 待上传 receipt, and delivers it once when it returns', async () => {
    const sims = host.devices.simulators;
    if (!sims) throw new Error('no simulators');
    const before = platform.receivedCases().length;
    // Down for longer than the client's retries and the wait at the screen.
    platform.setFault({ fault: { kind: 'drop' } });
    await identifyAndChoose('');
    await host.api.submitCase({ signaturePng: signaturePng().toString('base64') });
    await until((v) => v.state === 'done' && v.print.state === 'printed');
    const done = view();
    if (done.state !== 'done' || done.receipt.kind !== 'queued') throw new Error('not queued');
    expect(done.qrPayload).toContain(done.receipt.localReference);
    const paper =
      sims.printer
        .lastReceipt()
        ?.lines.map((l) => l.text)
        .join('\n') ?? '';
    expect(paper).toContain('待上传');
    expect(paper).toContain(done.receipt.localReference);
    expect(host.outbox.depth().pending).toBe(1);
    await host.api.cancelSession({});
    await until((v) => v.state === 'idle');

    platform.setFault(null);
    await vi.waitFor(() => expect(host.outbox.depth().pending).toBe(0), {
      timeout: 15_000,
      interval: 50,
    });
    expect(platform.receivedCases().length).toBe(before + 1);
  });

  it('makes one case, not two, when the platform processed it but the answer was lost', async () => {
    // The platform answers; a lost answer ("processed but the response was lost") still yields one case.
    const before = platform.receivedCases().length;
    platform.setFault({ fault: { kind: 'lose-response' }, operationId: 'submitCase', times: 1 });
    await identifyAndChoose('');
    await host.api.submitCase({ signaturePng: signaturePng().toString('base64') });
    await until((v) => v.state === 'done');
    await vi.waitFor(() => expect(host.outbox.depth().pending).toBe(0), {
      timeout: 15_000,
      interval: 50,
    });
    expect(platform.receivedCases().length).toBe(before + 1);
    await host.api.cancelSession({});
    await until((v) => v.state === 'idle');
  });
});
