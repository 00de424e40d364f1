import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePki, readTerminalTls } from '../../../tests/platform-sim/pki';
import {
  APPLICANT,
  expectAllSentOnSpec,
  ITEMS,
  startTestPlatform,
  submission,
  TERMINAL_ID,
  TINY_PNG,
} from '../../../tests/platform-sim/sim-test-kit';
import type { TestPlatform } from '../../../tests/platform-sim/sim-test-kit';
import { createPlatformClient } from './client';
import type { PlatformClient, PlatformClientOptions } from './client';
import type { FetchLike } from './http-transport';
import { isTransient } from './platform-error';

let platform: TestPlatform;
let client: PlatformClient;
const extraClients: PlatformClient[] = [];

/** Waits shrunk so retries cost milliseconds, not seconds. */
const FAST = { backoffBaseMs: 5, backoffCapMs: 20, maxRetryAfterMs: 50 };
/** For tests about how one answer is mapped: no retry hides it. */
const ONCE = { maxAttempts: 1 };

function clientWith(overrides: Partial<PlatformClientOptions> = {}): PlatformClient {
  const c = createPlatformClient({
    baseUrl: platform.sim.url,
    terminalId: TERMINAL_ID,
    tls: platform.tls,
    timeoutMs: 5_000,
    timings: FAST,
    ...overrides,
  });
  extraClients.push(c);
  return c;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  client = clientWith();
});
afterAll(async () => {
  await Promise.all(extraClients.map((c) => c.close()));
  await platform.close();
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fetchImpl that answers every call with one canned response, recording what was sent. */
function canned(status: number, body: string | null, headers: Record<string, string> = {}) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers });
    return new Response(body, { status, headers });
  };
  return { fetchImpl, calls };
}

describe('platform client against the simulator (mTLS on 127.0.0.1)', () => {
  it('gets the catalog, then not-modified for its ETag', async () => {
    const first = await client.getCatalog();
    expect(first.ok).toBe(true);
    if (!first.ok || first.value.kind !== 'catalog') throw new Error('expected a catalog');
    expect(first.value.catalog.items.length).toBeGreaterThanOrEqual(8);
    expect(first.value.etag).toBe(`"${first.value.catalog.version}"`);

    const second = await client.getCatalog({ etag: first.value.etag });
    expect(second).toEqual({ ok: true, value: { kind: 'not-modified' } });
  });

  it('sends X-Terminal-Id and a fresh X-Request-Id on every attempt', async () => {
    const before = platform.sim.sentResponses().length;
    await client.getCatalog();
    await client.getCatalog();
    const ids = platform.sim
      .sentResponses()
      .slice(before)
      .map((s) => s.headers['x-request-id']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('uploads a file, content-addressed', async () => {
    const first = await client.uploadFile(TINY_PNG, 'image/png');
    const again = await client.uploadFile(TINY_PNG, 'image/png');
    expect(first).toEqual({
      ok: true,
      value: {
        fileId: expect.any(String),
        sha256: createHash('sha256').update(TINY_PNG).digest('hex'),
        size: TINY_PNG.byteLength,
        mediaType: 'image/png',
      },
    });
    expect(again).toEqual(first);
  });

  it('submits a case; the same key replays it; a changed body is a final 409', async () => {
    const signature = await client.uploadFile(TINY_PNG, 'image/png');
    if (!signature.ok) throw new Error('upload failed');
    const key = randomUUID();
    const body = submission(signature.value.fileId);

    const first = await client.submitCase(body, key);
    expect(first).toMatchObject({ ok: true, value: { status: 'approved', replayed: false } });
    const again = await client.submitCase(body, key);
    expect(again).toMatchObject({ ok: true, value: { replayed: true } });
    if (!first.ok || !again.ok) throw new Error('unreachable');
    expect(again.value.caseNo).toBe(first.value.caseNo);
    expect(
      platform.sim.receivedCases().filter((c) => c.caseNo === first.value.caseNo),
    ).toHaveLength(1);

    const conflict = await client.submitCase(submission(signature.value.fileId), key);
    expect(conflict).toMatchObject({
      ok: false,
      error: { code: 'problem', status: 409, problemCode: 'idempotency-conflict' },
    });
    if (!conflict.ok) expect(isTransient(conflict.error)).toBe(false);
  });

  it('maps 422 validation-failed with its errors', async () => {
    const signature = await client.uploadFile(TINY_PNG, 'image/png');
    if (!signature.ok) throw new Error('upload failed');
    const result = await client.submitCase(
      submission(signature.value.fileId, {
        itemCode: ITEMS.ruralPension,
        applicant: { ...APPLICANT, idType: 'foreign-permanent' },
      }),
      randomUUID(),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'problem',
        status: 422,
        problemCode: 'validation-failed',
        title: expect.any(String),
        errors: expect.arrayContaining([
          { path: '/applicant/idType', code: 'id-type-not-accepted' },
          { path: '/form/address', code: 'required' },
        ]),
      },
    });
  });

  it('answers 403 terminal-mismatch as a final problem when the id is not the certificate’s', async () => {
    const result = await clientWith({ terminalId: 'T-370100-0043' }).getCatalog();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'problem', status: 403, problemCode: 'terminal-mismatch' },
    });
  });
});

