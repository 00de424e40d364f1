/**
 * A terminal process for the reliability runs: it submits cases through the real outbox over
 * mutual TLS, as fast as it can, and after each one the resident is told about it appends the
 * case's clientCaseId to the "told" log (fsynced, so a line there means the resident saw
 * "accepted" or "queued"). The harness kills it with SIGKILL at random moments.
 *
 *   node --import tsx tests/reliability/writer.ts '<json WriterArgs>'
 *
 * `mode: 'drain'` submits nothing: it starts the outbox (which recovers interrupted leases) and
 * exits 0 once nothing is left to send (3 if that takes longer than `drainTimeoutMs`).
 */
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { readTerminalTls, pkiPaths } from '../platform-sim/pki';
import { caseToQueue, openTestOutbox, testClient } from './outbox-kit';
import type { OutboxTimings } from '../../electron/host/outbox/outbox-timings';

export type WriterArgs = {
  mode: 'write' | 'drain';
  dataDir: string;
  url: string;
  pkiDir: string;
  toldLog: string;
  /** Cases to submit before stopping (write mode). */
  count: number;
  drainTimeoutMs: number;
  timings: Partial<OutboxTimings>;
};

const args = JSON.parse(process.argv[2] ?? '{}') as WriterArgs;
const tls = await readTerminalTls(pkiPaths(args.pkiDir));
const client = testClient({ url: args.url, tls }, { timeoutMs: 2_000 });
const box = await openTestOutbox({ dir: args.dataDir, client, timings: args.timings });
// The harness times its kill from here.
process.stdout.write('ready\n');

if (args.mode === 'drain') {
  const deadline = Date.now() + args.drainTimeoutMs;
  while (box.outbox.depth().pending > 0) {
    if (Date.now() > deadline) {
      process.stdout.write(`drain timed out with ${box.outbox.depth().pending} pending\n`);
      process.exit(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await box.close();
  await client.close();
  process.exit(0);
}

const told = openSync(args.toldLog, 'a');
for (let i = 0; i < args.count; i += 1) {
  const input = caseToQueue({ clientCaseId: randomUUID() });
  const result = await box.outbox.submitCase(input);
  if (result.ok) {
    writeSync(told, `${input.submission.clientCaseId} ${result.value.kind}\n`);
    fsyncSync(told);
  } else {
    process.stdout.write(`refused: ${result.error.code}\n`);
  }
}
closeSync(told);
await box.outbox.idle();
await box.close();
await client.close();
process.exit(0);
