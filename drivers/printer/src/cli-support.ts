import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { TransportOpener } from '../../transport/src/transport';
import { printerOpener, type PrinterTransportKind } from './cli-transport';
import type { PrinterJobCounters } from './counters';
import type { PrintError, ReceiptPrinter } from './driver';

/** The plumbing of `kioskctl printer …` (cli.ts): opening the printer, files, configuration. */
export type CliFailure = { code: string; message: string };
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CliFailure };

export interface ConnectOptions {
  port: string;
  transport: PrinterTransportKind;
  baud: string;
  json?: boolean;
}

export interface CounterOptions {
  counters?: string;
  rollLengthM: string;
}

export interface OpenerDeps {
  openerFor?: (kind: PrinterTransportKind, port: string, baudRate: number) => TransportOpener;
}

/**
 * One-shot CLI timings: the driver's background reconnects and idle polls never run in a
 * command that lives a few seconds.
 */
const ONE_SHOT_DELAYS = { reconnectMs: 3_600_000, statusPollMs: 3_600_000 };

/** A case file for `printer receipt` (the fields of the issue; the rest come from the config). */
const caseFileSchema = z.object({
  caseNo: z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  queryCode: z.string().regex(/^[0-9A-Za-z-]{1,64}$/),
  itemName: z.string().min(1),
  applicantMasked: z.string().min(1),
  acceptedAt: z.string(),
  promisedBy: z.string(),
  status: z.enum(['accepted', 'approved']),
});
export type CaseFile = z.infer<typeof caseFileSchema>;

/**
 * Opens the transport once up front, so a port that exists but cannot be opened (permissions,
 * held by CUPS) is reported as such instead of the driver's quiet `absent`, then hands that same
 * transport to the driver.
 */
export async function openPrinter(
  options: ConnectOptions,
  deps: OpenerDeps,
  extra: { counters?: PrinterJobCounters },
): Promise<Outcome<ReceiptPrinter>> {
  const baudRate = Number(options.baud);
  if (!Number.isInteger(baudRate) || baudRate <= 0) {
    return { ok: false, error: { code: 'bad-option', message: '--baud takes a positive integer' } };
  }
  let opener: TransportOpener;
  try {
    opener = (deps.openerFor ?? printerOpener)(options.transport, options.port, baudRate);
  } catch (error) {
    return { ok: false, error: { code: 'bad-option', message: (error as Error).message } };
  }
  let first;
  try {
    first = await opener();
  } catch (error) {
    return { ok: false, error: { code: 'cannot-open', message: (error as Error).message } };
  }
  let handed = false;
  const { createReceiptPrinter } = await import('./driver');
  return {
    ok: true,
    value: createReceiptPrinter({
      open: () => {
        if (handed) return opener();
        handed = true;
        return Promise.resolve(first);
      },
      delays: ONE_SHOT_DELAYS,
      ...extra,
    }),
  };
}

export function describePrintError(error: PrintError): CliFailure {
  const messages: Record<PrintError['code'], string> = {
    'paper-out': 'the printer is out of paper',
    'cover-open': 'the printer cover is open',
    'cutter-error': 'the cutter is jammed',
    offline: 'the printer does not answer or is offline',
    absent: 'no printer at that port',
    busy: 'the printer is busy with another job',
    other: error.code === 'other' ? error.message : '',
  };
  return { code: error.code, message: messages[error.code] };
}

export function readCaseFile(file: string): Outcome<CaseFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, error: { code: 'invalid-case-file', message: (error as Error).message } };
  }
  const parsed = caseFileSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
    return {
      ok: false,
      error: { code: 'invalid-case-file', message: `bad fields: ${fields.join(', ')}` },
    };
  }
  return { ok: true, value: parsed.data };
}

export async function terminalConfig(
  program: Command,
): Promise<{ terminalId: string; hotline: string; dataDir?: string }> {
  const { loadConfig } = await import('../../../electron/host/config/load');
  const file = program.opts<{ config?: string }>().config;
  const loaded = loadConfig(file ? { file } : {});
  // Without a valid configuration the CLI still prints; the page then names no real terminal.
  if (!loaded.ok) return { terminalId: 'T-000000-0000', hotline: '12345' };
  return {
    terminalId: loaded.value.terminalId,
    hotline: loaded.value.hall.hotline,
    dataDir: loaded.value.dataDir,
  };
}

export async function countersFor(
  program: Command,
  options: CounterOptions,
  required: boolean,
): Promise<Outcome<PrinterJobCounters>> {
  const rollMetres = Number(options.rollLengthM);
  if (!(rollMetres > 0))
    return { ok: false, error: { code: 'bad-option', message: '--roll-length-m must be > 0' } };
  let file = options.counters;
  if (!file) {
    const { dataDir } = await terminalConfig(program);
    if (!dataDir)
      return {
        ok: false,
        error: { code: 'config-invalid', message: 'no data directory: give --counters FILE' },
      };
    file = join(dataDir, 'printer-counters.json');
  }
  if (!required) {
    if (!existsSync(file))
      return { ok: false, error: { code: 'no-counters', message: `${file} does not exist` } };
  }
  const { createPrinterCounters } = await import('../../../electron/host/devices/printer-counters');
  try {
    return { ok: true, value: createPrinterCounters({ file, rollLengthMm: rollMetres * 1000 }) };
  } catch (error) {
    return { ok: false, error: { code: 'counters-unreadable', message: (error as Error).message } };
  }
}
