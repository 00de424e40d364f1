/** Making the simulated platform misbehave, from tests (and the developer panel). */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFaultSwitch, NORMAL_CONDITIONS, seededRandom } from './faults';
import { expectAllSentOnSpec, startTestPlatform, submission } from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seed: 42 });
});
afterEach(() => {
  platform.sim.setConditions(NORMAL_CONDITIONS);
  platform.sim.setFault(null);
  platform.sim.setTerminalLocked(false);
});
afterAll(async () => {
  await platform.close();
});

const catalog = () =>
  platform.call('GET', '/v1/catalog').then(
    (r) => r.status,
    () => 'dropped',
  );

describe('fault switch', () => {
  it('draws rates from a seeded generator: the same seed, the same bad day', () => {
    const plans = (seed: number) => {
      const faults = createFaultSwitch(seededRandom(seed));
      faults.setConditions({ errorRate: 0.3, dropRate: 0.2 });
      return Array.from({ length: 50 }, () => faults.plan('getCatalog').instead?.kind ?? 'ok');
    };
    expect(plans(7)).toEqual(plans(7));
    expect(plans(7)).not.toEqual(plans(8));
    const mix = plans(7);
    expect(mix).toContain('drop');
    expect(mix).toContain('problem');
    expect(mix).toContain('ok');
  });

  it('refuses a rate outside 0–1', () => {
    expect(() => createFaultSwitch().setConditions({ errorRate: 2 })).toThrow(/between 0 and 1/);
  });
});

describe('platform simulator: conditions', () => {
  it('adds latency', async () => {
    platform.sim.setConditions({ latencyMs: 150 });
    const started = performance.now();
    expect(await catalog()).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers 500 internal at the error rate, and drops at the drop rate', async () => {
    platform.sim.setConditions({ errorRate: 1 });
    expect(await catalog()).toBe(500);
    platform.sim.setConditions({ errorRate: 0, dropRate: 1 });
    expect(await catalog()).toBe('dropped');
  });

  it('is in maintenance: 503 with Retry-After for every operation', async () => {
    platform.sim.setConditions({ maintenance: { retryAfterSeconds: 90 } });
    const res = await platform.call('GET', '/v1/catalog');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('90');
    expect(res.json).toMatchObject({ code: 'maintenance' });
  });

  it('limits conditions to named operations', async () => {
    platform.sim.setConditions({ errorRate: 1, operations: ['submitCase'] });
    expect(await catalog()).toBe(200);
  });

  it('processes a request and loses the answer: the case exists, the terminal heard nothing', async () => {
    const signature = await platform.uploadSignature();
    const before = platform.sim.receivedCases().length;
    platform.sim.setConditions({ lostResponseRate: 1 });
    const key = randomUUID();
    const body = submission(signature);
    await expect(platform.post('/v1/cases', body, key)).rejects.toThrow();
    expect(platform.sim.receivedCases().length).toBe(before + 1);
    expect(platform.sim.lostResponses()).toBe(1);
    platform.sim.setConditions({ lostResponseRate: 0 });
    // The retry with the same key gets the case that was created, not a second one.
    const retry = await platform.post('/v1/cases', body, key);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(platform.sim.receivedCases().length).toBe(before + 1);
  });

  it('locks the terminal: 403 terminal-locked, but heartbeats still work', async () => {
    platform.sim.setTerminalLocked(true);
    expect((await platform.call('GET', '/v1/catalog')).json).toMatchObject({
      code: 'terminal-locked',
    });
    const beat = await platform.post('/v1/terminals/T-370100-0042/heartbeat', {
      at: '2026-11-20T09:30:00+08:00',
      appVersion: 't',
      uptimeSeconds: 1,
      devices: {},
      outbox: { pending: 0 },
      session: 'out-of-service',
    });
    expect(beat.status).toBe(200);
  });

  it('goes down (connections refused) and comes back on the same port', async () => {
    await platform.sim.setOnline(false);
    expect(platform.sim.online()).toBe(false);
    // The first call may still find the kept-alive socket closing under it; the next is refused.
    await platform.call('GET', '/v1/catalog').catch(() => undefined);
    const refused = await platform.call('GET', '/v1/catalog').catch((e: Error) => e);
    expect((refused as Error & { code?: string }).code).toBe('ECONNREFUSED');
    await platform.sim.setOnline(true);
    expect(await catalog()).toBe(200);
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});

describe('developer panel presets', () => {
  it('puts the platform into each named state and back', async () => {
    const { applyPlatformPreset, PLATFORM_PRESETS } = await import('./dev-presets');
    await applyPlatformPreset(platform.sim, 'maintenance');
    expect((await platform.call('GET', '/v1/catalog')).status).toBe(503);
    await applyPlatformPreset(platform.sim, 'locked');
    expect((await platform.call('GET', '/v1/catalog')).json).toMatchObject({
      code: 'terminal-locked',
    });
    await applyPlatformPreset(platform.sim, 'down');
    expect(platform.sim.online()).toBe(false);
    for (const preset of PLATFORM_PRESETS) await applyPlatformPreset(platform.sim, preset);
    await applyPlatformPreset(platform.sim, 'normal');
    expect(platform.sim.online()).toBe(true);
    // The test caller's kept-alive socket died with 'down'; the first call may find it closed.
    await catalog();
    expect(await catalog()).toBe(200);
  });
});
