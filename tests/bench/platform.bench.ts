/**
 * The platform client's and the outbox's costs:
 *
 * - a case submitted through the client over mutual TLS, against the same request made with bare
 *   undici on the same kind of connection — the difference is the client's overhead beyond the
 *   network round trip (headers, serialising, validating the answer against the spec); and the
 *   client alone against a canned in-process answer, where there is no network at all;
 * - writing one case to the outbox (seal with a fresh data key, wrap it, one transaction,
 *   fsynced by `synchronous=FULL`), with AES-256-GCM and with pure-JS SM4, for a signature-sized
 *   and a scan-sized file; and a whole `submitCase` (write, upload, submit) over mutual TLS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { cipherById } from '../../electron/host/crypto/ciphers';
import type { CipherId } from '../../electron/host/crypto/record-cipher';
import { newLocalReference } from '../../electron/host/outbox/local-reference';
import { DATABASE_FILE, openKioskDatabase } from '../../electron/host/outbox/kiosk-database';
import { createOutboxStore } from '../../electron/host/outbox/outbox-store';
import { localFileId } from '../../electron/host/outbox/queued-case';
import { sealRecord } from '../../electron/host/outbox/seal-record';
import { createPlatformClient } from '../../electron/host/platform/client';
import type { FetchLike } from '../../electron/host/platform/http-transport';
import { readTerminalTls } from '../platform-sim/pki';
import { startPlatformSimulator } from '../platform-sim/server';
import { submission, TERMINAL_ID } from '../platform-sim/sim-test-kit';
import { caseToQueue, openTestOutbox, testClient } from '../reliability/outbox-kit';
import { signaturePng } from '../support/png';
import { sample, summarise } from './stats';
import type { Recorder } from './stats';

const RECEIPT = JSON.stringify({
  caseNo: '37010020261120000001',
  queryCode: '123456',
  status: 'approved',
  acceptedAt: '2026-11-20T09:30:00+08:00',
  promisedBy: '2026-11-20',
  result: { documentName: '个人社保参保证明', fileId: `f-${'0'.repeat(64)}` },
  nextSteps: '已办结。',
});

async function benchClient(dir: string, record: Recorder): Promise<void> {
  const sim = await startPlatformSimulator({ pkiDir: join(dir, 'pki'), terminalId: TERMINAL_ID });
  const tls = await readTerminalTls(sim.pki);
  const client = testClient({ url: sim.url, tls });
  const agent = new Agent({ connect: { ...tls, minVersion: 'TLSv1.2' } });
  try {
    const signature = await client.uploadFile(signaturePng(), 'image/png');
    if (!signature.ok) throw new Error('upload');
    const body = () => submission(signature.value.fileId);
    const viaClient = () => client.submitCase(body(), randomUUID());
    const bare = async () => {
      const res = await request(`${sim.url}/v1/cases`, {
        dispatcher: agent,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-terminal-id': TERMINAL_ID,
          'x-request-id': randomUUID(),
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body()),
      });
      await res.body.text();
    };
    // Warm both connections and the validators.
    await sample(20, viaClient);
    await sample(20, bare);
    // Interleaved rounds so drift (GC, the simulator's growing tables) hits both alike.
    const withClient: number[] = [];
    const withBare: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      withClient.push(...(await sample(30, viaClient)));
      withBare.push(...(await sample(30, bare)));
    }
    const overhead = summarise(withClient).p50 - summarise(withBare).p50;
    record('client: submitCase over mTLS to the simulator', withClient, 'ms');
    record(
      'bare undici: the same POST (network + simulator only)',
      withBare,
      'ms',
      `client overhead at p50: ${overhead.toFixed(2)} ms`,
    );
  } finally {
    await agent.close();
    await client.close();
    await sim.close();
  }

  const canned: FetchLike = async (_url, init) =>
    new Response(RECEIPT, {
      status: 201,
      headers: {
        'content-type': 'application/json',
        'x-request-id': init.headers['x-request-id'] ?? '',
      },
    });
  const offline = createPlatformClient({
    baseUrl: 'https://platform.invalid/api',
    terminalId: TERMINAL_ID,
    tls: { ca: 'unused', cert: 'unused', key: 'unused' },
    timeoutMs: 1_000,
    fetchImpl: canned,
  });
  const bodyNoNetwork = submission(`f-${'0'.repeat(64)}`);
  await sample(200, () => offline.submitCase(bodyNoNetwork, randomUUID()));
  record(
    'client alone: submitCase against a canned answer (no network)',
    await sample(2_000, () => offline.submitCase(bodyNoNetwork, randomUUID())),
    'ms',
    'headers, JSON, spec validation of the receipt',
  );
  await offline.close();
}

function benchWrites(dir: string, record: Recorder): void {
  const db = openKioskDatabase(join(dir, DATABASE_FILE));
  const store = createOutboxStore(db);
  const kek = new Uint8Array(randomBytes(32));
  const write = (cipherId: CipherId, files: Uint8Array[]) => () => {
    const id = newLocalReference(new Date());
    const payloadCase = submission(localFileId(0));
    store.insert(
      sealRecord({
        id,
        kind: 'case',
        idempotencyKey: randomUUID(),
        createdAt: Date.now(),
        payload: { v: 1, kind: 'case', submission: payloadCase },
        files: files.map((bytes) => ({ bytes, mediaType: 'image/png' })),
        cipher: cipherById(cipherId),
        kek,
        extra: { itemCode: payloadCase.itemCode, submittedAt: payloadCase.submittedAt },
      }),
    );
  };
  const signature = signaturePng();
  const scan = new Uint8Array(randomBytes(1024 * 1024));
  const runs: [string, CipherId, Uint8Array[], number][] = [
    [
      `AES-256-GCM, signature ${(signature.byteLength / 1024).toFixed(1)} KiB`,
      'aes-256-gcm',
      [signature],
      300,
    ],
    ['AES-256-GCM, signature + 1 MiB scan', 'aes-256-gcm', [signature, scan], 50],
    [`SM4-CTR + HMAC-SM3 (pure JS), signature`, 'sm4-ctr-hmac-sm3', [signature], 100],
    [
      'SM4-CTR + HMAC-SM3 (pure JS), signature + 1 MiB scan',
      'sm4-ctr-hmac-sm3',
      [signature, scan],
      5,
    ],
  ];
  for (const [label, cipherId, files, n] of runs) {
    const run = write(cipherId, files);
    run();
    const samples: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const start = performance.now();
      run();
      samples.push(performance.now() - start);
    }
    record(
      `outbox write, one case, fsync (${label})`,
      samples,
      'ms',
      'seal + wrap + one transaction, synchronous=FULL',
    );
  }
  db.close();
}

async function benchSubmit(dir: string, record: Recorder): Promise<void> {
  const sim = await startPlatformSimulator({ pkiDir: join(dir, 'pki2'), terminalId: TERMINAL_ID });
  const client = testClient({ url: sim.url, tls: await readTerminalTls(sim.pki) });
  const box = await openTestOutbox({ dir: join(dir, 'box'), client });
  try {
    await sample(10, () => box.outbox.submitCase(caseToQueue()));
    record(
      'outbox submitCase end to end (write, upload, submit over mTLS)',
      await sample(100, () => box.outbox.submitCase(caseToQueue())),
      'ms',
      'the resident’s wait for the case number',
    );
  } finally {
    await box.close();
    await client.close();
    await sim.close();
  }
}

export default async function (record: Recorder): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-platform-'));
  try {
    await benchClient(dir, record);
    benchWrites(dir, record);
    await benchSubmit(dir, record);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
