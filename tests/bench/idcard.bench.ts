/**
 * The ID-card reader at real serial speed: the standalone simulator (its own process, on a socat
 * pty, replies paced at 115200 8N1 = 10 bits a byte) and the real driver over serialport. The
 * wire-time floor of a measurement is the time its bytes need on a real line (commands and
 * replies); what the driver adds on top is software overhead (pty, event loop, framing, parsing,
 * validation). Target: overhead under 10 % of the floor.
 *
 *   npx tsx tests/bench/run.ts idcard
 */
import { createIdCardReader, type IdCardReader } from '../../drivers/idcard/src/driver';
import { idCardOpener } from '../../drivers/idcard/src/port-selection';
import { wireTimeMs } from '../../drivers/idcard/src/simulator/reply-pacer';
import { startSimProcess, type SimProcess } from '../../drivers/idcard/src/testing/sim-process';
import { findSocat } from '../../drivers/transport/src/pty-pair';
import type { Recorder } from './stats';

const BAUD = 115200;
const RUNS = 30;

/** Frame sizes on the wire (commands are 10 bytes each). */
const CMD = 10;
const FOUND_REPLY = 15; // 9F + 4 bytes
const SELECT_REPLY = 19; // 90 + 8 bytes
const replyBytes = { 'text-photo': 1295, 'fingerprint-none': 1297, 'fingerprint-1024': 2321 };

/** Bytes exchanged after find-card said 9F: select, then read. */
const afterFound = (reply: number) => CMD + SELECT_REPLY + CMD + reply;
/** Bytes of find (card there at the first poll), select and read. */
const fromFind = (reply: number) => CMD + FOUND_REPLY + afterFound(reply);

async function timeFoundToCard(reader: IdCardReader): Promise<{ found: number; card: number }> {
  let found = Number.NaN;
  const start = performance.now();
  const read = await reader.readCard({ onProgress: () => (found = performance.now()) });
  const end = performance.now();
  if (!read.ok) throw new Error(`read failed: ${read.error.code}`);
  return { found: end - found, card: end - start };
}

async function benchReads(
  sim: SimProcess,
  record: Recorder,
  mode: 'text-photo' | 'text-photo-fingerprint',
  cardId: string,
  reply: number,
  label: string,
): Promise<void> {
  const reader = createIdCardReader({
    open: idCardOpener({ transport: 'serial', path: sim.portPath }),
    read: mode,
  });
  try {
    await reader.whenSettled();
    await sim.command(`place ${cardId}`);
    await timeFoundToCard(reader); // warm-up: JIT, serialport buffers
    const foundToCard: number[] = [];
    const presentToCard: number[] = [];
    let unexpectedBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      await sim.command('wire'); // resets the simulator's byte counts
      const t = await timeFoundToCard(reader);
      foundToCard.push(t.found);
      presentToCard.push(t.card);
      // A retry (or any extra exchange) would show as more bytes than find + select + read.
      const [, commands = 0, replies = 0] =
        /commands (\d+) replies (\d+)/.exec(await sim.command('wire'))?.map(Number) ?? [];
      if (commands + replies !== fromFind(reply)) unexpectedBytes++;
    }
    const floorFound = wireTimeMs(afterFound(reply), BAUD);
    const floorAll = wireTimeMs(fromFind(reply), BAUD);
    record(
      `${label}: card found → parsed card`,
      foundToCard,
      'ms',
      `floor ${floorFound.toFixed(1)} ms (${afterFound(reply)} B: select + read); runs with extra bytes (retries): ${unexpectedBytes}`,
    );
    record(
      `${label}: overhead over the floor (found → card)`,
      foundToCard.map((ms) => ((ms - floorFound) / floorFound) * 100),
      '%',
      'target < 10 %',
    );
    record(
      `${label}: card on the reader → parsed card (find at once)`,
      presentToCard,
      'ms',
      `floor ${floorAll.toFixed(1)} ms (${fromFind(reply)} B: find + select + read)`,
    );
    record(
      `${label}: overhead over the floor (find → card)`,
      presentToCard.map((ms) => ((ms - floorAll) / floorAll) * 100),
      '%',
      'target < 10 %',
    );
  } finally {
    await reader.close();
  }
}

/** Placed at a random moment while the driver polls every pollMs (default 300 ms). */
async function benchPlaced(sim: SimProcess, record: Recorder): Promise<void> {
  const reader = createIdCardReader({
    open: idCardOpener({ transport: 'serial', path: sim.portPath }),
    read: 'text-photo',
  });
  try {
    await reader.whenSettled();
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      await sim.command('remove');
      const reading = reader.readCard();
      await new Promise((r) => setTimeout(r, 50 + ((i * 97) % 300)));
      await sim.command('place elder-female');
      const placed = performance.now();
      const read = await reading;
      if (!read.ok) throw new Error(`read failed: ${read.error.code}`);
      samples.push(performance.now() - placed);
    }
    record(
      '30 01: card placed (random moment) → parsed card, default pollMs 300',
      samples,
      'ms',
      `floor ${wireTimeMs(fromFind(replyBytes['text-photo']), BAUD).toFixed(1)} ms + waiting for the next poll (0–300 ms)`,
    );
  } finally {
    await reader.close();
  }
}

export default async function idcard(record: Recorder): Promise<void> {
  if (!findSocat()) {
    console.log('idcard bench skipped: socat is not installed');
    return;
  }
  const sim = await startSimProcess(['--timing', 'real', '--baud', String(BAUD)]);
  try {
    await benchReads(
      sim,
      record,
      'text-photo',
      'elder-female',
      replyBytes['text-photo'],
      '30 01 (1295 B reply)',
    );
    await benchReads(
      sim,
      record,
      'text-photo-fingerprint',
      'elder-female',
      replyBytes['fingerprint-none'],
      '30 10, no fingerprints (1297 B)',
    );
    await benchReads(
      sim,
      record,
      'text-photo-fingerprint',
      'adult-male',
      replyBytes['fingerprint-1024'],
      '30 10, fingerprints (2321 B)',
    );
    await benchPlaced(sim, record);
  } finally {
    await sim.stop();
  }
}