describe('platform client: a platform that misbehaves', () => {
  it('maps a nonsense 200 body to invalid-response, never a crash', async () => {
    for (const [contentType, body] of [
      ['application/json', '{"hello":"world"}'],
      ['application/json', '{"version":'],
      ['text/html', '<html>gateway</html>'],
    ] as const) {
      platform.sim.setFault({
        fault: { kind: 'raw', status: 200, contentType, body },
        operationId: 'getCatalog',
        times: 1,
      });
      const result = await client.getCatalog();
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
    }
  });

  it('maps an off-spec error body to a problem with problemCode unknown', async () => {
    platform.sim.setFault({
      fault: { kind: 'raw', status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' },
      times: 1,
    });
    const result = await client.getCatalog(ONCE);
    expect(result).toEqual({
      ok: false,
      error: { code: 'problem', status: 502, problemCode: 'unknown' },
    });
    if (!result.ok) expect(isTransient(result.error)).toBe(true);
  });

  it('keeps Retry-After from a 503 maintenance', async () => {
    platform.sim.setFault({
      fault: { kind: 'problem', status: 503, code: 'maintenance', retryAfterSeconds: 120 },
      times: 1,
    });
    const result = await client.uploadFile(TINY_PNG, 'image/png', ONCE);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'problem', status: 503, problemCode: 'maintenance', retryAfterSeconds: 120 },
    });
  });

  it('gives up after timeoutMs with timeout', async () => {
    platform.sim.setFault({ fault: { kind: 'delay', ms: 1_000 }, times: 1 });
    const started = Date.now();
    const result = await clientWith({ timeoutMs: 200 }).getCatalog(ONCE);
    expect(result).toEqual({ ok: false, error: { code: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('maps a dropped connection to network', async () => {
    platform.sim.setFault({ fault: { kind: 'drop' }, times: 1 });
    const result = await clientWith().getCatalog(ONCE);
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('maps connection refused to network', async () => {
    const port = await closedPort();
    const result = await clientWith({ baseUrl: `https://127.0.0.1:${port}/api` }).getCatalog();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining('ECONNREFUSED') },
    });
    if (!result.ok) expect(isTransient(result.error)).toBe(true);
  });
});

describe('platform client: TLS trust', () => {
  let otherDir: string;
  let other: { ca: string; cert: string; key: string };
  beforeAll(async () => {
    otherDir = await mkdtemp(join(tmpdir(), 'other-pki-'));
    other = await readTerminalTls(await ensurePki(otherDir, TERMINAL_ID));
  });
  afterAll(async () => {
    await rm(otherDir, { recursive: true, force: true });
  });

  it('is refused by the platform with a certificate from another CA', async () => {
    const before = platform.sim.sentResponses().length;
    const result = await clientWith({
      tls: { ca: platform.tls.ca, cert: other.cert, key: other.key },
    }).getCatalog();
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(platform.sim.sentResponses().length).toBe(before);
  });

  it('refuses a platform whose certificate is not from the configured CA', async () => {
    const result = await clientWith({ tls: { ...platform.tls, ca: other.ca } }).getCatalog();
    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});

describe('platform client: answers checked beyond the body (fetchImpl)', () => {
  const options = (fetchImpl: FetchLike) => ({
    baseUrl: 'https://platform.invalid/api',
    terminalId: TERMINAL_ID,
    tls: { ca: 'unused', cert: 'unused', key: 'unused' },
    timeoutMs: 1_000,
    fetchImpl,
  });

  it('sends the spec’s headers to the spec’s paths', async () => {
    const { fetchImpl, calls } = canned(503, null);
    const c = createPlatformClient(options(fetchImpl));
    await c.uploadFile(TINY_PNG, 'image/png', ONCE);
    await c.close();
    expect(calls[0]?.url).toBe('https://platform.invalid/api/v1/files');
    expect(calls[0]?.headers).toMatchObject({
      'x-terminal-id': TERMINAL_ID,
      'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'x-content-sha256': createHash('sha256').update(TINY_PNG).digest('hex'),
      'content-type': 'image/png',
    });
  });

  it('rejects a 304 to a request that sent no ETag', async () => {
    const c = createPlatformClient(options(canned(304, null).fetchImpl));
    expect(await c.getCatalog()).toMatchObject({ ok: false, error: { code: 'invalid-response' } });
  });

  it('rejects a catalog without its required ETag header', async () => {
    const body = JSON.stringify({
      version: 'v',
      generatedAt: '2026-11-20T09:30:00+08:00',
      items: [],
    });
    const c = createPlatformClient(
      options(canned(200, body, { 'content-type': 'application/json' }).fetchImpl),
    );
    expect(await c.getCatalog()).toMatchObject({
      ok: false,
      error: { code: 'invalid-response', message: expect.stringContaining('ETag') },
    });
  });

  it('rejects a stored file that is not the bytes sent', async () => {
    const body = JSON.stringify({
      fileId: 'f-1',
      sha256: '0'.repeat(64),
      size: 1,
      mediaType: 'image/png',
    });
    const c = createPlatformClient(
      options(canned(201, body, { 'content-type': 'application/json' }).fetchImpl),
    );
    expect(await c.uploadFile(TINY_PNG, 'image/png')).toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
  });

  it('refuses a base URL that is not https (a configuration bug)', () => {
    expect(() =>
      createPlatformClient({ ...options(canned(200, null).fetchImpl), baseUrl: 'http://x/api' }),
    ).toThrow(/https/);
  });
});

describe('platform simulator, as seen by the client tests', () => {
  it('sent only answers that validate against the spec', () => {
    expect(expectAllSentOnSpec(platform.sim)).toBeGreaterThan(10);
  });
});
