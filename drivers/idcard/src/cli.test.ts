import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedPort, type SimulatedPort } from '../../transport/src/simulated-port';
import { registerIdCardCommands, type CliIo, type IdCardCliDeps } from './cli';
import { createIdCardSimulator, type IdCardSimulator } from './simulator/id-card-simulator';
import { sampleCard } from './simulator/sample-cards';

let sim: IdCardSimulator;
let port: SimulatedPort;

function fresh(): void {
  sim = createIdCardSimulator();
  port = createSimulatedPort({ label: 'cli', chunkSize: 97, attach: sim.attach });
}
fresh();
afterEach(fresh);

/** Runs `kioskctl idcard …` against the simulator on a memory port. */
async function run(args: string[], deps: IdCardCliDeps = {}) {
  const out: string[] = [];
  const errors: string[] = [];
  let code = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    error: (t) => errors.push(t),
    exit: (c) => (code = c),
  };
  const program = new Command('kioskctl')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errors.push(s) });
  registerIdCardCommands(program, io, { openerFor: () => port.open, ...deps });
  await program
    .parseAsync(['node', 'kioskctl', 'idcard', ...args])
    .catch((e: { exitCode?: number }) => {
      code = e.exitCode ?? 1;
    });
  return { out: out.join('\n'), errors: errors.join('\n'), code };
}

describe('kioskctl idcard (memory port)', () => {
  it('status --json: ready with the SAM id, exit 0', async () => {
    expect(await run(['status', '--port', 'mem', '--json'])).toEqual({
      out: '{"state":"ready","samId":"05.01-20240101-0000000001-0000000042"}',
      errors: '',
      code: 0,
    });
  });

  it('status --json: absent and a SAM fault exit 2 with the state', async () => {
    port.unplug();
    expect(await run(['status', '--port', 'mem', '--json'])).toMatchObject({
      out: '{"state":"absent"}',
      code: 2,
    });
    port.plug();
    sim.setSamFault(0x60);
    const faulty = await run(['status', '--port', 'mem']);
    expect(faulty).toMatchObject({ code: 2 });
    expect(faulty.out).toBe('error (sam-fault): SAM status check: SW3 60 (SAM self-test failed)');
  });

  it('read --json prints the card, exit 0', async () => {
    sim.placeCard(sampleCard('hong-kong-resident')!.card);
    const result = await run(['read', '--port', 'mem', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      type: 'hmt-residence',
      name: '陈嘉欣',
      passNumber: 'H60213587',
      issueCount: 1,
      hasPhoto: true,
      hasFingerprint: false,
    });
  });

  it('read without --json prints a masked line only', async () => {
    sim.placeCard(sampleCard('adult-male')!.card);
    const result = await run(['read', '--port', 'mem']);
    expect(result).toEqual({
      out: '居民身份证 李** 1101**********3574 有效期至 2039-04-02\nphoto: yes, fingerprints: yes',
      errors: '',
      code: 0,
    });
  });

  it.each([
    ['no card', () => undefined, 'no-card'],
    ['no reader', () => port.unplug(), 'no-reader'],
    ['a SAM fault', () => sim.setSamFault(0x66), 'sam-error'],
    [
      'a read failing every time',
      () => {
        sim.placeCard(sampleCard('elder-female')!.card);
        sim.removeCardDuringNextRead();
      },
      'read-failed',
    ],
    [
      'an invalid card',
      () => sim.placeCard({ ...sampleCard('elder-female')!.card, idNumber: '370102195803121241' }),
      'read-failed',
    ],
  ])('read --json with %s: exit 2 and the error code', async (_, arrange, code) => {
    arrange();
    const result = await run(['read', '--port', 'mem', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toEqual({ error: { code, message: expect.any(String) } });
    expect(result.out).not.toContain('370102195803121241');
  });

  it('read --wait waits for a card', async () => {
    setTimeout(() => sim.placeCard(sampleCard('foreign-2023')!.card), 1500);
    const result = await run(['read', '--port', 'mem', '--wait', '5', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ type: 'foreign-permanent', nationality: 'RUS' });
  });

  it('watch prints one masked line per placed and removed card', async () => {
    const done = run(['watch', '--port', 'mem', '--count', '2']);
    await new Promise((r) => setTimeout(r, 100));
    sim.placeCard(sampleCard('elder-female')!.card);
    await new Promise((r) => setTimeout(r, 700));
    sim.removeCard();
    const result = await done;
    expect(result.code).toBe(0);
    const lines = result.out.split('\n').map((l) => l.slice(9));
    expect(lines).toEqual([
      'reader ready (SAM 05.01-20240101-0000000001-0000000042)',
      'placed 居民身份证 王** 3701**********124X 有效期至 长期',
      'removed',
    ]);
    expect(result.out).not.toContain('王秀英');
  });

  it('needs a port', async () => {
    const result = await run(['read']);
    expect(result.code).toBe(2);
    expect(result.errors).toContain('--port PATH or --usb VID:PID');
  });
});
