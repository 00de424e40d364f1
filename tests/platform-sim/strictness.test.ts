/** The simulator refuses what the spec does not allow, with the spec's codes; replays for 7 days. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAllSentOnSpec,
  ITEMS,
  RESIDENT,
  startTestPlatform,
  submission,
} from './sim-test-kit';
import type { TestPlatform } from './sim-test-kit';

let clock = new Date('2026-11-20T01:30:00Z');
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ now: () => clock });
});
afterAll(async () => {
  await platform.close();
});

describe('platform simulator: strict about requests', () => {
  it('rejects unknown fields at any depth with unknown-field', async () => {
    const res = await platform.post('/v1/cases/search', {
      applicant: { ...RESIDENT, nickname: 'x' },
      page: 2,
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      code: 'bad-request',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: '/applicant/nickname', code: 'unknown-field' }),
        expect.objectContaining({ path: '/page', code: 'unknown-field' }),
      ]),
    });
  });

  it('names missing fields and broken formats', async () => {
    const res = await platform.post('/v1/licenses/search', {
      holder: RESIDENT,
      consentAt: 'yesterday',
    });
    expect(res.json).toMatchObject({
      errors: expect.arrayContaining([
        expect.objectContaining({ path: '/purpose', code: 'required' }),
        expect.objectContaining({ path: '/consentAt', code: 'format' }),
      ]),
    });
  });

  it('answers 400 for malformed JSON and 415 for a body that is not JSON', async () => {
    expect((await platform.post('/v1/evaluations', '{"level":', randomUUID())).json).toMatchObject({
      code: 'bad-request',
    });
    const text = await platform.call('POST', '/v1/cases/search', {
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ applicant: RESIDENT }),
    });
    expect(text.status).toBe(415);
    expect(text.json).toMatchObject({ code: 'unsupported-media-type' });
  });

  it('checks every header the spec declares', async () => {
    const noKey = await platform.post('/v1/queue/tickets', { itemCode: ITEMS.householdMove });
    expect(noKey.json).toMatchObject({
      code: 'bad-request',
      detail: expect.stringContaining('Idempotency-Key'),
    });
    const badId = await platform.call('GET', '/v1/catalog', { headers: { 'x-request-id': 'abc' } });
    expect(badId.status).toBe(400);
    expect(badId.headers['x-request-id']).toBeUndefined();
  });

  it('answers 404 for a path or method the spec does not have', async () => {
    expect((await platform.call('GET', '/v1/cases')).status).toBe(404);
    expect((await platform.call('DELETE', '/v1/catalog')).status).toBe(404);
  });
});

describe('platform simulator: idempotency over time', () => {
  it('replays within 7 days and treats the key as new after', async () => {
    const signature = await platform.uploadSignature();
    const key = randomUUID();
    const body = submission(signature);
    const first = await platform.post('/v1/cases', body, key);
    clock = new Date(clock.getTime() + 6.9 * 24 * 60 * 60 * 1000);
    const replay = await platform.post('/v1/cases', body, key);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json).toEqual(first.json);
    clock = new Date(clock.getTime() + 0.2 * 24 * 60 * 60 * 1000);
    // The signature was referenced by the first case, so it is still there a week later.
    const afterWindow = await platform.post('/v1/cases', body, key);
    expect(afterWindow.status).toBe(201);
    expect(afterWindow.headers['idempotent-replayed']).toBeUndefined();
    expect((afterWindow.json as { caseNo: string }).caseNo).not.toBe(
      (first.json as { caseNo: string }).caseNo,
    );
  });

  it('treats a key reused for another operation as a conflict', async () => {
    const key = randomUUID();
    await platform.post('/v1/queue/tickets', { itemCode: ITEMS.householdMove }, key);
    const other = await platform.post(
      '/v1/evaluations',
      {
        channel: 'kiosk',
        level: 5,
        itemCode: ITEMS.householdMove,
        evaluatedAt: '2026-11-20T09:30:00+08:00',
      },
      key,
    );
    expect(other.status).toBe(409);
  });

  it('deletes files no case referenced within 24 hours', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n% orphan\n%%EOF\n');
    const sha = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const upload = () =>
      platform.call('POST', '/v1/files', {
        headers: { 'content-type': 'application/pdf', 'x-content-sha256': sha },
        body: bytes,
      });
    const { fileId } = (await upload()).json as { fileId: string };
    clock = new Date(clock.getTime() + 25 * 60 * 60 * 1000);
    await platform.uploadSignature(); // any upload sweeps
    expect(platform.sim.receivedFiles().some((f) => f.fileId === fileId)).toBe(false);
  });

  it('sent only answers that validate against the spec', () => {
    expectAllSentOnSpec(platform.sim);
  });
});
