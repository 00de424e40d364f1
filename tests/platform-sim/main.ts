/**
 * Runs the platform simulator on its own, for development and demos:
 *
 *   npx tsx tests/platform-sim/main.ts --pki-dir .kiosk-data/pki [--port 8443]
 *     [--terminal-id T-370100-0042] [--db FILE] [--day-ms 60000] [--seed N]
 *
 * Configure the terminal with the printed URL and the printed certificate paths. `--db` keeps the
 * platform's state (cases, idempotency keys, commands) across restarts; `--day-ms` makes a working
 * day pass faster for case progress in demos. Ctrl+C stops it.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatformSimulator } from './server';

const { values } = parseArgs({
  options: {
    'pki-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'terminal-id': { type: 'string', default: 'T-370100-0042' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string' },
    'day-ms': { type: 'string' },
    seed: { type: 'string' },
  },
});

const pkiDir = values['pki-dir'];
const port = Number(values.port);
if (pkiDir === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    'usage: tsx tests/platform-sim/main.ts --pki-dir DIR [--port N] [--terminal-id T-370100-0042]',
  );
  process.exit(2);
}

const sim = await startPlatformSimulator({
  pkiDir: resolve(pkiDir),
  terminalId: values['terminal-id'],
  host: values.host,
  port,
  ...(values.db === undefined ? {} : { dbPath: resolve(values.db) }),
  ...(values['day-ms'] === undefined ? {} : { dayMs: Number(values['day-ms']) }),
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
});
console.log(`platform simulator listening on ${sim.url}`);
console.log(`  CA:                 ${sim.pki.caCert}`);
console.log(`  terminal cert/key:  ${sim.pki.terminalCert} ${sim.pki.terminalKey}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sim.close().then(() => {
      console.log('platform simulator stopped');
      process.exit(0);
    });
  });
}
