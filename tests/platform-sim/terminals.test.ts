import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAllSentOnSpec, startTestPlatform, TERMINAL_ID } from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform.close();
});

const beat = {
  at: '2026-11-20T09:30:00+08:00',
  appVersion: '0.1.0',
  uptimeSeconds: 3600,
  devices: { printer: { state: 'paper-low' }, idcard: { state: 'ready' } },
  outbox: { pending: 2, oldestQueuedAt: '2026-11-20T09:00:00+08:00' },
  session: 'idle',
  printsSinceRefill: 120,
  diskFreeBytes: 12_000_000_000,
};
const heartbeat = (body: object = beat, terminal = TERMINAL_ID) =>
  platform.post(`/v1/terminals/${terminal}/heartbeat`, body);

describe('platform simulator: terminals', () => {
  it('stores a heartbeat and answers with the commands not yet acknowledged', async () => {
    const first = await heartbeat();
    expect(first.json).toEqual({ serverTime: expect.any(String), commands: [] });
    expect(platform.sim.heartbeats().at(-1)).toEqual(beat);
    const id = platform.sim.issueCommand('set-out-of-service', { reason: '维护' });
    const second = await heartbeat();
    expect((second.json as { commands: unknown[] }).commands).toEqual([
      {
        commandId: id,
        type: 'set-out-of-service',
        issuedAt: expect.any(String),
        args: { reason: '维护' },
      },
    ]);
    // Until acknowledged, every heartbeat carries it again.
    expect((await heartbeat()).json).toMatchObject({ commands: [{ commandId: id }] });
    const ack = await platform.post(`/v1/terminals/${TERMINAL_ID}/commands/${id}/ack`, {
      outcome: 'done',
    });
    expect(ack.status).toBe(204);
    expect(ack.text).toBe('');
    expect((await heartbeat()).json).toMatchObject({ commands: [] });
    // A repeated acknowledgement keeps the first outcome.
    await platform.post(`/v1/terminals/${TERMINAL_ID}/commands/${id}/ack`, { outcome: 'failed' });
    expect(platform.sim.commands().find((c) => c.commandId === id)).toMatchObject({
      outcome: 'done',
    });
  });

  it('answers 404 for an unknown command and 403 for another terminal’s path', async () => {
    const unknown = await platform.post(`/v1/terminals/${TERMINAL_ID}/commands/nope/ack`, {
      outcome: 'done',
    });
    expect(unknown.status).toBe(404);
    const other = await heartbeat(beat, 'T-370100-0043');
    expect(other.json).toMatchObject({ code: 'terminal-mismatch' });
  });

  it('refuses an off-spec heartbeat or acknowledgement', async () => {
    const bad = await heartbeat({ ...beat, session: 'asleep' });
    expect(bad.json).toMatchObject({
      code: 'bad-request',
      errors: [{ path: '/session', code: 'not-allowed' }],
    });
    const id = platform.sim.issueCommand('sync-catalog');
    const extra = await platform.post(`/v1/terminals/${TERMINAL_ID}/commands/${id}/ack`, {
      outcome: 'done',
      note: 'x',
    });
    expect(extra.json).toMatchObject({ errors: [{ path: '/note', code: 'unknown-field' }] });
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});
