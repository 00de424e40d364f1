import { describe, expect, it } from 'vitest';
import { createMemoryLink } from '../../../transport/src/memory';
import { encodeNamedCommand, encodeSetBaud, type CommandName } from '../protocol/commands';
import { FrameAccumulator, type ResponseFrame } from '../protocol/frame';
import { Sw3 } from '../protocol/status-codes';
import { createIdCardSimulator, type IdCardSimulatorOptions } from './id-card-simulator';
import { wireTimeMs } from './reply-pacer';
import { sampleCard } from './sample-cards';

/** A simulator on a memory link and a way to send it raw commands. */
function bench(options: IdCardSimulatorOptions = {}) {
  const sim = createIdCardSimulator(options);
  const link = createMemoryLink({ label: 'sim-test' });
  sim.attach(link.device);
  const acc = new FrameAccumulator();
  const replies: ResponseFrame[] = [];
  const chunks: number[] = [];
  link.host.onData((chunk) => {
    chunks.push(chunk.length);
    for (const f of acc.push(chunk)) if (f.ok) replies.push(f.value);
  });
  const send = async (command: CommandName | Uint8Array) => {
    const count = replies.length;
    await link.host.write(typeof command === 'string' ? encodeNamedCommand(command) : command);
    while (replies.length === count) await new Promise((r) => setTimeout(r, 1));
    return replies.at(-1)!;
  };
  return { sim, send, chunks };
}

const card = sampleCard('elder-female')!.card;

describe('the ID-card simulator', () => {
  it('insists on find and select before a read, and halts the card after it', async () => {
    const { sim, send } = bench();
    sim.placeCard(card);
    expect((await send('read-text-photo')).sw3).toBe(Sw3.readFailed);
    expect((await send('select-card')).sw3).toBe(Sw3.selectFailed);
    expect((await send('find-card')).sw3).toBe(Sw3.cardFound);
    expect((await send('select-card')).sw3).toBe(Sw3.ok);
    expect((await send('read-text-photo')).data).toHaveLength(4 + 256 + 1024);
    expect((await send('read-text-photo')).sw3).toBe(Sw3.readFailed);
    expect((await send('read-appended-address')).sw3).toBe(Sw3.itemEmpty);
    sim.removeCard();
    expect((await send('find-card')).sw3).toBe(Sw3.noCard);
  });

  it('answers set-baud, an unknown command with 21, and a garbled command with 10', async () => {
    const { sim, send } = bench();
    expect((await send(encodeSetBaud(9600))).sw3).toBe(Sw3.ok);
    expect(sim.baudRate).toBe(9600);
    expect(
      (await send(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0, 3, 0x30, 0x02, 0x31))).sw3,
    ).toBe(Sw3.commandError);
    const garbled = encodeNamedCommand('find-card');
    garbled[9] = (garbled[9] ?? 0) ^ 0xff;
    expect((await send(garbled)).sw3).toBe(Sw3.checksumError);
  });

  it('paces replies at real 115200 8N1 timing: a 1295-byte reply takes its 112 ms', async () => {
    const { sim, send, chunks } = bench({ pacing: { baudRate: 115200 } });
    sim.placeCard(card);
    await send('find-card');
    await send('select-card');
    const floor = wireTimeMs(10 + 1295, 115200);
    expect(floor).toBeCloseTo(113.3, 1);
    const start = performance.now();
    chunks.length = 0;
    await send('read-text-photo');
    const took = performance.now() - start;
    expect(took).toBeGreaterThanOrEqual(floor - 1);
    expect(took).toBeLessThan(floor + 40);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(32);
  });

  it('counts the bytes on the wire', async () => {
    const { sim, send } = bench();
    sim.placeCard(sampleCard('adult-male')!.card);
    await send('find-card');
    await send('select-card');
    await send('read-text-photo-fingerprint');
    expect(sim.wireBytes(true)).toEqual({ commands: 30, replies: 15 + 19 + 2321 });
    expect(sim.wireBytes()).toEqual({ commands: 0, replies: 0 });
  });

  it('stays silent when unresponsive, and answers SAM faults to everything but 12 FF', async () => {
    const { sim, send } = bench();
    sim.setSamFault(0x60);
    expect((await send('sam-status')).sw3).toBe(0x60);
    expect((await send('sam-id')).sw3).toBe(Sw3.ok);
    sim.setSamFault(undefined);
    sim.setResponsive(false);
    const silent = send('sam-status');
    const winner = await Promise.race([
      silent.then(() => 'reply'),
      new Promise((r) => setTimeout(() => r('silence'), 50)),
    ]);
    expect(winner).toBe('silence');
    sim.setResponsive(true);
    expect((await send('sam-status')).sw3).toBe(Sw3.ok);
  });
});
