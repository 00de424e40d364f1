import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../electron/host/platform/spec/validators';
import { ensurePki, readTerminalTls } from './pki';
import { expectAllSentOnSpec, startTestPlatform, TERMINAL_ID } from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform.close();
});

async function attempt(tls: { ca: string; cert?: string; key?: string }): Promise<unknown> {
  const agent = new Agent({ connect: { ...tls, minVersion: 'TLSv1.2' } });
  try {
    const res = await request(`${platform.sim.url}/v1/catalog`, {
      dispatcher: agent,
      headers: { 'x-terminal-id': TERMINAL_ID, 'x-request-id': randomUUID() },
    });
    await res.body.text();
    return res.statusCode;
  } catch (error) {
    return error;
  } finally {
    await agent.close();
  }
}

describe('platform simulator: transport and identity', () => {
  it('rejects a client without a certificate at the TLS layer', async () => {
    const before = platform.sim.sentResponses().length;
    const outcome = await attempt({ ca: platform.tls.ca });
    expect(outcome).toBeInstanceOf(Error);
    // No HTTP answer was ever produced: the handshake (or the first read after it) failed.
    expect(platform.sim.sentResponses().length).toBe(before);
  });

  it('rejects a client certificate issued by another CA', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'other-ca-'));
    try {
      const other = await readTerminalTls(await ensurePki(otherDir, TERMINAL_ID));
      const before = platform.sim.sentResponses().length;
      const outcome = await attempt({ ca: platform.tls.ca, cert: other.cert, key: other.key });
      expect(outcome).toBeInstanceOf(Error);
      expect(platform.sim.sentResponses().length).toBe(before);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  it('serves a client with the platform-issued certificate', async () => {
    expect(await attempt(platform.tls)).toBe(200);
  });

  it('answers 403 terminal-mismatch when X-Terminal-Id differs from the certificate CN', async () => {
    const res = await platform.call('GET', '/v1/catalog', {
      headers: { 'x-terminal-id': 'T-370100-0043' },
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.json).toMatchObject({ code: 'terminal-mismatch', status: 403 });
  });

  it('answers 403 terminal-mismatch when X-Terminal-Id is missing', async () => {
    const res = await platform.call('GET', '/v1/catalog', {
      headers: { 'x-terminal-id': undefined },
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ code: 'terminal-mismatch' });
  });

  it('requires X-Request-Id to be a UUID, and echoes it back', async () => {
    const missing = await platform.call('GET', '/v1/catalog', {
      headers: { 'x-request-id': undefined },
    });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ code: 'bad-request' });
    const notUuid = await platform.call('GET', '/v1/catalog', {
      headers: { 'x-request-id': 'abc' },
    });
    expect(notUuid.status).toBe(400);
    expect(notUuid.headers['x-request-id']).toBeUndefined();

    const id = randomUUID();
    const res = await platform.call('GET', '/v1/catalog', { headers: { 'x-request-id': id } });
    expect(res.headers['x-request-id']).toBe(id);
  });

  it('answers an unknown route or method with a 404 problem', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing-here'],
      ['DELETE', '/v1/catalog'],
    ] as const) {
      const res = await platform.call(method, path);
      expect(res.status).toBe(404);
      expect(res.json).toMatchObject({ code: 'not-found', status: 404 });
    }
  });
});

describe('platform simulator: catalog', () => {
  it('answers 200 with an ETag, then 304 to If-None-Match', async () => {
    const first = await platform.call('GET', '/v1/catalog');
    expect(first.status).toBe(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"c-[0-9a-f]{16}"$/);
    expect(validateResponse('getCatalog', 200, first.json).valid).toBe(true);

    const second = await platform.call('GET', '/v1/catalog', {
      headers: { 'if-none-match': etag },
    });
    expect(second.status).toBe(304);
    expect(second.text).toBe('');
    expect(second.headers.etag).toBe(etag);

    const stale = await platform.call('GET', '/v1/catalog', {
      headers: { 'if-none-match': '"c-0000000000000000"' },
    });
    expect(stale.status).toBe(200);
  });
});

describe('platform simulator: faults', () => {
  it('answers with an on-spec problem and Retry-After when told to', async () => {
    platform.sim.setFault({
      fault: { kind: 'problem', status: 503, code: 'maintenance', retryAfterSeconds: 30 },
      operationId: 'getCatalog',
      times: 1,
    });
    const res = await platform.call('GET', '/v1/catalog');
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.json).toMatchObject({ code: 'maintenance' });
    // `times: 1`: the next request is served normally.
    expect((await platform.call('GET', '/v1/catalog')).status).toBe(200);
  });
});

describe('platform simulator: every answer', () => {
  it('validates against the spec (body, media type and headers)', () => {
    expect(expectAllSentOnSpec(platform.sim)).toBeGreaterThan(8);
  });
});
