import { describe, expect, it } from 'vitest';
import { runConsoleCommand, type ConsoleTarget } from './console-commands';
import { createIdCardSimulator } from './id-card-simulator';

function target(): ConsoleTarget & { plugs: string[] } {
  const plugs: string[] = [];
  return {
    sim: createIdCardSimulator(),
    plugs,
    unplug: () => Promise.resolve(void plugs.push('unplug')),
    plug: () => Promise.resolve(void plugs.push('plug')),
  };
}

describe('the standalone simulator console', () => {
  it('places and removes sample cards by id', async () => {
    const t = target();
    expect(await runConsoleCommand('place foreign-2017', t)).toBe('ok');
    expect(t.sim.card).toMatchObject({ type: 'foreign-permanent', edition: 2017 });
    expect(await runConsoleCommand('remove', t)).toBe('ok');
    expect(t.sim.card).toBeUndefined();
    expect(await runConsoleCommand('place nobody', t)).toBe(
      'error: no sample card "nobody" (try: cards)',
    );
    expect(await runConsoleCommand('cards', t)).toContain('hong-kong-resident\t');
  });

  it('sets timing and chunking without losing the other', async () => {
    const t = target();
    await runConsoleCommand('chunks 16', t);
    await runConsoleCommand('timing real 9600', t);
    expect(t.sim.pacing).toEqual({ chunkSize: 16, baudRate: 9600 });
    await runConsoleCommand('timing fast', t);
    expect(t.sim.pacing).toEqual({ chunkSize: 16 });
    expect(await runConsoleCommand('timing slow', t)).toMatch(/^error/);
    expect(await runConsoleCommand('chunks 0', t)).toMatch(/^error/);
  });

  it('passes fault knobs and the cable through, and reports wire bytes', async () => {
    const t = target();
    for (const line of [
      'fail-next-read',
      'remove-during-read',
      'corrupt-next',
      'sam-fault 60',
      'sam-ok',
      'mute',
      'unmute',
    ]) {
      expect(await runConsoleCommand(line, t)).toBe('ok');
    }
    expect(await runConsoleCommand('sam-fault zz', t)).toMatch(/^error/);
    await runConsoleCommand('unplug', t);
    await runConsoleCommand('plug', t);
    expect(t.plugs).toEqual(['unplug', 'plug']);
    expect(await runConsoleCommand('wire', t)).toBe('commands 0 replies 0');
    expect(await runConsoleCommand('frobnicate', t)).toBe(
      'error: unknown command "frobnicate" (try: help)',
    );
    expect(await runConsoleCommand('help', t)).toContain('remove-during-read');
  });
});
