/**
 * The printer driver and kioskctl against the simulator on a real serial line (a socat pty
 * pair), through the serial transport and through the USB printer class transport (a pty slave
 * reads and writes like /dev/usb/lp0), and the standalone simulator process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { createReceiptPrinter } from '../../drivers/printer/src/driver';
import { encodeCaseReceipt } from '../../drivers/printer/src/receipt';
import {
  createPrinterSimulator,
  type PrinterSimulator,
} from '../../drivers/printer/src/simulator/printer-simulator';
import { findSocat, openPtyPair } from '../../drivers/transport/src/pty-pair';
import { serialTransportOpener } from '../../drivers/transport/src/serial';
import type { TransportOpener } from '../../drivers/transport/src/transport';
import { usblpTransportOpener } from '../../drivers/transport/src/usblp';
import type { CliIo } from '../../electron/host/technician/config-command';
import { createKioskctl } from '../../electron/host/technician/kioskctl';

const withSocat = findSocat() ? it : it.skip;
const suffix = findSocat() ? '' : ' (skipped: socat is not installed)';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const delays = {
  reconnectMs: 50,
  statusPollMs: 1000,
  replyTimeoutMs: 500,
  jobPollMs: 20,
  jobTimeoutMs: 5000,
};
const caseInput = {
  caseNo: '370100202611210000001',
  queryCode: '482913',
  itemName: '城乡居民基本养老保险参保登记',
  applicantMasked: '王*',
  acceptedAt: '2026-11-21T09:30:00+08:00',
  promisedBy: '2026-11-26',
  status: 'accepted' as const,
};

/** The simulator on one end of a fresh pty pair; the other end's path for the host side. */
async function simulatorOnPty(): Promise<{ sim: PrinterSimulator; hostPath: string }> {
  const pty = await openPtyPair();
  cleanups.push(() => pty.close());
  const device = await serialTransportOpener({ path: pty.paths[1] })();
  if (!device) throw new Error('simulator end did not open');
  cleanups.push(() => device.close());
  const sim = createPrinterSimulator();
  sim.attach(device);
  return { sim, hostPath: pty.paths[0] };
}

async function kioskctl(args: string[]) {
  const out: string[] = [];
  let code = 0;
  const io: CliIo = { out: (t) => out.push(t), error: (t) => out.push(t), exit: (c) => (code = c) };
  await createKioskctl(io)
    .parseAsync(['node', 'kioskctl', ...args])
    .catch((e: { exitCode?: number }) => (code = e.exitCode ?? 1));
  return { out: out.join('\n'), code };
}

