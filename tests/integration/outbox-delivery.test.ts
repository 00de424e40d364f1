/**
 * The outbox against the platform simulator over mutual TLS: what the resident is told, what
 * reaches the platform (once), and what stays on the terminal's disk.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformClient } from '../../electron/host/platform/client';
import { integrityCheck } from '../../electron/host/outbox/kiosk-database';
import { LOCAL_REFERENCE } from '../../electron/host/outbox/local-reference';
import { APPLICANT, ITEMS, startTestPlatform } from '../platform-sim/sim-test-kit';
import type { TestPlatform } from '../platform-sim/sim-test-kit';
import { NORMAL_CONDITIONS } from '../platform-sim/faults';
import { caseToQueue, openTestOutbox, testClient } from '../reliability/outbox-kit';
import type { TestOutbox } from '../reliability/outbox-kit';

let platform: TestPlatform;
let client: PlatformClient;
let dir: string;
let box: TestOutbox;

beforeAll(async () => {
  platform = await startTestPlatform();
  client = testClient({ url: platform.sim.url, tls: platform.tls });
});
afterAll(async () => {
  await client.close();
  await platform.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'outbox-'));
  box = await openTestOutbox({ dir, client });
});
afterEach(async () => {
  await box.close();
  platform.sim.setConditions(NORMAL_CONDITIONS);
  platform.sim.setFault(null);
  platform.sim.setTerminalLocked(false);
  if (!platform.sim.online()) await platform.sim.setOnline(true);
  rmSync(dir, { recursive: true, force: true });
});

/** Every byte the outbox keeps on disk: the database and its WAL. */
function diskBytes(): Buffer {
  const files = [box.dbPath, `${box.dbPath}-wal`].filter((p) => existsSync(p));
  return Buffer.concat(files.map((p) => readFileSync(p)));
}
const personal = [APPLICANT.idNumber, APPLICANT.name].map((s) => Buffer.from(s, 'utf8'));
const holdsPersonal = () => personal.some((needle) => diskBytes().includes(needle));
const casesFor = (clientCaseId: string) =>
  platform.sim.receivedCases().filter((c) => c.clientCaseId === clientCaseId);

describe('outbox: the platform is there', () => {
  it('returns the platform’s receipt at once, then keeps only non-personal metadata', async () => {
    const input = caseToQueue();
    const result = await box.outbox.submitCase(input);
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'accepted', receipt: { status: 'approved', caseNo: expect.any(String) } },
    });
    if (!result.ok || result.value.kind !== 'accepted') throw new Error('not accepted');
    expect(result.value.localReference).toMatch(LOCAL_REFERENCE);
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
    const [entry] = box.outbox.list();
    expect(entry).toMatchObject({
      state: 'sent',
      caseNo: result.value.receipt.caseNo,
      itemCode: ITEMS.pensionProof,
      hasPayload: false,
      fileCount: 0,
      attempts: 1,
    });
    expect(JSON.stringify(entry)).not.toContain(APPLICANT.idNumber);
    expect(holdsPersonal()).toBe(false);
    expect(integrityCheck(box.db)).toEqual(['ok']);
  });

  it('uploads every file, content-addressed, and sends the resolved fileIds', async () => {
    const scan = new TextEncoder().encode('%PDF-1.4\n% a scanned page\n%%EOF\n');
    const input = caseToQueue({
      itemCode: ITEMS.minimumLiving,
      form: {
        name: APPLICANT.name,
        idNumber: APPLICANT.idNumber,
        address: '济南市历下区测试路1号',
        familySize: 2,
        monthlyIncome: 800,
      },
      materials: [
        { materialId: 'household-register', kind: 'file', fileIds: ['local-file:1'] },
        { materialId: 'bank-card', kind: 'file', fileIds: ['local-file:2'] },
        { materialId: 'income-statement', kind: 'commitment' },
      ],
      delivery: { method: 'pickup' },
    });
    input.files.push(
      { bytes: scan, mediaType: 'application/pdf' },
      { bytes: scan, mediaType: 'application/pdf' },
    );
    const result = await box.outbox.submitCase(input);
    expect(result).toMatchObject({ ok: true, value: { kind: 'accepted' } });
    const [received] = casesFor(input.submission.clientCaseId);
    expect(received?.submission.signatureFileId).toMatch(/^f-[0-9a-f]{64}$/);
    const fileIds = received?.submission.materials.flatMap((m) =>
      m.kind === 'file' ? m.fileIds : [],
    );
    expect(new Set(fileIds).size).toBe(1); // the same bytes, the same fileId
  });

  it('refuses an off-spec case before writing anything', async () => {
    const input = caseToQueue({ phone: '12345' });
    expect(await box.outbox.submitCase(input)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const unnamed = caseToQueue();
    unnamed.files.push(unnamed.files[0]!);
    expect(await box.outbox.submitCase(unnamed)).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(box.outbox.list()).toEqual([]);
  });

  it('tells the waiting resident a final refusal with its code, and keeps nothing personal', async () => {
    const input = caseToQueue({ itemCode: ITEMS.householdMove });
    const result = await box.outbox.submitCase(input);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'rejected',
        status: 422,
        platformCode: 'validation-failed',
        errors: [{ path: '/itemCode', code: 'item-not-self-service' }],
      },
    });
    expect(box.outbox.list()[0]).toMatchObject({
      state: 'dead',
      hasPayload: false,
      deadReason: expect.stringContaining('422'),
    });
    expect(holdsPersonal()).toBe(false);
  });

  it('answers a repeated Idempotency-Key with the record it already has', async () => {
    const input = caseToQueue();
    await box.outbox.submitCase(input);
    const again = await box.outbox.submitCase(input);
    expect(again).toMatchObject({ ok: false, error: { code: 'already-submitted' } });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
  });
});

