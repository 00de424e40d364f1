import { describe, expect, it } from 'vitest';
import { createSimulatedPort } from './simulated-port';
import { raceAbort, sleep } from './timing';
import type { Transport, TransportCloseReason } from './transport';

describe('simulated port', () => {
  it('gives a fresh link per open while plugged, nothing while unplugged', async () => {
    const devices: Transport[] = [];
    const port = createSimulatedPort({ label: 'x', attach: (d) => devices.push(d) });
    const host = await port.open();
    expect(host?.label).toBe('memory:x');
    const closed = new Promise<TransportCloseReason>((resolve) => host!.onClose(resolve));
    port.unplug();
    expect(await closed).toEqual({ kind: 'lost', message: 'unplugged' });
    expect(await port.open()).toBeUndefined();
    port.plug();
    expect((await port.open())?.isOpen).toBe(true);
    expect(devices).toHaveLength(2);
  });
});

describe('timing helpers', () => {
  it('sleep ends early on abort and says so', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, undefined, controller.signal);
    controller.abort();
    expect(await pending).toBe(true);
    expect(await sleep(1)).toBe(false);
  });

  it('raceAbort gives the value, or aborted', async () => {
    expect(await raceAbort(Promise.resolve(3), new AbortController().signal)).toBe(3);
    expect(await raceAbort(new Promise(() => undefined), AbortSignal.abort())).toBe('aborted');
  });
});
