/**
 * Issue 8: the drivers run in a child process; SIGKILL it in the middle of a card read and of a
 * print, and the host must see the devices absent, get the pending call answered with the
 * driver's own error code, and be served again by the restarted child. A child that is frozen
 * (SIGSTOP: alive, ports held, answering nothing) must be found out by the liveness ping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../electron/host/config/schema';
import type { DeviceStatusView } from '../../electron/shared/views';
import {
  createRemoteDeviceManager,
  type RemoteDeviceManager,
} from '../../electron/host/devices/device-process/remote-device-manager';
import { encodeCaseReceipt } from '../../drivers/printer/src/receipt';

const job = encodeCaseReceipt({
  itemName: '居民身份证换领',
  caseNo: '3701022025030400001234',
  queryCode: '482913',
  status: 'accepted',
  acceptedAt: '2025-03-04T09:15:27+08:00',
  promisedBy: '2025-03-18',
  applicantMasked: '李**',
  terminalId: 'T-370100-0042',
});

let dataDir: string;
let devices: RemoteDeviceManager;
const seen: DeviceStatusView[][] = [];

function waitFor(what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (predicate()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}
const bothReady = () => devices.statuses().every((device) => device.state === 'ready');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sims() {
  const simulators = devices.simulators;
  if (!simulators) throw new Error('the worker runs on simulators');
  return simulators;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-device-process-'));
  devices = await createRemoteDeviceManager({
    devices: configSchema.parse({}).devices,
    dataDir,
    // A short ping, so that the frozen worker below is found out in seconds; still generous
    // enough that a healthy worker on a loaded CI machine is never taken for a hung one.
    timings: { initialDelayMs: 100, pingIntervalMs: 250, pingTimeoutMs: 3_000 },
  });
  devices.onChange((statuses) => seen.push(statuses));
  await waitFor('both devices ready', bothReady);
}, 30_000);

afterAll(async () => {
  await devices?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('devices in a child process', () => {
  it('reads a card and prints through the child, bytes intact', async () => {
    expect(devices.worker.pid).toBeGreaterThan(0);
    expect(devices.worker.pid).not.toBe(process.pid);
    const sample = sims().idcard.sampleCards[0];
    if (!sample) throw new Error('no sample card');
    expect(sample.card.photoWlt).toBeInstanceOf(Uint8Array);

    sims().idcard.placeCard(sample.card);
    const phases: string[] = [];
    const read = await devices.idcard.readCard({ onProgress: (phase) => phases.push(phase) });
    expect(read).toEqual({ ok: true, value: sample.card });
    expect(read.ok && read.value.photoWlt).toBeInstanceOf(Uint8Array);
    expect(phases).toEqual(['card-found']);

    const printed: unknown[] = [];
    const off = devices.onPrinted((receipt) => printed.push(receipt));
    expect(await devices.printer.print(job)).toEqual({ ok: true, value: undefined });
    off();
    await waitFor('the printed receipt', () => printed.length === 1);
    const receiptText = sims()
      .printer.lastReceipt()
      ?.lines.map((line) => line.text)
      .join('\n');
    expect(receiptText).toContain('3701022025030400001234');
    await waitFor('the counters', () => devices.printerCounters.snapshot().printsSinceRefill === 1);
  }, 30_000);

  it('answers an aborted read with cancelled, and the child keeps serving', async () => {
    sims().idcard.removeCard();
    const controller = new AbortController();
    const pending = devices.idcard.readCard({ signal: controller.signal });
    await sleep(200);
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(devices.worker.restarts).toBe(0);
  });

  it('SIGKILL mid-read: absent, no-reader, restarted, reads again', async () => {
    const firstPid = devices.worker.pid;
    if (!firstPid) throw new Error('no worker');
    sims().idcard.removeCard();
    seen.length = 0;
    const pending = devices.idcard.readCard(); // waits for a card that never comes
    await sleep(300);
    process.kill(firstPid, 'SIGKILL');

    expect(await pending).toEqual({ ok: false, error: { code: 'no-reader' } });
    expect(seen).toContainEqual([
      { name: 'idcard', state: 'absent', simulated: true },
      { name: 'printer', state: 'absent', simulated: true },
    ]);
    // Down: answered at once, never thrown, never hung.
    expect(await devices.printer.print(job)).toEqual({ ok: false, error: { code: 'absent' } });

    await devices.worker.whenUp();
    expect(devices.worker.restarts).toBe(1);
    expect(devices.worker.pid).not.toBe(firstPid);
    await waitFor('both devices ready again', bothReady);

    const sample = sims().idcard.sampleCards[1];
    if (!sample) throw new Error('no sample card');
    sims().idcard.placeCard(sample.card);
    expect(await devices.idcard.readCard()).toEqual({ ok: true, value: sample.card });
  }, 30_000);

  it('SIGKILL mid-print: absent, restarted, prints again', async () => {
    const firstPid = devices.worker.pid;
    if (!firstPid) throw new Error('no worker');
    sims().printer.fault('slow'); // 40 mm/s: the receipt takes seconds to come out
    const pending = devices.printer.print(job);
    await sleep(300);
    process.kill(firstPid, 'SIGKILL');

    expect(await pending).toEqual({ ok: false, error: { code: 'absent' } });
    expect(devices.printer.status).toEqual({ state: 'absent' });

    await devices.worker.whenUp();
    expect(devices.worker.restarts).toBe(2);
    await waitFor('both devices ready again', bothReady);
    // The restarted child's simulator runs at normal speed again.
    expect(await devices.printer.print(job)).toEqual({ ok: true, value: undefined });
    // The counters file survived the kills: the child that was killed mid-job never counted it.
    await waitFor('the counters', () => devices.printerCounters.snapshot().printsSinceRefill === 2);
  }, 30_000);

  it('a frozen worker (SIGSTOP mid-read) is found out by the ping, killed and replaced', async () => {
    const frozenPid = devices.worker.pid;
    if (!frozenPid) throw new Error('no worker');
    const restartsBefore = devices.worker.restarts;
    sims().idcard.removeCard();
    const pending = devices.idcard.readCard();
    await sleep(300);
    process.kill(frozenPid, 'SIGSTOP');

    // Nothing exits: only the unanswered ping can end this read.
    expect(await pending).toEqual({ ok: false, error: { code: 'no-reader' } });
    await devices.worker.whenUp();
    expect(devices.worker.restarts).toBe(restartsBefore + 1);
    expect(devices.worker.pid).not.toBe(frozenPid);
    expect(() => process.kill(frozenPid, 0)).toThrow(); // gone, not left frozen
    await waitFor('both devices ready again', bothReady);
    const sample = sims().idcard.sampleCards[0];
    if (!sample) throw new Error('no sample card');
    sims().idcard.placeCard(sample.card);
    expect(await devices.idcard.readCard()).toEqual({ ok: true, value: sample.card });
  }, 30_000);
});