describe('outbox: the platform is away', () => {
  it('queues with a local reference, sealed on disk, and delivers once when the platform returns', async () => {
    await platform.sim.setOnline(false);
    const input = caseToQueue();
    const result = await box.outbox.submitCase(input);
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'queued', localReference: expect.stringMatching(LOCAL_REFERENCE) },
    });
    expect(box.outbox.depth()).toMatchObject({ pending: 1, oldestQueuedAt: expect.any(String) });
    // Encrypted at rest: neither the applicant nor the signature is readable on disk.
    expect(holdsPersonal()).toBe(false);
    expect(diskBytes().includes(Buffer.from(input.files[0]!.bytes.subarray(0, 64)))).toBe(false);
    // Waiting to retry, or already being retried (the waits are short here).
    expect(box.outbox.list()[0]).toMatchObject({
      state: expect.stringMatching(/^(retry|in-flight)$/),
      lastError: expect.stringContaining('network'),
    });

    await platform.sim.setOnline(true);
    await vi.waitFor(() => expect(box.outbox.depth().pending).toBe(0), {
      timeout: 5_000,
      interval: 20,
    });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
    expect(box.outbox.list()[0]).toMatchObject({ state: 'sent', hasPayload: false });
    // Every attempt that reached the platform carried the same key and the same body.
    const attempts = platform.sim
      .receivedRequests()
      .filter(
        (r) =>
          r.operationId === 'submitCase' &&
          JSON.stringify(r.body).includes(input.submission.clientCaseId),
      );
    expect(new Set(attempts.map((a) => a.headers['idempotency-key']))).toEqual(
      new Set([input.idempotencyKey]),
    );
    expect(new Set(attempts.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(holdsPersonal()).toBe(false);
  });

  it('keeps the original submittedAt for a case sent later', async () => {
    platform.sim.setConditions({ maintenance: { retryAfterSeconds: 1 } });
    const input = caseToQueue({ submittedAt: '2026-11-20T09:31:00+08:00' });
    expect(await box.outbox.submitCase(input)).toMatchObject({
      ok: true,
      value: { kind: 'queued' },
    });
    platform.sim.setConditions({ maintenance: null });
    await vi.waitFor(() => expect(casesFor(input.submission.clientCaseId)).toHaveLength(1), {
      timeout: 5_000,
      interval: 20,
    });
    expect(casesFor(input.submission.clientCaseId)[0]?.submission.submittedAt).toBe(
      '2026-11-20T09:31:00+08:00',
    );
  });

  it('turns "processed but the answer was lost" into one case, not two', async () => {
    platform.sim.setConditions({ lostResponseRate: 1, operations: ['submitCase'] });
    const input = caseToQueue();
    const result = await box.outbox.submitCase(input);
    expect(result).toMatchObject({ ok: true, value: { kind: 'queued' } });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
    platform.sim.setConditions({ lostResponseRate: 0 });
    await vi.waitFor(() => expect(box.outbox.depth().pending).toBe(0), {
      timeout: 5_000,
      interval: 20,
    });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
    expect(box.outbox.list()[0]).toMatchObject({
      state: 'sent',
      caseNo: casesFor(input.submission.clientCaseId)[0]?.caseNo,
    });
  });

  it('keeps a refusal that comes in the background as a dead letter; a technician retries it', async () => {
    await platform.sim.setOnline(false);
    const input = caseToQueue();
    expect(await box.outbox.submitCase(input)).toMatchObject({
      ok: true,
      value: { kind: 'queued' },
    });
    platform.sim.setTerminalLocked(true);
    await platform.sim.setOnline(true);
    await vi.waitFor(() => expect(box.outbox.list()[0]?.state).toBe('dead'), {
      timeout: 5_000,
      interval: 20,
    });
    expect(box.outbox.list()[0]).toMatchObject({
      hasPayload: true,
      deadReason: '403 terminal-locked',
    });
    platform.sim.setTerminalLocked(false);
    expect(box.outbox.retry(box.outbox.list()[0]!.id)).toEqual({ ok: true });
    await vi.waitFor(() => expect(box.outbox.list()[0]?.state).toBe('sent'), {
      timeout: 5_000,
      interval: 20,
    });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
    expect(box.outbox.retry(box.outbox.list()[0]!.id)).toEqual({
      ok: false,
      reason: 'already-sent',
    });
  });

  it('retries an answer that breaks the spec instead of giving up', async () => {
    platform.sim.setFault({
      fault: { kind: 'raw', status: 201, contentType: 'application/json', body: '{"caseNo":1}' },
      operationId: 'submitCase',
      times: 1,
    });
    const input = caseToQueue();
    expect(await box.outbox.submitCase(input)).toMatchObject({
      ok: true,
      value: { kind: 'queued' },
    });
    expect(box.outbox.list()[0]).toMatchObject({
      state: 'retry',
      lastError: expect.stringContaining('invalid-response'),
    });
    await vi.waitFor(() => expect(box.outbox.list()[0]?.state).toBe('sent'), {
      timeout: 5_000,
      interval: 20,
    });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
  });

  it('answers within the bounded wait even when the platform hangs', async () => {
    await box.close();
    box = await openTestOutbox({ dir, client, timings: { submitWaitMs: 300 } });
    platform.sim.setConditions({ latencyMs: 1_500 });
    const started = performance.now();
    const result = await box.outbox.submitCase(caseToQueue());
    expect(result).toMatchObject({ ok: true, value: { kind: 'queued' } });
    expect(performance.now() - started).toBeLessThan(1_000);
    platform.sim.setConditions({ latencyMs: 0 });
    await vi.waitFor(() => expect(box.outbox.depth().pending).toBe(0), {
      timeout: 5_000,
      interval: 20,
    });
  });
});
