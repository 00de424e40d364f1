/**
 * The printer simulator as its own process, on a pty (socat) and/or a TCP port, so kioskctl or
 * the app can be pointed at it exactly as at a real printer:
 *
 *   npx tsx drivers/printer/src/simulator/main.ts --pty            # prints e.g. /dev/pts/7
 *   npx kioskctl printer status --port /dev/pts/7 --json
 *   npx tsx drivers/printer/src/simulator/main.ts --tcp 9100       # prints 127.0.0.1:9100
 *   npx kioskctl printer status --transport tcp --port 127.0.0.1:9100
 *
 * The first stdout line is the address to use; everything else goes to stderr. Knobs are read
 * from stdin, one per line (`paper out`, `cover open`, `speed 150`, …; `help`). `--out DIR`
 * writes a PNG (or, without a CJK font, an SVG) of every printed receipt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { openPtyPair } from '../../../transport/src/pty-pair';
import { serialTransportOpener } from '../../../transport/src/serial';
import { socketTransport } from '../../../transport/src/tcp';
import { createSvgRenderer, findCjkFontFiles } from '../raster/svg-renderer';
import type { PrinterFont } from '../protocol/font-coverage';
import { applyKnob } from './knob-commands';
import { createPrinterSimulator } from './printer-simulator';
import { sheetToPng, sheetToSvg } from './sheet-image';

interface MainOptions {
  pty?: boolean;
  tcp?: string;
  paperWidth: '80' | '58';
  font: PrinterFont;
  paper: 'ok' | 'low' | 'out';
  coverOpen?: boolean;
  offline?: boolean;
  cutterError?: boolean;
  speed?: string;
  out?: string;
}

const log = (text: string) => process.stderr.write(`[printer-sim] ${text}\n`);

async function main(): Promise<void> {
  const options = new Command('printer-sim')
    .option('--pty', 'serve on a socat pty pair (default when --tcp is not given)')
    .option('--tcp <port>', 'serve on 127.0.0.1:<port> (0: any free port)')
    .addOption(new Option('--paper-width <mm>').choices(['80', '58']).default('80'))
    .addOption(
      new Option('--font <font>', 'the simulated font')
        .choices(['gb18030', 'gb2312'])
        .default('gb18030'),
    )
    .addOption(new Option('--paper <level>').choices(['ok', 'low', 'out']).default('ok'))
    .option('--cover-open')
    .option('--offline')
    .option('--cutter-error')
    .option('--speed <mm/s>', 'consume at the paper speed of a real mechanism')
    .option('--out <dir>', 'write a picture of every printed receipt here')
    .parse()
    .opts<MainOptions>();

  const sim = createPrinterSimulator({
    paperWidth: Number(options.paperWidth) as 80 | 58,
    font: options.font,
  });
  sim.setPaper(options.paper);
  if (options.coverOpen) sim.setCoverOpen(true);
  if (options.offline) sim.setOffline(true);
  if (options.cutterError) sim.setCutterError(true);
  if (options.speed) sim.setSpeed(Number(options.speed));

  const fonts = findCjkFontFiles();
  const renderer = fonts.length > 0 ? createSvgRenderer({ fontFiles: fonts }) : undefined;
  let count = 0;
  sim.onPrinted((receipt) => {
    count++;
    log(
      `printed receipt ${count}: ${receipt.lines.length} lines, ${receipt.qrCodes.length} QR, ${receipt.lengthMm} mm`,
    );
    const sheet = sim.sheetOf(receipt);
    if (!options.out || !sheet) return;
    mkdirSync(options.out, { recursive: true });
    const base = join(options.out, `receipt-${String(count).padStart(3, '0')}`);
    if (renderer) writeFileSync(`${base}.png`, sheetToPng(sheet, renderer));
    else writeFileSync(`${base}.svg`, sheetToSvg(sheet));
  });

  const closers: (() => Promise<void>)[] = [];
  const addresses: string[] = [];
  if (options.pty || !options.tcp) {
    const pty = await openPtyPair();
    const device = await serialTransportOpener({ path: pty.paths[1] })();
    if (!device) throw new Error('the simulator end of the pty did not open');
    sim.attach(device);
    closers.push(
      () => device.close(),
      () => pty.close(),
    );
    addresses.push(pty.paths[0]);
  }
  if (options.tcp !== undefined) {
    const server = createServer((socket) => {
      log(`tcp connection from ${socket.remoteAddress ?? '?'}`);
      sim.attach(socketTransport(socket, 'tcp:sim'));
    });
    await new Promise<void>((resolve) => server.listen(Number(options.tcp), '127.0.0.1', resolve));
    const address = server.address();
    addresses.push(
      typeof address === 'object' && address ? `127.0.0.1:${address.port}` : String(address),
    );
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  }
  process.stdout.write(`${addresses.join('\n')}\n`);
  log(`ready (${options.paperWidth} mm, ${options.font}); knobs on stdin, "help" lists them`);

  const stop = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const knobs = createInterface({ input: process.stdin });
  knobs.on('line', (line) => {
    if (line.trim() === 'quit') return void stop();
    const outcome = applyKnob(sim, line);
    log(outcome.said);
  });
}

await main();
