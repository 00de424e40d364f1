/**
 * The terminal's client of the central platform (DESIGN §1, openapi.yaml): every operation of the
 * interface over mutual TLS, each answer validated against the spec before use, failures as
 * values. Retries, the spec's headers and connectivity live in platform-caller.ts; this file says,
 * per operation, what to send and what counts as an answer.
 *
 * The idempotent creations (cases, evaluations, queue tickets) take the caller's Idempotency-Key:
 * a UUID made once per logical operation and kept across retries, restarts and power loss (the
 * outbox keeps it in the same transaction as the case). Replayed answers are marked `replayed`.
 */
import { createHash } from 'node:crypto';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { certificateStatus } from './certificate-status';
import type { PlatformClient, PlatformClientOptions, Replayable } from './client-types';
import { createConnectivityTracker } from './connectivity';
import { createHttpTransport } from './http-transport';
import type { HttpResponse } from './http-transport';
import { createCaller, realSleep } from './platform-caller';
import type { CallOptions } from './platform-caller';
import type { PlatformError } from './platform-error';
import { readSuccessBody } from './read-response';
import { PLATFORM_TIMINGS } from './retry-policy';
import type { PlatformTimings } from './retry-policy';
import type {
  CaseReceipt,
  CaseSearchResult,
  CaseStatus,
  Catalog,
  EvaluationRecorded,
  HeartbeatAnswer,
  IdentityVerdict,
  LicenseSearchResult,
  OperationId,
  QueueTicket,
  StoredFile,
} from './types';

export type {
  CatalogAnswer,
  PlatformClient,
  PlatformClientOptions,
  Replayable,
  SubmittedCase,
} from './client-types';
export type { CallOptions } from './platform-caller';

