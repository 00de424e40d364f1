/**
 * Contract tests: the client and the simulator held to the one published document. Every
 * operation of the spec is called through the client; every request the simulator received is
 * checked against the spec's parameters and request bodies, and every answer it sent against the
 * spec's responses.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformClient } from '../../electron/host/platform/client';
import {
  operationIds,
  validateParameters,
  validateRequest,
} from '../../electron/host/platform/spec/validators';
import { FACE_MARKERS } from '../platform-sim/identity-desk';
import {
  APPLICANT,
  expectAllSentOnSpec,
  ITEMS,
  RESIDENT,
  startTestPlatform,
  submission,
  TINY_PNG,
} from '../platform-sim/sim-test-kit';
import type { TestPlatform } from '../platform-sim/sim-test-kit';
import { testClient } from '../reliability/outbox-kit';

let platform: TestPlatform;
let client: PlatformClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  client = testClient({ url: platform.sim.url, tls: platform.tls });
});
afterAll(async () => {
  await client.close();
  await platform.close();
});

const jpeg = (comment: string) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, comment.length + 2]),
    Buffer.from(comment),
    Buffer.from([0xff, 0xd9]),
  ]).toString('base64');
const now = () => new Date().toISOString();

/** Calls every operation, on its happy path and on the error paths a terminal meets. */
async function exerciseEveryOperation(): Promise<void> {
  const catalog = await client.getCatalog();
  if (!catalog.ok || catalog.value.kind !== 'catalog') throw new Error('catalog');
  expect(await client.getCatalog({ etag: catalog.value.etag })).toEqual({
    ok: true,
    value: { kind: 'not-modified' },
  });

  const signature = await client.uploadFile(TINY_PNG, 'image/png');
  if (!signature.ok) throw new Error('upload');
  const scan = await client.uploadFile(
    new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
    'application/pdf',
  );
  expect(scan.ok).toBe(true);

  const key = randomUUID();
  const body = submission(signature.value.fileId, {
    catalogVersion: catalog.value.catalog.version,
  });
  const receipt = await client.submitCase(body, key);
  if (!receipt.ok) throw new Error('case');
  expect((await client.submitCase(body, key)).ok).toBe(true); // replay
  expect(await client.submitCase(submission(signature.value.fileId), key)).toMatchObject({
    ok: false,
    error: { status: 409 },
  });
  expect(
    await client.submitCase(
      submission(signature.value.fileId, { itemCode: ITEMS.householdMove }),
      randomUUID(),
    ),
  ).toMatchObject({
    ok: false,
    error: { status: 422 },
  });

  expect(await client.searchCases({ applicant: { ...APPLICANT }, limit: 5 })).toMatchObject({
    ok: true,
    value: { cases: [expect.any(Object)] },
  });
  expect(await client.searchCases({ applicant: { ...RESIDENT } })).toMatchObject({ ok: true });
  expect(await client.getCaseStatus(receipt.value.caseNo, receipt.value.queryCode)).toMatchObject({
    ok: true,
    value: { caseNo: receipt.value.caseNo },
  });
  const wrong = receipt.value.queryCode === '000000' ? '000001' : '000000';
  expect(await client.getCaseStatus(receipt.value.caseNo, wrong)).toMatchObject({
    ok: false,
    error: { status: 404, problemCode: 'not-found' },
  });

  expect(
    await client.searchLicenses({
      holder: { ...RESIDENT },
      consentAt: now(),
      purpose: ITEMS.ruralPension,
      types: ['marriage'],
    }),
  ).toMatchObject({
    ok: true,
    value: { licenses: [expect.objectContaining({ type: 'marriage' })] },
  });
  expect(
    await client.verifyIdentity({ person: { ...RESIDENT }, livePhoto: jpeg('live') }),
  ).toMatchObject({ ok: true, value: { match: true } });
  expect(
    await client.verifyIdentity({
      person: { ...RESIDENT },
      livePhoto: jpeg(FACE_MARKERS.mismatch),
      cardPhotoWlt: Buffer.alloc(1024).toString('base64'),
    }),
  ).toMatchObject({ ok: true, value: { match: false } });

  const evaluationKey = randomUUID();
  const evaluation = {
    channel: 'kiosk' as const,
    level: 1,
    reasons: ['too-slow'],
    caseNo: receipt.value.caseNo,
    comment: '等了很久',
    evaluatedAt: now(),
  };
  expect(await client.submitEvaluation(evaluation, evaluationKey)).toMatchObject({
    ok: true,
    value: { followUpDays: 15, replayed: false },
  });
  expect(await client.submitEvaluation(evaluation, evaluationKey)).toMatchObject({
    ok: true,
    value: { replayed: true },
  });

  const ticketKey = randomUUID();
  expect(
    await client.takeQueueTicket(
      { itemCode: ITEMS.householdMove, applicant: { ...APPLICANT } },
      ticketKey,
    ),
  ).toMatchObject({
    ok: true,
    value: { ticketNo: 'A001', replayed: false },
  });

  const commandId = platform.sim.issueCommand('sync-catalog');
  const beat = await client.heartbeat({
    at: now(),
    appVersion: 'contract',
    uptimeSeconds: 5,
    devices: { printer: { state: 'ready' } },
    outbox: { pending: 0, oldestQueuedAt: null },
    session: 'idle',
    printsSinceRefill: 0,
    diskFreeBytes: 1_000_000,
  });
  expect(beat).toMatchObject({
    ok: true,
    value: { commands: [expect.objectContaining({ commandId })] },
  });
  expect(await client.ackCommand(commandId, { outcome: 'done', detail: '已同步' })).toEqual({
    ok: true,
    value: undefined,
  });
  expect(await client.ackCommand('no-such-command', { outcome: 'failed' })).toMatchObject({
    ok: false,
    error: { status: 404 },
  });
}

describe('contract: client and simulator against openapi.yaml', () => {
  it('exercises every operation of the spec through the client', async () => {
    await exerciseEveryOperation();
    const called = new Set(platform.sim.receivedRequests().map((r) => r.operationId));
    expect([...operationIds()].filter((id) => !called.has(id))).toEqual([]);
  });

  it('made only requests that validate against the spec: parameters and bodies', () => {
    const requests = platform.sim.receivedRequests();
    expect(requests.length).toBeGreaterThan(20);
    const broken = requests.flatMap((r) => {
      if (r.operationId === null)
        return [{ operation: null, path: r.path, message: 'no such operation' }];
      const problems = [];
      const params = validateParameters(r.operationId, { headers: r.headers, path: r.params });
      if (!params.valid) problems.push(...params.errors);
      const body =
        r.body === undefined
          ? validateRequest(r.operationId, undefined)
          : 'json' in r.body
            ? validateRequest(r.operationId, r.body.json, r.headers['content-type']?.split(';')[0])
            : validateRequest(r.operationId, 'raw bytes', r.body.raw.mediaType);
      if (!body.valid) problems.push(...body.errors);
      return problems.map((p) => ({ operation: r.operationId, ...p }));
    });
    expect(broken).toEqual([]);
  });

  it('sent a fresh X-Request-Id with every request, and the terminal id', () => {
    const requests = platform.sim.receivedRequests();
    const ids = requests.map((r) => r.headers['x-request-id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(requests.map((r) => r.headers['x-terminal-id']))).toEqual(
      new Set(['T-370100-0042']),
    );
  });

  it('got only answers that validate against the spec', () => {
    expect(expectAllSentOnSpec(platform.sim)).toBeGreaterThan(20);
  });
});
