/**
 * The outbox after things went wrong on the terminal: a delivery interrupted by a crash, an
 * evaluation queued behind its case, SM4 instead of AES, and a record too old to resend safely.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformClient } from '../../electron/host/platform/client';
import { DATABASE_FILE, openKioskDatabase } from '../../electron/host/outbox/kiosk-database';
import { createOutboxStore } from '../../electron/host/outbox/outbox-store';
import { APPLICANT, ITEMS, startTestPlatform } from '../platform-sim/sim-test-kit';
import type { TestPlatform } from '../platform-sim/sim-test-kit';
import { NORMAL_CONDITIONS } from '../platform-sim/faults';
import { caseToQueue, openTestOutbox, testClient } from '../reliability/outbox-kit';

let platform: TestPlatform;
let client: PlatformClient;
let dir: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  client = testClient({ url: platform.sim.url, tls: platform.tls });
});
afterAll(async () => {
  await client.close();
  await platform.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'outbox-rec-'));
});
afterEach(async () => {
  platform.sim.setConditions(NORMAL_CONDITIONS);
  if (!platform.sim.online()) await platform.sim.setOnline(true);
  rmSync(dir, { recursive: true, force: true });
});

const casesFor = (clientCaseId: string) =>
  platform.sim.receivedCases().filter((c) => c.clientCaseId === clientCaseId);

/** Queues a case while the platform is away, then closes the outbox. */
async function queueOffline(options: Parameters<typeof openTestOutbox>[0] = { dir, client }) {
  await platform.sim.setOnline(false);
  const box = await openTestOutbox(options);
  const input = caseToQueue();
  const result = await box.outbox.submitCase(input);
  expect(result).toMatchObject({ ok: true, value: { kind: 'queued' } });
  await box.close();
  await platform.sim.setOnline(true);
  return { input, id: result.ok ? result.value.localReference : '' };
}

describe('outbox: start-up recovery', () => {
  it('puts back a lease whose process died, and delivers it at once', async () => {
    const { input, id } = await queueOffline();
    // A process (pid 2^22 + 1: beyond Linux's pid_max) leased it and died mid-send.
    const db = openKioskDatabase(join(dir, DATABASE_FILE));
    // (`now` a minute ahead so the record's retry is due; the lease runs ten minutes past it.)
    const store = createOutboxStore(db);
    expect(store.lease(id, '4194305:gone', Date.now() + 60_000, 10 * 60_000)).toBeDefined();
    db.close();
    const box = await openTestOutbox({ dir, client });
    await vi.waitFor(() => expect(box.outbox.depth().pending).toBe(0), {
      timeout: 5_000,
      interval: 20,
    });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(1);
    await box.close();
  });

  it('leaves a live owner’s lease alone until it expires', async () => {
    const { input, id } = await queueOffline();
    const db = openKioskDatabase(join(dir, DATABASE_FILE));
    // Our parent process is alive; its lease runs out 800 ms from now.
    const store = createOutboxStore(db);
    expect(store.lease(id, `${process.ppid}:alive`, Date.now() + 60_000, -59_200)).toBeDefined();
    db.close();
    const box = await openTestOutbox({ dir, client });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(0);
    await vi.waitFor(() => expect(casesFor(input.submission.clientCaseId)).toHaveLength(1), {
      timeout: 5_000,
      interval: 20,
    });
    await box.close();
  });
});

describe('outbox: evaluations (好差评)', () => {
  it('records one at once when the platform is there', async () => {
    const box = await openTestOutbox({ dir, client });
    const result = await box.outbox.submitEvaluation({
      idempotencyKey: randomUUID(),
      evaluation: {
        channel: 'kiosk',
        level: 2,
        reasons: ['too-slow'],
        itemCode: ITEMS.pensionProof,
        evaluatedAt: new Date().toISOString(),
      },
    });
    expect(result).toMatchObject({ ok: true, value: { kind: 'recorded', followUpDays: 15 } });
    await box.close();
  });

  it('sends one queued behind its case after the case, with the case’s number', async () => {
    await platform.sim.setOnline(false);
    const box = await openTestOutbox({ dir, client });
    const input = caseToQueue();
    const queued = await box.outbox.submitCase(input);
    if (!queued.ok) throw new Error('not queued');
    const evaluation = await box.outbox.submitEvaluation({
      idempotencyKey: randomUUID(),
      evaluation: {
        channel: 'kiosk',
        level: 5,
        itemCode: ITEMS.pensionProof,
        evaluatedAt: new Date().toISOString(),
      },
      forCase: queued.value.localReference,
    });
    expect(evaluation).toMatchObject({ ok: true, value: { kind: 'queued' } });
    await platform.sim.setOnline(true);
    await vi.waitFor(() => expect(box.outbox.depth().pending).toBe(0), {
      timeout: 5_000,
      interval: 20,
    });
    const caseNo = casesFor(input.submission.clientCaseId)[0]?.caseNo;
    const sent = platform.sim
      .receivedRequests()
      .filter((r) => r.operationId === 'submitEvaluation');
    expect(sent.at(-1)?.body).toEqual({ json: expect.objectContaining({ caseNo, level: 5 }) });
    await box.close();
  });
});

describe('outbox: SM4 at rest', () => {
  it('seals with SM4-CTR + HMAC-SM3 and delivers the same', async () => {
    const { input } = await (async () => {
      await platform.sim.setOnline(false);
      const box = await openTestOutbox({ dir, client, cipher: 'sm4-ctr-hmac-sm3' });
      const input = caseToQueue();
      expect(await box.outbox.submitCase(input)).toMatchObject({
        ok: true,
        value: { kind: 'queued' },
      });
      const bytes = [join(dir, DATABASE_FILE), join(dir, `${DATABASE_FILE}-wal`)]
        .filter((p) => existsSync(p))
        .map((p) => readFileSync(p));
      expect(bytes.some((b) => b.includes(Buffer.from(APPLICANT.idNumber)))).toBe(false);
      await box.close();
      await platform.sim.setOnline(true);
      return { input };
    })();
    // Reopened with the default cipher: records say which one sealed them.
    const box = await openTestOutbox({ dir, client });
    await vi.waitFor(() => expect(casesFor(input.submission.clientCaseId)).toHaveLength(1), {
      timeout: 5_000,
      interval: 20,
    });
    await box.close();
  });
});

describe('outbox: the replay window', () => {
  it('does not resend a record first tried more than 6 days ago; a technician decides', async () => {
    let clock = Date.now();
    // The files went up and the case request went out, but the connection dropped: the platform
    // may or may not have it, and only the Idempotency-Key can tell — for 7 days.
    platform.sim.setConditions({ dropRate: 1, operations: ['submitCase'] });
    const first = await openTestOutbox({ dir, client, now: () => clock });
    const input = caseToQueue();
    expect(await first.outbox.submitCase(input)).toMatchObject({
      ok: true,
      value: { kind: 'queued' },
    });
    await first.close();
    platform.sim.setConditions({ dropRate: 0 });
    clock += 6.5 * 24 * 60 * 60 * 1000;
    const box = await openTestOutbox({ dir, client, now: () => clock });
    await vi.waitFor(() => expect(box.outbox.list()[0]?.state).toBe('dead'), {
      timeout: 5_000,
      interval: 20,
    });
    expect(box.outbox.list()[0]).toMatchObject({
      deadReason: expect.stringContaining('replay-window-passed'),
      hasPayload: true,
    });
    expect(casesFor(input.submission.clientCaseId)).toHaveLength(0);
    await box.close();
  });
});
