/**
 * Shared by the outbox's integration tests, the reliability runs and the bench: a platform client
 * with shrunk waits, an outbox on a temp database with a file key store, and a case to queue (an
 * invented applicant, a real PNG signature).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createFileKeyStore } from '../../electron/host/keystore/file-key-store';
import type { CipherId } from '../../electron/host/crypto/record-cipher';
import { createPlatformClient } from '../../electron/host/platform/client';
import type { PlatformClient, PlatformClientOptions } from '../../electron/host/platform/client';
import { DATABASE_FILE, openKioskDatabase } from '../../electron/host/outbox/kiosk-database';
import type { KioskDatabase } from '../../electron/host/outbox/kiosk-database';
import { createOutbox } from '../../electron/host/outbox/outbox';
import type { Outbox } from '../../electron/host/outbox/outbox';
import type { OutboxTimings } from '../../electron/host/outbox/outbox-timings';
import { localFileId } from '../../electron/host/outbox/queued-case';
import type { CaseToQueue } from '../../electron/host/outbox/queued-case';
import type { TlsMaterial } from '../../electron/host/platform/http-transport';
import type { CaseSubmission } from '../../electron/host/platform/types';
import { APPLICANT, submission, TERMINAL_ID } from '../platform-sim/sim-test-kit';
import { signaturePng } from '../support/png';

/** Waits shrunk so a test sees retries in milliseconds. */
export const FAST_OUTBOX: Partial<OutboxTimings> = {
  submitWaitMs: 3_000,
  leaseMs: 3_000,
  pollMs: 100,
  retryBaseMs: 20,
  retryCapMs: 200,
};

export function testClient(
  platform: { url: string; tls: TlsMaterial },
  overrides: Partial<PlatformClientOptions> = {},
): PlatformClient {
  return createPlatformClient({
    baseUrl: platform.url,
    terminalId: TERMINAL_ID,
    tls: platform.tls,
    timeoutMs: 3_000,
    timings: { backoffBaseMs: 5, backoffCapMs: 20, maxRetryAfterMs: 50 },
    ...overrides,
  });
}

export type TestOutbox = {
  outbox: Outbox;
  db: KioskDatabase;
  dbPath: string;
  close(): Promise<void>;
};

export async function openTestOutbox(options: {
  dir: string;
  client: PlatformClient;
  timings?: Partial<OutboxTimings>;
  cipher?: CipherId;
  now?: () => number;
  start?: boolean;
}): Promise<TestOutbox> {
  const dbPath = join(options.dir, DATABASE_FILE);
  const db = openKioskDatabase(dbPath);
  const opened = await createOutbox({
    db,
    client: options.client,
    keyStore: createFileKeyStore(join(options.dir, 'keys', 'outbox.key')),
    timings: { ...FAST_OUTBOX, ...options.timings },
    ...(options.cipher ? { cipher: options.cipher } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  if (!opened.ok) throw new Error(`outbox: ${opened.error.code}`);
  const outbox = opened.value;
  if (options.start !== false) outbox.start();
  return {
    outbox,
    db,
    dbPath,
    async close() {
      await outbox.close();
      db.close();
    },
  };
}

/** A card-only case for the simulator's instant 参保证明, signature as queued file 0. */
export function caseToQueue(
  overrides: Partial<CaseSubmission> = {},
  signature: Uint8Array = signaturePng(),
): CaseToQueue {
  return {
    idempotencyKey: randomUUID(),
    submission: submission(localFileId(0), { applicant: { ...APPLICANT }, ...overrides }),
    files: [{ bytes: signature, mediaType: 'image/png' }],
  };
}
