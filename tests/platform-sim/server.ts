/**
 * The platform simulator: an HTTPS server that behaves as openapi.yaml says and nothing more
 * (its own words), for development, demos and tests. Mutual TLS as the real one: a client without
 * a certificate from the platform CA never gets past the handshake.
 *
 * Every request, in order: TLS client certificate (handshake) → X-Terminal-Id equals the
 * certificate CN (403) → X-Request-Id is a UUID (400) → a route (404) → body size (413) → the
 * route's own checks. Every answer carries the request id back and is kept for tests to hold
 * against the spec.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceItem } from '../../electron/host/platform/types';
import { createCaseDesk } from './case-desk';
import type { ReceivedCase } from './case-desk';
import { buildCatalog, catalogEtag, etagMatches } from './catalog';
import type { Reply, SentResponse, SimRequest } from './exchange';
import { createFaultSwitch } from './faults';
import type { FaultRule } from './faults';
import { createFileStore, handleUpload, MAX_FILE_BYTES } from './file-store';
import type { StoredFileRecord } from './file-store';
import { ensurePki } from './pki';
import type { PkiPaths } from './pki';
import { problem } from './problems';

export type PlatformSimulatorOptions = {
  pkiDir: string;
  terminalId: string;
  host?: string;
  port?: number;
  now?: () => Date;
  /** The catalog's items; the built-in catalog when absent. */
  items?: readonly ServiceItem[];
};

export type PlatformSimulator = {
  /** The spec's server URL for this instance, e.g. `https://127.0.0.1:41234/api`. */
  url: string;
  port: number;
  pki: PkiPaths;
  close(): Promise<void>;
  receivedCases(): ReadonlyArray<ReceivedCase>;
  receivedFiles(): ReadonlyArray<StoredFileRecord>;
  /** Every answer sent, oldest first (the last MAX_KEPT_RESPONSES). */
  sentResponses(): ReadonlyArray<SentResponse>;
  setFault(rule: FaultRule | null): void;
};

type Route = {
  method: string;
  path: string;
  operationId: string;
  maxBody: number;
  handle(req: SimRequest): Reply;
};

const BASE_PATH = '/api';
/** JSON requests are small; a case with a hundred materials is well under this. */
const MAX_JSON_BYTES = 1024 * 1024;
/** An oversized body is read and thrown away up to here (so the client sees the 413), then cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const MAX_KEPT_RESPONSES = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startPlatformSimulator(
  options: PlatformSimulatorOptions,
): Promise<PlatformSimulator> {
  const { host = '127.0.0.1', port = 0, now = () => new Date() } = options;
  const pki = await ensurePki(options.pkiDir, options.terminalId);
  const [ca, cert, key] = await Promise.all(
    [pki.caCert, pki.serverCert, pki.serverKey].map((p) => readFile(p, 'utf8')),
  );

  const catalog = buildCatalog(options.items);
  const etag = catalogEtag(catalog);
  const files = createFileStore();
  const desk = createCaseDesk({ items: () => catalog.items, files, now });
  const faults = createFaultSwitch();
  const sent: SentResponse[] = [];

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/v1/catalog',
      operationId: 'getCatalog',
      maxBody: 0,
      handle: (req) =>
        etagMatches(req.headers['if-none-match'], etag)
          ? { status: 304, headers: { etag } }
          : { status: 200, headers: { etag }, body: catalog },
    },
    {
      method: 'POST',
      path: '/v1/files',
      operationId: 'uploadFile',
      maxBody: MAX_FILE_BYTES,
      handle: (req) => handleUpload(files, req),
    },
    {
      method: 'POST',
      path: '/v1/cases',
      operationId: 'submitCase',
      maxBody: MAX_JSON_BYTES,
      handle: (req) => desk.handle(req),
    },
  ];

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    operationId: string | null,
    requestId: string | undefined,
    reply: Reply,
  ): void {
    const headers: Record<string, string> = { ...reply.headers };
    if (requestId !== undefined) headers['x-request-id'] = requestId;
    let payload: string | undefined;
    if (reply.body !== undefined) {
      headers['content-type'] =
        reply.status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
      payload = JSON.stringify(reply.body);
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
    keep({ operationId, req, status: reply.status, headers, body: reply.body, faulted: false });
  }

  function keep(entry: Omit<SentResponse, 'method' | 'path'> & { req: IncomingMessage }): void {
    const { req, ...rest } = entry;
    sent.push({ ...rest, method: req.method ?? '', path: req.url ?? '' });
    if (sent.length > MAX_KEPT_RESPONSES) sent.shift();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://platform.invalid');
    const path = url.pathname.startsWith(`${BASE_PATH}/`)
      ? url.pathname.slice(BASE_PATH.length)
      : undefined;
    const route = routes.find((r) => r.path === path && r.method === req.method);
    const operationId = route?.operationId ?? null;
    const rawRequestId = header(req, 'x-request-id');
    const requestId =
      rawRequestId !== undefined && UUID.test(rawRequestId) ? rawRequestId : undefined;
    const answer = (reply: Reply) => send(req, res, operationId, requestId, reply);

    const socket = req.socket as TLSSocket;
    // Unreachable with rejectUnauthorized, which stops such clients in the handshake; kept so a
    // configuration slip here fails closed.
    if (!socket.authorized) return answer(problem(401, 'unauthenticated'));
    const certCn = socket.getPeerCertificate().subject?.CN;
    const terminalId = header(req, 'x-terminal-id');
    if (terminalId === undefined || terminalId !== certCn) {
      return answer(problem(403, 'terminal-mismatch'));
    }
    if (requestId === undefined) {
      return answer(problem(400, 'bad-request', { detail: 'X-Request-Id must be a UUID.' }));
    }
    if (!route) return answer(problem(404, 'not-found'));

    const body = await readBody(req, route.maxBody);
    if (body === 'too-large') {
      return answer(problem(413, 'too-large', { detail: `At most ${route.maxBody} bytes.` }));
    }

    const fault = faults.take(route.operationId);
    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'problem') {
      const retry = fault.retryAfterSeconds;
      return answer(
        problem(fault.status, fault.code, {
          ...(retry === undefined ? {} : { headers: { 'retry-after': String(retry) } }),
        }),
      );
    }
    if (fault?.kind === 'raw') {
      const headers = {
        ...(fault.contentType ? { 'content-type': fault.contentType } : {}),
        'x-request-id': requestId,
      };
      res.writeHead(fault.status, headers);
      res.end(fault.body);
      keep({ operationId, req, status: fault.status, headers, body: fault.body, faulted: true });
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
    );
    answer(route.handle({ method: req.method ?? '', path: path!, headers, body, terminalId }));
  }

  const server = createServer(
    { key, cert, ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        // A bug in the simulator: say so loudly, answer as the platform would.
        console.error('platform simulator:', error);
        if (!res.headersSent) send(req, res, null, undefined, problem(500, 'internal'));
        else res.destroy();
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;

  return {
    url: `https://${host}:${actualPort}${BASE_PATH}`,
    port: actualPort,
    pki,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    receivedCases: () => desk.received(),
    receivedFiles: () => files.list(),
    sentResponses: () => sent,
    setFault: (rule) => faults.set(rule),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body, or `'too-large'` once it passes `limit` (drained so the client can read the 413). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_DRAIN_BYTES) {
      req.destroy();
      break;
    }
    if (size <= limit && declared <= limit) chunks.push(chunk);
  }
  return size > limit || declared > limit ? 'too-large' : Buffer.concat(chunks);
}
