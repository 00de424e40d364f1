/**
 * The client's retry rule, against scripted answers (fetchImpl): what is retried, how long it
 * waits, what each attempt carries, and what the screens hear about connectivity.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { submission, TERMINAL_ID } from '../../../tests/platform-sim/sim-test-kit';
import { createPlatformClient } from './client';
import type { PlatformClientOptions } from './client';
import type { Connectivity } from './connectivity';
import type { FetchLike } from './http-transport';

type Scripted = { status: number; body?: unknown; headers?: Record<string, string> } | 'network';
type Sent = { url: string; headers: Record<string, string>; body: string };

const receipt = {
  caseNo: '37010020261120000001',
  queryCode: '123456',
  status: 'accepted',
  acceptedAt: '2026-11-20T09:30:00+08:00',
  promisedBy: '2026-11-25',
};
const problemBody = (status: number, code: string) => ({
  type: `https://platform.example.gov.cn/problems/${code}`,
  title: code,
  status,
  code,
});

/** Answers from the script in order; records every attempt. */
function scripted(script: Scripted[]) {
  const sent: Sent[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    sent.push({
      url,
      headers: init.headers,
      body: init.body ? new TextDecoder().decode(init.body) : '',
    });
    const next = script.shift();
    if (next === undefined) throw new Error('script exhausted');
    if (next === 'network') throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
    const json = next.body === undefined ? null : JSON.stringify(next.body);
    const type = next.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(next.status === 204 ? null : json, {
      status: next.status,
      headers: {
        ...(json === null ? {} : { 'content-type': type }),
        'x-request-id': init.headers['x-request-id'] ?? '',
        ...next.headers,
      },
    });
  };
  return { fetchImpl, sent };
}

function client(fetchImpl: FetchLike, overrides: Partial<PlatformClientOptions> = {}) {
  const waits: number[] = [];
  const c = createPlatformClient({
    baseUrl: 'https://platform.invalid/api',
    terminalId: TERMINAL_ID,
    tls: { ca: 'unused', cert: 'unused', key: 'unused' },
    timeoutMs: 1_000,
    fetchImpl,
    random: () => 0.5,
    sleep: async (ms) => void waits.push(ms),
    timings: { backoffBaseMs: 100, backoffCapMs: 1_000, maxAttempts: 4, maxRetryAfterMs: 5_000 },
    ...overrides,
  });
  return { c, waits };
}

describe('platform client retries', () => {
  it('retries network errors and 5xx with growing jittered waits, keeping key and body', async () => {
    const { fetchImpl, sent } = scripted([
      'network',
      { status: 500, body: problemBody(500, 'internal') },
      { status: 502 },
      { status: 201, body: receipt },
    ]);
    const { c, waits } = client(fetchImpl);
    const key = randomUUID();
    const result = await c.submitCase(submission('f-1'), key);
    expect(result).toMatchObject({ ok: true, value: { caseNo: receipt.caseNo, replayed: false } });
    expect(waits).toEqual([50, 100, 200]);
    expect(sent).toHaveLength(4);
    // Same Idempotency-Key and byte-identical body on every attempt; a fresh X-Request-Id each.
    expect(new Set(sent.map((s) => s.headers['idempotency-key']))).toEqual(new Set([key]));
    expect(new Set(sent.map((s) => s.body)).size).toBe(1);
    expect(new Set(sent.map((s) => s.headers['x-request-id'])).size).toBe(4);
  });

  it('honours Retry-After from 429 and 503 as the least wait', async () => {
    const { fetchImpl } = scripted([
      { status: 429, body: problemBody(429, 'rate-limited'), headers: { 'retry-after': '2' } },
      { status: 503, body: problemBody(503, 'maintenance'), headers: { 'retry-after': '1' } },
      { status: 201, body: receipt },
    ]);
    const { c, waits } = client(fetchImpl);
    expect((await c.submitCase(submission('f-1'), randomUUID())).ok).toBe(true);
    expect(waits).toEqual([2_000, 1_000]);
  });

  it('stops at once on a Retry-After beyond maxRetryAfterMs, carrying it for the outbox', async () => {
    const { fetchImpl, sent } = scripted([
      { status: 503, body: problemBody(503, 'maintenance'), headers: { 'retry-after': '600' } },
    ]);
    const { c, waits } = client(fetchImpl);
    const result = await c.getCatalog();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'problem', status: 503, problemCode: 'maintenance', retryAfterSeconds: 600 },
    });
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('surfaces a final 4xx with its code after one attempt', async () => {
    for (const [status, code] of [
      [400, 'bad-request'],
      [403, 'terminal-locked'],
      [404, 'not-found'],
      [409, 'idempotency-conflict'],
      [422, 'validation-failed'],
    ] as const) {
      const { fetchImpl, sent } = scripted([{ status, body: problemBody(status, code) }]);
      const { c } = client(fetchImpl);
      const result = await c.submitCase(submission('f-1'), randomUUID());
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'problem', status, problemCode: code },
      });
      expect(sent).toHaveLength(1);
    }
  });

  it('retries 408 and gives up after maxAttempts with the last error', async () => {
    const { fetchImpl, sent } = scripted(Array(4).fill({ status: 408 }));
    const { c, waits } = client(fetchImpl);
    const result = await c.heartbeat({
      at: '2026-11-20T09:30:00+08:00',
      appVersion: 't',
      uptimeSeconds: 1,
      devices: {},
      outbox: { pending: 0 },
      session: 'idle',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'problem', status: 408 } });
    expect(sent).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('tells connectivity listeners when the platform goes away and comes back', async () => {
    const { fetchImpl } = scripted([
      { status: 201, body: receipt },
      'network',
      'network',
      'network',
      'network',
      { status: 503, body: problemBody(503, 'maintenance'), headers: { 'retry-after': '600' } },
      { status: 201, body: receipt },
    ]);
    const { c } = client(fetchImpl, { now: () => new Date('2026-11-20T01:00:00Z') });
    const seen: Connectivity['state'][] = [];
    c.onConnectivity((state) => seen.push(state.state));
    await c.submitCase(submission('f-1'), randomUUID());
    await c.submitCase(submission('f-1'), randomUUID());
    expect(c.connectivity()).toMatchObject({ state: 'offline', cause: 'network' });
    await c.submitCase(submission('f-1'), randomUUID());
    expect(c.connectivity()).toMatchObject({ state: 'offline', cause: 'unavailable' });
    await c.submitCase(submission('f-1'), randomUUID());
    expect(seen).toEqual(['online', 'offline', 'offline', 'online']);
  });

  it('keeps a whole call within its budget', async () => {
    const { fetchImpl, sent } = scripted(['network', 'network', 'network', 'network']);
    const waits: number[] = [];
    // Real waits here: the budget is measured on the clock.
    const { c } = client(fetchImpl, {
      sleep: (ms) => new Promise((resolve) => setTimeout(() => resolve(void waits.push(ms)), ms)),
    });
    const result = await c.getCatalog({ budgetMs: 120 });
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    // 50 ms fits the budget, the next wait (100 ms) would not.
    expect(waits).toEqual([50]);
    expect(sent).toHaveLength(2);
  });
});
