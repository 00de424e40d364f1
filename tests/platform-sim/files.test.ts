import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from './file-store';
import { expectAllSentOnSpec, startTestPlatform, TINY_PNG } from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function upload(body: Uint8Array, headers: Record<string, string | undefined> = {}) {
  return platform.call('POST', '/v1/files', {
    headers: { 'content-type': 'image/png', 'x-content-sha256': sha256(body), ...headers },
    body,
  });
}

describe('platform simulator: POST /v1/files', () => {
  it('stores content-addressed: the same bytes give the same fileId', async () => {
    const first = await upload(TINY_PNG);
    const again = await upload(TINY_PNG);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      fileId: expect.any(String),
      sha256: sha256(TINY_PNG),
      size: TINY_PNG.byteLength,
      mediaType: 'image/png',
    });
    expect(again.json).toEqual(first.json);
    const other = await upload(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), {
      'content-type': 'application/pdf',
    });
    expect((other.json as { fileId: string }).fileId).not.toBe(
      (first.json as { fileId: string }).fileId,
    );
    expect(platform.sim.receivedFiles()).toHaveLength(2);
  });

  it('answers 400 digest-mismatch when X-Content-Sha256 is not the body’s', async () => {
    const res = await upload(TINY_PNG, { 'x-content-sha256': sha256(new Uint8Array([1])) });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'digest-mismatch' });
  });

  it('answers 400 bad-request without a well-formed X-Content-Sha256', async () => {
    for (const value of [undefined, 'ABC', sha256(TINY_PNG).toUpperCase()]) {
      const res = await upload(TINY_PNG, { 'x-content-sha256': value });
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ code: 'bad-request' });
    }
  });

  it('answers 415 for a media type other than PNG, JPEG or PDF', async () => {
    const res = await upload(TINY_PNG, { 'content-type': 'image/gif' });
    expect(res.status).toBe(415);
    expect(res.json).toMatchObject({ code: 'unsupported-media-type' });
  });

  it('answers 413 for a file over 20 MiB', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    const res = await upload(big, { 'content-type': 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ code: 'too-large' });
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});
