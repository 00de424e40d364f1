import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedPort, type SimulatedPort } from '../../transport/src/simulated-port';
import { createReceiptPrinter, type ReceiptPrinter } from './driver';
import type { PrinterStatus } from './protocol/status';
import { encodeCaseReceipt } from './receipt';
import { createPrinterSimulator, type PrinterSimulator } from './simulator/printer-simulator';
import type { PrintedReceipt } from './stream/sheet';
import { jobPaperLengthMm } from './stream/paper-length';
import type { CounterSnapshot, PrinterJobCounters } from './counters';

const delays = {
  reconnectMs: 20,
  statusPollMs: 30,
  replyTimeoutMs: 200,
  printSettleMs: 20,
  jobPollMs: 10,
  jobTimeoutMs: 2000,
};
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

interface Rig {
  printer: ReceiptPrinter;
  sim: PrinterSimulator;
  port: SimulatedPort;
  printed: PrintedReceipt[];
}
const rigs: Rig[] = [];

function rig(
  options: {
    chunkSize?: number;
    answersTransmitStatus?: boolean;
    confirmCompletion?: boolean;
    counters?: PrinterJobCounters;
    jobTimeoutMs?: number;
  } = {},
): Rig {
  const sim = createPrinterSimulator({
    answersTransmitStatus: options.answersTransmitStatus ?? true,
  });
  const printed: PrintedReceipt[] = [];
  sim.onPrinted((r) => printed.push(r));
  const port = createSimulatedPort({
    label: 'printer',
    chunkSize: options.chunkSize ?? 64,
    attach: sim.attach,
  });
  const printer = createReceiptPrinter({
    open: port.open,
    delays: { ...delays, jobTimeoutMs: options.jobTimeoutMs ?? delays.jobTimeoutMs },
    ...(options.confirmCompletion !== undefined
      ? { confirmCompletion: options.confirmCompletion }
      : {}),
    ...(options.counters ? { counters: options.counters } : {}),
  });
  const r = { printer, sim, port, printed };
  rigs.push(r);
  return r;
}

afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.printer.close()));
});

function statusBecomes(printer: ReceiptPrinter, state: PrinterStatus['state']): Promise<void> {
  if (printer.status.state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const off = printer.onStatus((s) => {
      if (s.state !== state) return;
      off();
      resolve();
    });
  });
}