const JSON_TYPE = 'application/json';
const encoder = new TextEncoder();

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const timings: PlatformTimings = { ...PLATFORM_TIMINGS, ...options.timings };
  const now = options.now ?? (() => new Date());
  const transport = createHttpTransport(options);
  const connectivity = createConnectivityTracker(now);
  const call = createCaller({
    transport,
    terminalId: options.terminalId,
    timings,
    connectivity,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? realSleep,
  });
  const { terminalId, timeoutMs } = options;
  const terminalPath = `/v1/terminals/${encodeURIComponent(terminalId)}`;

  function unexpected(operationId: string, status: number): Result<never, PlatformError> {
    return err({
      code: 'invalid-response',
      message: `${operationId}: unexpected status ${status}`,
    });
  }

  /** POST a JSON body, expect `success` with a JSON answer valid for the operation. */
  async function postJson<T>(
    operationId: OperationId,
    path: string,
    body: unknown,
    success: number,
    callOptions: CallOptions & { headers?: Record<string, string>; timeoutMs?: number } = {},
  ): Promise<Result<{ value: T; res: HttpResponse }, PlatformError>> {
    const res = await call(
      {
        operationId,
        request: {
          method: 'POST',
          path,
          headers: { 'content-type': JSON_TYPE, ...callOptions.headers },
          body: encoder.encode(JSON.stringify(body)),
        },
        timeoutMs: callOptions.timeoutMs ?? timeoutMs,
      },
      callOptions,
    );
    if (!res.ok) return res;
    if (res.value.status !== success) return unexpected(operationId, res.value.status);
    const value = readSuccessBody<T>(operationId, res.value);
    return value.ok ? ok({ value: value.value, res: res.value }) : value;
  }

  async function postIdempotent<T>(
    operationId: OperationId,
    path: string,
    body: unknown,
    idempotencyKey: string,
    callOptions: CallOptions,
  ): Promise<Result<Replayable<T>, PlatformError>> {
    const answer = await postJson<T>(operationId, path, body, 201, {
      ...callOptions,
      headers: { 'idempotency-key': idempotencyKey },
    });
    if (!answer.ok) return answer;
    const replayed = answer.value.res.headers['idempotent-replayed'] === 'true';
    return ok({ ...answer.value.value, replayed });
  }

  const strip = <T>(r: Result<{ value: T }, PlatformError>): Result<T, PlatformError> =>
    r.ok ? ok(r.value.value) : r;

  return {
    terminalId,
    timings,

    async getCatalog({ etag, ...callOptions } = {}) {
      const operationId = 'getCatalog';
      const res = await call(
        {
          operationId,
          request: {
            method: 'GET',
            path: '/v1/catalog',
            headers: etag === undefined ? {} : { 'if-none-match': etag },
          },
          timeoutMs,
        },
        callOptions,
      );
      if (!res.ok) return res;
      const { status, headers } = res.value;
      // A 304 only means something as the answer to the ETag we sent.
      if (status === 304 && etag !== undefined) return ok({ kind: 'not-modified' });
      if (status !== 200) return unexpected(operationId, status);
      const catalog = readSuccessBody<Catalog>(operationId, res.value);
      if (!catalog.ok) return catalog;
      // Required by the spec, so readSuccessBody has already checked it is present.
      return ok({ kind: 'catalog', catalog: catalog.value, etag: headers.etag as string });
    },

    async uploadFile(bytes, mediaType, callOptions = {}) {
      const operationId = 'uploadFile';
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const res = await call(
        {
          operationId,
          request: {
            method: 'POST',
            path: '/v1/files',
            headers: { 'content-type': mediaType, 'x-content-sha256': sha256 },
            body: bytes,
          },
          timeoutMs:
            timeoutMs + Math.ceil((bytes.byteLength / timings.uploadBytesPerSecond) * 1000),
        },
        callOptions,
      );
      if (!res.ok) return res;
      if (res.value.status !== 201) return unexpected(operationId, res.value.status);
      const stored = readSuccessBody<StoredFile>(operationId, res.value);
      if (!stored.ok) return stored;
      // The fileId will be named in a case; make sure it stands for these bytes.
      if (stored.value.sha256 !== sha256 || stored.value.size !== bytes.byteLength) {
        return err({ code: 'invalid-response', message: `${operationId}: stored file differs` });
      }
      return stored;
    },

    submitCase: (submission, key, callOptions = {}) =>
      postIdempotent<CaseReceipt>('submitCase', '/v1/cases', submission, key, callOptions),

    async searchCases(search, callOptions = {}) {
      return strip(
        await postJson<CaseSearchResult>(
          'searchCases',
          '/v1/cases/search',
          search,
          200,
          callOptions,
        ),
      );
    },

    async getCaseStatus(caseNo, queryCode, callOptions = {}) {
      const path = `/v1/cases/${encodeURIComponent(caseNo)}/status`;
      return strip(
        await postJson<CaseStatus>('getCaseStatus', path, { queryCode }, 200, callOptions),
      );
    },

    async searchLicenses(search, callOptions = {}) {
      return strip(
        await postJson<LicenseSearchResult>(
          'searchLicenses',
          '/v1/licenses/search',
          search,
          200,
          callOptions,
        ),
      );
    },

    async verifyIdentity(request, callOptions = {}) {
      return strip(
        await postJson<IdentityVerdict>(
          'verifyIdentity',
          '/v1/identity/verifications',
          request,
          200,
          callOptions,
        ),
      );
    },

    submitEvaluation: (evaluation, key, callOptions = {}) =>
      postIdempotent<EvaluationRecorded>(
        'submitEvaluation',
        '/v1/evaluations',
        evaluation,
        key,
        callOptions,
      ),

    takeQueueTicket: (request, key, callOptions = {}) =>
      postIdempotent<QueueTicket>(
        'takeQueueTicket',
        '/v1/queue/tickets',
        request,
        key,
        callOptions,
      ),

    async heartbeat(beat, callOptions = {}) {
      return strip(
        await postJson<HeartbeatAnswer>('heartbeat', `${terminalPath}/heartbeat`, beat, 200, {
          timeoutMs: timings.backgroundTimeoutMs,
          ...callOptions,
        }),
      );
    },

    async ackCommand(commandId, ack, callOptions = {}) {
      const operationId = 'ackCommand';
      const res = await call(
        {
          operationId,
          request: {
            method: 'POST',
            path: `${terminalPath}/commands/${encodeURIComponent(commandId)}/ack`,
            headers: { 'content-type': JSON_TYPE },
            body: encoder.encode(JSON.stringify(ack)),
          },
          timeoutMs: timings.backgroundTimeoutMs,
        },
        callOptions,
      );
      if (!res.ok) return res;
      if (res.value.status !== 204) return unexpected(operationId, res.value.status);
      if (res.value.body.byteLength > 0) {
        return err({ code: 'invalid-response', message: `${operationId}: 204 with a body` });
      }
      return ok();
    },

    connectivity: () => connectivity.current(),
    onConnectivity: (listener) => connectivity.subscribe(listener),
    certificate: () => certificateStatus(options.tls.cert, now(), timings.certificateWarningDays),
    close: () => transport.close(),
  };
}
