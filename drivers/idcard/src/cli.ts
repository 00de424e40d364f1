import type { Command } from 'commander';
import { assertNever, type Result } from '../../../electron/shared/result';
import type { TransportOpener } from '../../transport/src/transport';
import type { IdentityCard } from './card';
import type { IdCardReader } from './driver';
import type { IdCardPort } from './port-selection';
import type { IdCardReadError, IdCardReaderStatus } from './status';

/** What kioskctl hands every command group (electron/host/technician/config-command.ts). */
export interface CliIo {
  out(text: string): void;
  error(text: string): void;
  exit(code: number): void;
}

/** Seams for tests: another way to reach the reader, and a stop signal for `watch`. */
export interface IdCardCliDeps {
  openerFor?: (port: IdCardPort) => TransportOpener;
  signal?: AbortSignal;
}

export type CliErrorCode = 'no-card' | 'read-failed' | 'no-reader' | 'protocol-error' | 'sam-error';

/**
 * `--wait 0` still looks once: a first find-card needs the port opened and probed and one poll,
 * well under a second on any reader.
 */
const FIRST_LOOK_MS = 1000;

interface PortOptions {
  port?: string;
  usb?: string;
  transport: string;
  baud?: string;
  reportSize?: string;
}

/**
 * `kioskctl idcard status | read | watch` (issue 3). Exit 0 on success, 2 with
 * `{"error":{"code","message"}}` on an expected failure (`status` prints the state instead, and
 * exits 2 unless it is `ready`). Card data is printed in full only by `read --json`; everything
 * else is masked.
 */
export function registerIdCardCommands(
  program: Command,
  io: CliIo,
  deps: IdCardCliDeps = {},
): void {
  const idcard = program
    .command('idcard')
    .description('the resident-ID card reader (SAM protocol)');
  const withPort = (command: Command) =>
    command
      .option('--port <path>', 'serial port (/dev/ttyUSB0, a pty) or hidraw path of the reader')
      .option(
        '--usb <vid:pid>',
        'find the reader by USB vendor:product id (hex), probing each match',
      )
      .option('--transport <kind>', 'serial or hid', 'serial')
      .option('--baud <rate>', 'serial baud rate (8N1)', '115200')
      .option('--report-size <bytes>', 'HID report size', '64');

  withPort(idcard.command('status'))
    .description('probe the reader (SAM status, SAM id) and print its state')
    .option('--json', 'print JSON')
    .action(async (options: PortOptions & { json?: boolean }, command: Command) => {
      const reader = await openReader(options, command, deps);
      const status = await reader.whenSettled();
      await reader.close();
      io.out(options.json ? JSON.stringify(status) : describeStatus(status));
      io.exit(status.state === 'ready' ? 0 : 2);
    });

  withPort(idcard.command('read'))
    .description('read the card on the reader (waiting up to --wait seconds for one)')
    .option('--wait <seconds>', 'how long to wait for a card', '0')
    .option('--json', 'print the whole card as JSON (personal data!)')
    .action(async (options: PortOptions & { wait: string; json?: boolean }, command: Command) => {
      const waitMs = Number(options.wait) * 1000;
      if (!Number.isFinite(waitMs) || waitMs < 0)
        command.error('--wait takes seconds', { exitCode: 2 });
      const reader = await openReader(options, command, deps);
      const outcome = await readOnce(reader, waitMs);
      await reader.close();
      if (outcome.ok) {
        const { cardToJson, maskedCardLine } = await import('./card-json');
        const card = outcome.value;
        io.out(
          options.json
            ? JSON.stringify(cardToJson(card))
            : `${maskedCardLine(card)}\nphoto: ${card.photoWlt.length > 0 ? 'yes' : 'no'}, fingerprints: ${card.hasFingerprint ? 'yes' : 'no'}`,
        );
        io.exit(0);
        return;
      }
      const failure = outcome.error;
      io.out(
        options.json ? JSON.stringify({ error: failure }) : `${failure.code}: ${failure.message}`,
      );
      io.exit(2);
    });

  withPort(idcard.command('watch'))
    .description('print one masked line per card placed or removed, until Ctrl+C')
    .option('--count <n>', 'stop after this many placed/removed lines')
    .action(async (options: PortOptions & { count?: string }, command: Command) => {
      const reader = await openReader(options, command, deps);
      const { maskedCardLine } = await import('./card-json');
      const stop = new AbortController();
      const onSigint = () => stop.abort();
      process.once('SIGINT', onSigint);
      deps.signal?.addEventListener('abort', onSigint, { once: true });
      const limit = options.count === undefined ? Infinity : Number(options.count);
      let lines = 0;
      const print = (text: string) => io.out(`${new Date().toTimeString().slice(0, 8)} ${text}`);
      print(`reader ${describeStatus(await reader.whenSettled())}`);
      const offStatus = reader.onStatus((s) => print(`reader ${describeStatus(s)}`));
      await reader.watchCards({
        signal: stop.signal,
        onEvent: (event) => {
          switch (event.kind) {
            case 'placed':
              print(`placed ${maskedCardLine(event.card)}`);
              break;
            case 'removed':
              print('removed');
              break;
            case 'unreadable':
              print(`unreadable ${event.error.code}`);
              return;
            default:
              assertNever(event, 'card event');
          }
          if (++lines >= limit) stop.abort();
        },
      });
      process.removeListener('SIGINT', onSigint);
      offStatus();
      await reader.close();
      io.exit(0);
    });
}