describe('receipt printer driver ↔ simulator over the memory transport', () => {
  it('prints a receipt: ok, and the simulator saw it whole', async () => {
    const { printer, printed, sim } = rig({ chunkSize: 7 });
    expect(await printer.print(job)).toEqual({ ok: true, value: undefined });
    expect(printed).toHaveLength(1);
    expect(printed[0]!.qrCodes).toEqual(['CASE:3701022025030400001234:482913']);
    expect(sim.lastReceipt()).toBe(printed[0]);
    expect(printer.status).toEqual({ state: 'ready' });
  });

  it('paper out before the job: paper-out, and nothing is sent to paper', async () => {
    const { printer, sim, printed } = rig();
    sim.setPaper('out');
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'paper-out' } });
    expect(printed).toEqual([]);
    expect(printer.status).toEqual({ state: 'paper-out' });
  });

  it('paper running out mid-job fails the job', async () => {
    const { printer, sim, printed } = rig({ chunkSize: 16 });
    await statusBecomes(printer, 'ready');
    sim.runOutOfPaperAfter(200);
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'paper-out' } });
    expect(printed).toEqual([]);
    sim.setPaper('ok');
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printed).toHaveLength(1);
  });

  it('paper low still prints, and says so', async () => {
    const { printer, sim } = rig();
    sim.setPaper('low');
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printer.status).toEqual({ state: 'paper-low' });
  });

  it('cover open, offline and a jammed cutter refuse the job with their own codes', async () => {
    const { printer, sim, printed } = rig();
    sim.setCoverOpen(true);
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'cover-open' } });
    sim.setCoverOpen(false);
    sim.setOffline(true);
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'offline' } });
    sim.setOffline(false);
    sim.setCutterError(true);
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'cutter-error' } });
    expect(printed).toEqual([]);
  });

  it('a second job while one is printing is busy', async () => {
    const { printer } = rig();
    const first = printer.print(job);
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'busy' } });
    expect(await first).toMatchObject({ ok: true });
  });

  it('idle polling notices changes and tells listeners', async () => {
    const { printer, sim } = rig();
    await statusBecomes(printer, 'ready');
    const seen: string[] = [];
    printer.onStatus((s) => seen.push(s.state));
    sim.setPaper('low');
    await statusBecomes(printer, 'paper-low');
    sim.setCoverOpen(true);
    await statusBecomes(printer, 'cover-open');
    expect(seen).toEqual(['paper-low', 'cover-open']);
    sim.setCoverOpen(false);
    expect(await printer.refreshStatus()).toEqual({ state: 'paper-low' });
  });

  it('unplugging: absent, print says absent, replugging recovers', async () => {
    const { printer, port, printed } = rig();
    await statusBecomes(printer, 'ready');
    port.unplug();
    expect(printer.status).toEqual({ state: 'absent' });
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'absent' } });
    expect(await printer.refreshStatus()).toEqual({ state: 'absent' });
    port.plug();
    await statusBecomes(printer, 'ready');
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printed).toHaveLength(1);
  });

  it('unplugged during the job: absent, never printed', async () => {
    const { printer, port } = rig({ chunkSize: 4 });
    await statusBecomes(printer, 'ready');
    const pending = printer.print(job);
    setTimeout(() => port.unplug(), 5);
    expect(await pending).toEqual({ ok: false, error: { code: 'absent' } });
  });

  it('a printer that does not answer DLE EOT is offline', async () => {
    const port = createSimulatedPort({ label: 'mute', attach: () => undefined });
    const printer = createReceiptPrinter({ open: port.open, delays });
    expect(await printer.refreshStatus()).toEqual({ state: 'offline' });
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'offline' } });
    await printer.close();
  });

  it('a cover opened while a slow printer is printing fails the job, and nothing counts as printed', async () => {
    const { printer, sim, printed } = rig();
    await statusBecomes(printer, 'ready');
    sim.setSpeed(100); // mm/s: the receipt takes over a second
    const pending = printer.print(job);
    setTimeout(() => sim.setCoverOpen(true), 100);
    expect(await pending).toEqual({ ok: false, error: { code: 'cover-open' } });
    expect(printed).toEqual([]);
    expect(printer.status).toEqual({ state: 'cover-open' });
    // Recovered: the session reprints the same content.
    sim.setCoverOpen(false);
    sim.setSpeed(undefined);
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printed).toHaveLength(1);
  });

  it('waits for the GS r answer: a slow job is ok only once the printer has cut it', async () => {
    const { printer, sim, printed } = rig();
    await statusBecomes(printer, 'ready');
    sim.setSpeed(400);
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printed).toHaveLength(1); // cut before print() resolved
  });

  it('a unit without GS r: printed when it never reports a stop, failed when it does', async () => {
    const { printer, sim, printed } = rig({ answersTransmitStatus: false, jobTimeoutMs: 150 });
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printed).toHaveLength(1);
    sim.runOutOfPaperAfter(100);
    expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'paper-out' } });
    expect(printed).toHaveLength(1);
  });

  it('confirmCompletion off: waits printSettleMs, then checks once', async () => {
    const { printer, printed } = rig({ confirmCompletion: false, answersTransmitStatus: false });
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(printed).toHaveLength(1);
  });

  it('records each printed job’s paper, raises paper-low from the forecast, and counts a refill', async () => {
    const counters = memoryCounters({ rollLengthMm: 400, lowAtMm: 200 });
    const { printer, sim } = rig({ counters });
    expect(await printer.print(job)).toMatchObject({ ok: true });
    expect(counters.recorded).toEqual([jobPaperLengthMm(job)]);
    expect(printer.status).toEqual({ state: 'ready' });
    expect(await printer.print(job)).toMatchObject({ ok: true });
    // ~2 × 140 mm of a 400 mm roll: the forecast says low before the sensor does.
    expect(printer.status).toEqual({ state: 'paper-low', forecast: true });
    expect(await printer.print(job)).toMatchObject({ ok: true }); // paper-low still prints
    sim.setPaper('out');
    expect(await printer.refreshStatus()).toEqual({ state: 'paper-out' });
    sim.setCoverOpen(true);
    await printer.refreshStatus();
    sim.setPaper('ok');
    sim.setCoverOpen(false);
    expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
    expect(counters.refills).toBe(1);
    expect(counters.snapshot().printsSinceRefill).toBe(0);
  });

  it('diagnostics: raw status bytes and the GS I answers for the test page', async () => {
    const { printer, sim } = rig();
    sim.setPaper('low');
    expect(await printer.diagnostics()).toEqual({
      ok: true,
      value: {
        status: { state: 'paper-low' },
        replies: { printer: 0x12, offlineCause: 0x12, errorCause: 0x12, paperSensor: 0x1e },
        identity: { firmware: 'SIM-1.4.0', maker: 'KIOSK-SIM', model: 'SIM-80' },
      },
    });
    const mute = createSimulatedPort({ label: 'mute', attach: () => undefined });
    const silent = createReceiptPrinter({ open: mute.open, delays });
    expect(await silent.diagnostics()).toEqual({ ok: false, error: { code: 'offline' } });
    await silent.close();
  });
});

/** In-memory counters with the host's forecast rule (the persisted ones are the host's). */
function memoryCounters(options: { rollLengthMm: number; lowAtMm: number }) {
  let snapshot: CounterSnapshot = {
    printsSinceRefill: 0,
    paperMmSinceRefill: 0,
    refilledAt: null,
    rollLengthMm: options.rollLengthMm,
    totalPrints: 0,
  };
  const recorded: number[] = [];
  const counters = {
    recorded,
    refills: 0,
    recordJob(lengthMm: number) {
      recorded.push(lengthMm);
      snapshot = {
        ...snapshot,
        printsSinceRefill: snapshot.printsSinceRefill + 1,
        paperMmSinceRefill: snapshot.paperMmSinceRefill + lengthMm,
        totalPrints: snapshot.totalPrints + 1,
      };
    },
    refill() {
      counters.refills++;
      snapshot = { ...snapshot, printsSinceRefill: 0, paperMmSinceRefill: 0 };
    },
    snapshot: () => snapshot,
    forecast() {
      const remainingMm = Math.max(0, options.rollLengthMm - snapshot.paperMmSinceRefill);
      return {
        remainingMm,
        averageJobMm: 140,
        jobsLeft: Math.floor(remainingMm / 140),
        low: remainingMm <= options.lowAtMm,
      };
    },
  };
  return counters;
}
