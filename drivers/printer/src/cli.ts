import { Option, type Command } from 'commander';
import {
  countersFor,
  describePrintError,
  openPrinter,
  readCaseFile,
  terminalConfig,
  type CliFailure,
  type ConnectOptions,
  type CounterOptions,
  type OpenerDeps,
} from './cli-support';
import { PRINTER_TRANSPORTS } from './cli-transport';
import type { PrinterFont } from './protocol/font-coverage';
import { canPrint } from './protocol/status';

/** What kioskctl hands every command group (same shape as electron/host/technician's CliIo). */
export interface CliIo {
  out(text: string): void;
  error(text: string): void;
  exit(code: number): void;
}

/** Seams for tests: another way to reach the printer, a clock for the test page. */
export interface PrinterCliDeps extends OpenerDeps {
  now?: () => Date;
}

interface LayoutOptions {
  paperWidth: '80' | '58';
  font: PrinterFont;
}

/**
 * `kioskctl printer status | test | receipt | counters | refill` (issue 4). Exit 0 on success,
 * 2 with `{"error":{"code","message"}}` on an expected failure; `status` prints the state and
 * exits 0 when the printer can print (ready, paper-low), else 2.
 */
export function registerPrinterCommands(
  program: Command,
  io: CliIo,
  deps: PrinterCliDeps = {},
): void {
  const printer = program.command('printer').description('the ESC/POS receipt printer');
  const connect = (command: Command) =>
    command
      .requiredOption('--port <path>', 'serial port or pty, /dev/usb/lp0, or host[:9100] for tcp')
      .addOption(
        new Option('--transport <kind>', 'how the printer is wired')
          .choices(PRINTER_TRANSPORTS)
          .default('serial'),
      )
      .option('--baud <rate>', 'serial baud rate (8N1), as set on the printer', '115200');
  const layout = (command: Command) =>
    command
      .addOption(
        new Option('--paper-width <mm>', 'paper width').choices(['80', '58']).default('80'),
      )
      .addOption(
        new Option('--font <font>', "the printer's Chinese font")
          .choices(['gb18030', 'gb2312'])
          .default('gb18030'),
      );
  const counted = (command: Command) =>
    command
      .option('--counters <file>', 'paper counters file (default: <dataDir>/printer-counters.json)')
      .option('--roll-length-m <metres>', 'length of a full paper roll', '80');

  const fail = (failure: CliFailure) => {
    io.out(JSON.stringify({ error: failure }));
    io.exit(2);
  };

  connect(printer.command('status'))
    .description('ask the printer (DLE EOT 1-4) and print its state')
    .option('--json', 'print JSON')
    .action(async (options: ConnectOptions) => {
      const driver = await openPrinter(options, deps, {});
      if (!driver.ok) return fail(driver.error);
      const status = await driver.value.refreshStatus();
      await driver.value.close();
      io.out(options.json ? JSON.stringify(status) : status.state);
      io.exit(canPrint(status) ? 0 : 2);
    });

  counted(layout(connect(printer.command('test'))))
    .description('print the test page: firmware answer, status bits, counters, samples')
    .option('--json', 'print JSON')
    .action(async (options: ConnectOptions & LayoutOptions & CounterOptions) => {
      const counters = await countersFor(program, options, false);
      const driver = await openPrinter(
        options,
        deps,
        counters.ok ? { counters: counters.value } : {},
      );
      if (!driver.ok) return fail(driver.error);
      const diagnostics = await driver.value.diagnostics();
      const { encodeReceipt } = await import('./receipts/printable');
      const { localRfc3339 } = await import('./receipts/format');
      const config = await terminalConfig(program);
      const job = encodeReceipt(
        {
          kind: 'test-page',
          terminalId: config.terminalId,
          printedAt: localRfc3339((deps.now ?? (() => new Date()))()),
          font: options.font,
          ...(diagnostics.ok
            ? {
                identity: diagnostics.value.identity,
                status: {
                  state: diagnostics.value.status.state,
                  replies: diagnostics.value.replies,
                },
              }
            : {}),
          ...(counters.ok
            ? {
                counters: {
                  snapshot: counters.value.snapshot(),
                  forecast: counters.value.forecast(),
                },
              }
            : {}),
        },
        { paperWidth: Number(options.paperWidth) as 80 | 58, font: options.font },
      );
      const printed = await driver.value.print(job);
      await driver.value.close();
      if (!printed.ok) return fail(describePrintError(printed.error));
      io.out(
        options.json
          ? JSON.stringify({
              printed: true,
              bytes: job.length,
              ...(diagnostics.ok ? diagnostics.value : {}),
            })
          : `test page printed (${job.length} bytes)`,
      );
      io.exit(0);
    });

  counted(layout(connect(printer.command('receipt'))))
    .description(
      'print a 办件回执 from a case file {caseNo, queryCode, itemName, applicantMasked, acceptedAt, promisedBy, status}',
    )
    .requiredOption('--case <file>', 'the case, as JSON')
    .option('--json', 'print JSON')
    .action(async (options: ConnectOptions & LayoutOptions & CounterOptions & { case: string }) => {
      const input = readCaseFile(options.case);
      if (!input.ok) return fail(input.error);
      const config = await terminalConfig(program);
      const { encodeCaseReceipt } = await import('./receipt');
      let job: Uint8Array;
      try {
        job = encodeCaseReceipt(
          { ...input.value, terminalId: config.terminalId, hotline: config.hotline },
          { paperWidth: Number(options.paperWidth) as 80 | 58, font: options.font },
        );
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        return fail({ code: 'invalid-case-file', message: error.message });
      }
      const counters = await countersFor(program, options, false);
      const driver = await openPrinter(
        options,
        deps,
        counters.ok ? { counters: counters.value } : {},
      );
      if (!driver.ok) return fail(driver.error);
      const printed = await driver.value.print(job);
      await driver.value.close();
      if (!printed.ok) return fail(describePrintError(printed.error));
      io.out(
        options.json
          ? JSON.stringify({ printed: true, bytes: job.length })
          : `receipt printed (${job.length} bytes)`,
      );
      io.exit(0);
    });

  counted(printer.command('counters'))
    .description('paper used since the last refill, and the forecast')
    .option('--json', 'print JSON')
    .action(async (options: CounterOptions & { json?: boolean }) => {
      const counters = await countersFor(program, options, true);
      if (!counters.ok) return fail(counters.error);
      const report = { ...counters.value.snapshot(), forecast: counters.value.forecast() };
      io.out(
        options.json
          ? JSON.stringify(report)
          : `${report.printsSinceRefill} prints, ${(report.paperMmSinceRefill / 1000).toFixed(2)} m since refill; ` +
              `~${(report.forecast.remainingMm / 1000).toFixed(1)} m (${report.forecast.jobsLeft} prints) left` +
              (report.forecast.low ? ' — LOW' : ''),
      );
      io.exit(0);
    });

  counted(printer.command('refill'))
    .description('record that a new paper roll was loaded (counters start over)')
    .option('--json', 'print JSON')
    .action(async (options: CounterOptions & { json?: boolean }) => {
      const counters = await countersFor(program, options, true);
      if (!counters.ok) return fail(counters.error);
      counters.value.refill();
      io.out(
        options.json ? JSON.stringify(counters.value.snapshot()) : 'counters reset for a new roll',
      );
      io.exit(0);
    });
}