async function openReader(
  options: PortOptions,
  command: Command,
  deps: IdCardCliDeps,
): Promise<IdCardReader> {
  const port = portOf(options, command);
  const { createIdCardReader } = await import('./driver');
  const open = deps.openerFor
    ? deps.openerFor(port)
    : (await import('./port-selection')).idCardOpener(port);
  return createIdCardReader({ open });
}

function portOf(options: PortOptions, command: Command): IdCardPort {
  const transport = options.transport;
  if (transport !== 'serial' && transport !== 'hid') {
    return command.error('--transport is serial or hid', { exitCode: 2 });
  }
  let ids: { vendorId?: number; productId?: number } = {};
  if (options.usb) {
    const match = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})?$/i.exec(options.usb);
    if (!match) return command.error('--usb takes VID:PID in hex, e.g. 0400:c35a', { exitCode: 2 });
    ids = {
      vendorId: parseInt(match[1] ?? '', 16),
      ...(match[2] ? { productId: parseInt(match[2], 16) } : {}),
    };
  } else if (!options.port) {
    return command.error('give --port PATH or --usb VID:PID', { exitCode: 2 });
  }
  return transport === 'serial'
    ? { transport, path: options.port, ...ids, baudRate: Number(options.baud ?? 115200) }
    : { transport, path: options.port, ...ids, reportSize: Number(options.reportSize ?? 64) };
}

function describeStatus(status: IdCardReaderStatus): string {
  switch (status.state) {
    case 'ready':
      return status.samId ? `ready (SAM ${status.samId})` : 'ready';
    case 'absent':
      return 'absent';
    case 'error':
      return `error (${status.reason}): ${status.message}`;
    default:
      return assertNever(status, 'reader status');
  }
}

type CliFailure = { code: CliErrorCode; message: string };

/** Waits for the first verdict on the port, then for a card (up to `waitMs`), then reads it. */
async function readOnce(
  reader: IdCardReader,
  waitMs: number,
): Promise<Result<IdentityCard, CliFailure>> {
  const status = await reader.whenSettled();
  if (status.state !== 'ready') return { ok: false, error: statusFailure(status) };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(waitMs, FIRST_LOOK_MS));
  const read = await reader.readCard({
    signal: controller.signal,
    // Once a card answers, the read is bounded by its retries and reply timeouts, not by --wait.
    onProgress: () => clearTimeout(timer),
  });
  clearTimeout(timer);
  if (read.ok) return read;
  return { ok: false, error: readFailure(read.error, waitMs) };
}

function statusFailure(status: Exclude<IdCardReaderStatus, { state: 'ready' }>): CliFailure {
  if (status.state === 'absent') return { code: 'no-reader', message: 'no reader at that port' };
  switch (status.reason) {
    case 'cannot-open':
    case 'no-answer':
      return { code: 'no-reader', message: status.message };
    case 'sam-fault':
      return { code: 'sam-error', message: status.message };
    case 'bad-reply':
      return { code: 'protocol-error', message: status.message };
    default:
      return assertNever(status.reason, 'error reason');
  }
}

function readFailure(error: IdCardReadError, waitMs: number): CliFailure {
  switch (error.code) {
    case 'cancelled':
      return {
        code: 'no-card',
        message: `no card on the reader within ${Math.max(waitMs, FIRST_LOOK_MS) / 1000} s`,
      };
    case 'no-reader':
      return { code: 'no-reader', message: 'the reader went away during the read' };
    case 'read-failed':
    case 'protocol-error':
    case 'sam-error':
      return { code: error.code, message: error.message };
    case 'invalid-card':
      return { code: 'read-failed', message: `invalid card: ${error.message}` };
    default:
      return assertNever(error, 'read error');
  }
}