describe('receipt printer over a pty', () => {
  for (const [name, opener] of [
    ['serial 115200 8N1', (path: string) => serialTransportOpener({ path, baudRate: 115200 })],
    ['USB printer class (usblp)', (path: string) => usblpTransportOpener({ path, readPollMs: 5 })],
  ] as const satisfies readonly (readonly [string, (path: string) => TransportOpener])[]) {
    withSocat(`${name}: prints, then fails a job the paper runs out in${suffix}`, async () => {
      const { sim, hostPath } = await simulatorOnPty();
      const printer = createReceiptPrinter({ open: opener(hostPath), delays });
      cleanups.push(() => printer.close());
      const job = encodeCaseReceipt(
        { ...caseInput, terminalId: 'T-370100-0042' },
        { rasteriser: null },
      );
      expect(await printer.print(job)).toEqual({ ok: true, value: undefined });
      expect(sim.lastReceipt()?.qrCodes).toEqual(['CASE:370100202611210000001:482913']);
      const first = sim.lastReceipt();

      sim.runOutOfPaperAfter(Math.floor(job.length / 2));
      expect(await printer.print(job)).toEqual({ ok: false, error: { code: 'paper-out' } });
      expect(sim.lastReceipt()).toBe(first); // nothing more came out whole
      expect(printer.status).toEqual({ state: 'paper-out' });
      sim.setPaper('ok');
      expect(await printer.refreshStatus()).toEqual({ state: 'ready' });
    });
  }

  withSocat(
    `kioskctl printer status / receipt / test, and exit 2 when it cannot print${suffix}`,
    async () => {
      const { sim, hostPath } = await simulatorOnPty();
      const dir = mkdtempSync(join(tmpdir(), 'kiosk-printer-cli-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const caseFile = join(dir, 'case.json');
      writeFileSync(caseFile, JSON.stringify(caseInput));

      expect(await kioskctl(['printer', 'status', '--port', hostPath, '--json'])).toEqual({
        out: '{"state":"ready"}',
        code: 0,
      });
      const noCounters = ['--counters', join(dir, 'absent-counters.json')];
      const printed = await kioskctl([
        'printer',
        'receipt',
        '--port',
        hostPath,
        '--case',
        caseFile,
        '--json',
        ...noCounters,
      ]);
      expect(printed.code).toBe(0);
      expect(sim.lastReceipt()?.lines.map((l) => l.text)).toContain(caseInput.caseNo);

      const counters = join(dir, 'printer-counters.json');
      writeFileSync(
        counters,
        JSON.stringify({
          version: 1,
          printsSinceRefill: 3,
          paperMmSinceRefill: 400,
          refilledAt: null,
          totalPrints: 9,
        }),
      );
      const test = await kioskctl([
        'printer',
        'test',
        '--port',
        hostPath,
        '--counters',
        counters,
        '--json',
      ]);
      expect(test.code).toBe(0);
      expect(JSON.parse(test.out)).toMatchObject({
        printed: true,
        identity: { firmware: 'SIM-1.4.0' },
      });
      const page = sim.lastReceipt()?.lines.map((l) => l.text) ?? [];
      expect(page).toEqual(
        expect.arrayContaining(['固件版本：SIM-1.4.0', '状态：ready', '打印张数：3（累计 9）']),
      );
      // …and the test page itself was counted.
      const after = await kioskctl(['printer', 'counters', '--counters', counters, '--json']);
      expect(JSON.parse(after.out)).toMatchObject({ printsSinceRefill: 4, totalPrints: 10 });
      expect(JSON.parse(after.out).paperMmSinceRefill).toBeGreaterThan(400 + 100);

      sim.setPaper('out');
      expect(await kioskctl(['printer', 'status', '--port', hostPath, '--json'])).toEqual({
        out: '{"state":"paper-out"}',
        code: 2,
      });
      const refused = await kioskctl([
        'printer',
        'receipt',
        '--port',
        hostPath,
        '--case',
        caseFile,
        ...noCounters,
      ]);
      expect(refused.code).toBe(2);
      expect(JSON.parse(refused.out)).toEqual({
        error: { code: 'paper-out', message: 'the printer is out of paper' },
      });

      sim.setPaper('ok');
      sim.setCoverOpen(true);
      expect(
        JSON.parse((await kioskctl(['printer', 'status', '--port', hostPath, '--json'])).out),
      ).toEqual({
        state: 'cover-open',
      });
    },
  );

  it('kioskctl: absent port, bad case file', async () => {
    expect(
      await kioskctl(['printer', 'status', '--port', '/dev/ttyUSB-kiosk-absent', '--json']),
    ).toEqual({
      out: '{"state":"absent"}',
      code: 2,
    });
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-printer-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const caseFile = join(dir, 'case.json');
    writeFileSync(caseFile, JSON.stringify({ ...caseInput, applicantMasked: '王秀英' }));
    const bad = await kioskctl([
      'printer',
      'receipt',
      '--port',
      '/dev/ttyUSB-kiosk-absent',
      '--case',
      caseFile,
    ]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ error: { code: 'invalid-case-file' } });
    const absent = await kioskctl([
      'printer',
      'receipt',
      '--port',
      '/dev/ttyUSB-kiosk-absent',
      '--case',
      join(dir, 'none.json'),
    ]);
    expect(JSON.parse(absent.out)).toMatchObject({ error: { code: 'invalid-case-file' } });
  });

  withSocat(
    `the standalone simulator prints its pty path and serves kioskctl${suffix}`,
    async () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(import.meta.dirname, '../../drivers/printer/src/simulator/main.ts'),
          '--pty',
          '--paper',
          'low',
        ],
        { stdio: ['pipe', 'pipe', 'pipe'] },
      );
      cleanups.push(
        () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      );
      const path = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no path printed')), 20_000);
        createInterface({ input: child.stdout }).once('line', (line) => {
          clearTimeout(timer);
          resolve(line.trim());
        });
      });
      expect(path).toMatch(/^\/dev\/pts\/\d+$/);
      expect(await kioskctl(['printer', 'status', '--port', path, '--json'])).toEqual({
        out: '{"state":"paper-low"}',
        code: 0,
      });
      child.stdin.write('cover open\n');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await kioskctl(['printer', 'status', '--port', path, '--json'])).out).toBe(
        '{"state":"cover-open"}',
      );
    },
  );
});
