/**
 * Shared by the simulator's and the client's tests: a simulator on a fresh PKI in a temp dir, a
 * raw mTLS caller for requests the real client would never make, an on-spec case submission, and
 * the check that everything the simulator sent obeys the spec.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { expect } from 'vitest';
import { validateResponse, validateSchema } from '../../electron/host/platform/spec/validators';
import type { CaseSubmission } from '../../electron/host/platform/types';
import type { SentResponse } from './exchange';
import { readTerminalTls } from './pki';
import { startPlatformSimulator } from './server';
import type { PlatformSimulator, PlatformSimulatorOptions } from './server';

export const TERMINAL_ID = 'T-370100-0042';

/** Codes of built-in items (catalog-items.ts). */
export const ITEMS = {
  pensionProof: '11370100004188027P4370111001000',
  ruralPension: '11370100004188027P4370117002000',
  seniorCard: '11370100MB28537891437011100300',
  housingFund: '12370100495571234K437011200100',
  householdMove: '11370100004186732J437012000100',
  minimumLiving: '11370100004188123M437011500100',
  birthRegistration: '11370100MB28537891437011100500',
} as const;

/** A 1×1 transparent PNG, standing in for a signature image. */
export const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** The simulator's seeded resident with licences and past cases (residents.ts); invented. */
export const RESIDENT = {
  idType: 'resident-id',
  idNumber: '37010219580312124X',
  name: '王秀英',
} as const;

/** An invented applicant: not a real person (DESIGN §2.5). */
export const APPLICANT = {
  idType: 'resident-id',
  idNumber: '370102199001012031',
  name: '测试居民',
} as const;

export function submission(
  signatureFileId: string,
  overrides: Partial<CaseSubmission> = {},
): CaseSubmission {
  return {
    clientCaseId: randomUUID(),
    itemCode: ITEMS.pensionProof,
    catalogVersion: 'c-0000000000000000',
    applicant: { ...APPLICANT },
    verifiedBy: 'card',
    form: { name: APPLICANT.name, idNumber: APPLICANT.idNumber },
    materials: [],
    signatureFileId,
    delivery: { method: 'electronic' },
    consentAt: '2026-11-20T09:30:00+08:00',
    submittedAt: '2026-11-20T09:31:00+08:00',
    ...overrides,
  };
}

export type RawAnswer = {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
};

export type TestPlatform = {
  sim: PlatformSimulator;
  tls: { ca: string; cert: string; key: string };
  pkiDir: string;
  /** A request with correct identity headers unless overridden (`undefined` drops one). */
  call(
    method: string,
    path: string,
    options?: { headers?: Record<string, string | undefined>; body?: string | Uint8Array },
  ): Promise<RawAnswer>;
  /** POST a JSON body (with an Idempotency-Key when given). */
  post(path: string, body: unknown, key?: string): Promise<RawAnswer>;
  /** Uploads a signature PNG and returns its fileId. */
  uploadSignature(): Promise<string>;
  close(): Promise<void>;
};

export async function startTestPlatform(
  options: Partial<PlatformSimulatorOptions> = {},
): Promise<TestPlatform> {
  const pkiDir = await mkdtemp(join(tmpdir(), 'platform-sim-'));
  const sim = await startPlatformSimulator({ pkiDir, terminalId: TERMINAL_ID, ...options });
  const tls = await readTerminalTls(sim.pki);
  const agent = new Agent({ connect: { ...tls, minVersion: 'TLSv1.2' } });

  const call: TestPlatform['call'] = async (method, path, { headers = {}, body } = {}) => {
    const all: Record<string, string | undefined> = {
      'x-terminal-id': TERMINAL_ID,
      'x-request-id': randomUUID(),
      ...headers,
    };
    const res = await request(`${sim.url}${path}`, {
      dispatcher: agent,
      method: method as 'GET',
      headers: Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >,
      body,
    });
    const text = await res.body.text();
    const flat = Object.fromEntries(
      Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : `${v}`]),
    );
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, headers: flat, text, json };
  };

  return {
    sim,
    tls,
    pkiDir,
    call,
    post: (path, body, key) =>
      call('POST', path, {
        headers: {
          'content-type': 'application/json',
          ...(key === undefined ? {} : { 'idempotency-key': key }),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async uploadSignature() {
      const sha = createHash('sha256').update(TINY_PNG).digest('hex');
      const res = await call('POST', '/v1/files', {
        headers: { 'content-type': 'image/png', 'x-content-sha256': sha },
        body: TINY_PNG,
      });
      expect(res.status).toBe(201);
      return (res.json as { fileId: string }).fileId;
    },
    async close() {
      await agent.close();
      await sim.close();
      await rm(pkiDir, { recursive: true, force: true });
    },
  };
}

/** Holds one answer the simulator sent against the spec: body, media type and headers. */
export function specCheck(sent: SentResponse) {
  const mediaType = sent.headers['content-type']?.split(';')[0]?.trim();
  if (sent.operationId === null) {
    // Unknown routes have no operation; their answer must still be a Problem.
    return mediaType === 'application/problem+json'
      ? validateSchema('Problem', sent.body)
      : { valid: false as const, errors: [{ path: '/', message: `media type ${mediaType}` }] };
  }
  return validateResponse(sent.operationId, sent.status, sent.body, {
    ...(mediaType === undefined ? {} : { mediaType }),
    headers: sent.headers,
  });
}

/** Asserts every non-faulted answer so far validated against the spec; returns how many. */
export function expectAllSentOnSpec(sim: PlatformSimulator): number {
  const honest = sim.sentResponses().filter((s) => !s.faulted);
  const broken = honest
    .map((s) => ({ status: s.status, op: s.operationId, check: specCheck(s) }))
    .filter((r) => !r.check.valid);
  expect(broken).toEqual([]);
  return honest.length;
}
