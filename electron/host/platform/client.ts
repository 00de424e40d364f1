/**
 * The terminal's client of the central platform (DESIGN §1, openapi.yaml): mutual TLS, the
 * spec's headers on every attempt, every answer validated before use, failures as values.
 *
 * Each operation is "build a request → one attempt → read the answer". Retries (issue 6) go
 * around `attempt`: it already mints a fresh X-Request-Id per call while the caller's
 * Idempotency-Key stays in the request, which is exactly what the spec asks of a retry.
 */
import { createHash, randomUUID } from 'node:crypto';
import createDebug from 'debug';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { createHttpTransport } from './http-transport';
import type { FetchLike, HttpRequest, HttpResponse, TlsMaterial } from './http-transport';
import { describePlatformError } from './platform-error';
import type { PlatformError } from './platform-error';
import { readProblem, readSuccessBody } from './read-response';
import type { CaseReceipt, CaseSubmission, Catalog, StoredFile, UploadMediaType } from './types';

const debug = createDebug('kiosk:platform');

export type PlatformClientOptions = {
  /** The spec's server URL, e.g. `https://platform.example.gov.cn/api`. */
  baseUrl: string;
  /** This terminal's id; must equal the client certificate's CN. */
  terminalId: string;
  tls: TlsMaterial;
  /** Limit for one attempt, connect to last byte. */
  timeoutMs: number;
  fetchImpl?: FetchLike;
};

export type CatalogAnswer =
  | { kind: 'catalog'; catalog: Catalog; etag: string }
  /** The `etag` sent is still current; keep the cached catalog. */
  | { kind: 'not-modified' };

/** The receipt, and whether the platform replayed an earlier answer to the same key. */
export type SubmittedCase = CaseReceipt & { replayed: boolean };

export type PlatformClient = {
  getCatalog(options?: { etag?: string }): Promise<Result<CatalogAnswer, PlatformError>>;
  uploadFile(
    bytes: Uint8Array,
    mediaType: UploadMediaType,
  ): Promise<Result<StoredFile, PlatformError>>;
  /** `idempotencyKey`: a UUID made once per case and kept across retries and restarts. */
  submitCase(
    submission: CaseSubmission,
    idempotencyKey: string,
  ): Promise<Result<SubmittedCase, PlatformError>>;
  close(): Promise<void>;
};

type Call = { operationId: string; request: HttpRequest };

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const transport = createHttpTransport(options);
  const { terminalId, timeoutMs } = options;

  /**
   * One HTTP attempt. Error statuses become `problem`s here, so operations only see success
   * statuses; what counts as success is theirs to say.
   */
  async function attempt({
    operationId,
    request,
  }: Call): Promise<Result<HttpResponse, PlatformError>> {
    const requestId = randomUUID();
    const started = Date.now();
    const result = await transport.send(
      {
        ...request,
        headers: {
          ...request.headers,
          accept: 'application/json, application/problem+json',
          'x-terminal-id': terminalId,
          'x-request-id': requestId,
        },
      },
      timeoutMs,
    );
    const ms = Date.now() - started;
    if (!result.ok) {
      debug(
        '%s %s failed after %dms: %s',
        operationId,
        requestId,
        ms,
        describePlatformError(result.error),
      );
      return result;
    }
    const res = result.value;
    debug('%s %s → %d in %dms', operationId, requestId, res.status, ms);
    if (res.status >= 400) return err(readProblem(operationId, res));
    const echoed = res.headers['x-request-id'];
    if (echoed !== undefined && echoed !== requestId) {
      return err({ code: 'invalid-response', message: `${operationId}: X-Request-Id not echoed` });
    }
    return ok(res);
  }

  function unexpected(operationId: string, status: number): Result<never, PlatformError> {
    return err({
      code: 'invalid-response',
      message: `${operationId}: unexpected status ${status}`,
    });
  }

  return {
    async getCatalog({ etag } = {}) {
      const operationId = 'getCatalog';
      const res = await attempt({
        operationId,
        request: {
          method: 'GET',
          path: '/v1/catalog',
          headers: etag === undefined ? {} : { 'if-none-match': etag },
        },
      });
      if (!res.ok) return res;
      const { status, headers } = res.value;
      // A 304 only means something as the answer to the ETag we sent.
      if (status === 304 && etag !== undefined) return ok({ kind: 'not-modified' });
      if (status !== 200) return unexpected(operationId, status);
      const catalog = readSuccessBody<Catalog>(operationId, res.value);
      if (!catalog.ok) return catalog;
      // Required by the spec, so readSuccessBody has already checked it is present.
      const newEtag = headers.etag as string;
      return ok({ kind: 'catalog', catalog: catalog.value, etag: newEtag });
    },

    async uploadFile(bytes, mediaType) {
      const operationId = 'uploadFile';
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const res = await attempt({
        operationId,
        request: {
          method: 'POST',
          path: '/v1/files',
          headers: { 'content-type': mediaType, 'x-content-sha256': sha256 },
          body: bytes,
        },
      });
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

    async submitCase(submission, idempotencyKey) {
      const operationId = 'submitCase';
      const res = await attempt({
        operationId,
        request: {
          method: 'POST',
          path: '/v1/cases',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: new TextEncoder().encode(JSON.stringify(submission)),
        },
      });
      if (!res.ok) return res;
      if (res.value.status !== 201) return unexpected(operationId, res.value.status);
      const receipt = readSuccessBody<CaseReceipt>(operationId, res.value);
      if (!receipt.ok) return receipt;
      const replayed = res.value.headers['idempotent-replayed'] === 'true';
      return ok({ ...receipt.value, replayed });
    },

    close: () => transport.close(),
  };
}
