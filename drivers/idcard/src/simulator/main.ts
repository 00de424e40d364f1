/**
 * The ID-card reader simulator as a process of its own, on a pty, so the driver, kioskctl or the
 * whole app can use it as a serial reader:
 *
 *   npx tsx drivers/idcard/src/simulator/main.ts --pty [--port /tmp/kiosk-idcard] [--card ID]
 *       [--timing real|fast] [--baud 115200] [--read-delay MS] [--sam-id ID]
 *
 * It prints `pty: <path>` (then a usage hint) and takes commands on stdin (`help`). Timing is
 * real 115200 8N1 by default: replies trickle out as from a real reader's UART. Ends on `quit`,
 * SIGINT or SIGTERM, removing the port path.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { findSocat } from '../../../transport/src/pty-pair';
import { runConsoleCommand } from './console-commands';
import { createIdCardSimulator } from './id-card-simulator';
import { startPtySimulator } from './pty-simulator';
import { sampleCard } from './sample-cards';

const { values } = parseArgs({
  options: {
    pty: { type: 'boolean', default: false },
    port: { type: 'string', default: '/tmp/kiosk-idcard-sim' },
    card: { type: 'string' },
    timing: { type: 'string', default: 'real' },
    baud: { type: 'string', default: '115200' },
    'read-delay': { type: 'string', default: '0' },
    'sam-id': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !values.pty) {
  console.log(
    'usage: main.ts --pty [--port PATH] [--card ID] [--timing real|fast] [--baud N] [--read-delay MS] [--sam-id ID]',
  );
  process.exit(values.help ? 0 : 2);
}
if (!findSocat()) {
  console.error('socat is not installed (apt-get install socat)');
  process.exit(1);
}

const baudRate = Number(values.baud);
const sim = createIdCardSimulator({
  readDelayMs: Number(values['read-delay']),
  pacing: values.timing === 'fast' ? {} : { baudRate },
  ...(values['sam-id'] ? { samId: values['sam-id'] } : {}),
});
if (values.card) {
  const sample = sampleCard(values.card);
  if (!sample) {
    console.error(`no sample card "${values.card}"`);
    process.exit(2);
  }
  sim.placeCard(sample.card);
}

const pty = await startPtySimulator(sim, values.port);
console.log(`pty: ${pty.portPath}`);
console.log(
  `try: npm run --silent kioskctl -- idcard read --port ${pty.portPath} --wait 30 --json`,
);
console.log('commands on stdin (help for the list)');

let quitting = false;
async function quit(): Promise<void> {
  if (quitting) return;
  quitting = true;
  await pty.close();
  process.exit(0);
}
process.once('SIGINT', () => void quit());
process.once('SIGTERM', () => void quit());

// stdin closing (e.g. started in the background) does not end the simulator; `quit` does.
const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    if (line.trim() === 'quit') return quit();
    const reply = await runConsoleCommand(line, { sim, unplug: pty.unplug, plug: pty.plug }).catch(
      (error: unknown) => `error: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (reply) console.log(reply);
  });
});
