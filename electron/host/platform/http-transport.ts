/**
 * One HTTP attempt to the platform over mutual TLS, with a time limit. Nothing here knows about
 * operations or retries: the client builds requests and reads answers, and the retry policy
 * (issue 6) will wrap `send` without this file changing.
 */
import { Agent, request } from 'undici';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { PlatformError } from './platform-error';

export type TlsMaterial = {
  /** The platform CA (PEM). The only anchor trusted for this connection, not the system store. */
  ca: string;
  /** The terminal's client certificate (PEM), subject CN = terminal id. */
  cert: string;
  /** The terminal's private key (PEM). */
  key: string;
  /** For an encrypted private key. */
  passphrase?: string;
};

export type HttpRequest = {
  method: 'GET' | 'POST';
  /** Path below the base URL, e.g. `/v1/catalog`. Never carries personal data (spec). */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
};

export type HttpResponse = {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Uint8Array;
};

type FetchResponseLike = {
  status: number;
  headers: { forEach(fn: (value: string, name: string) => void): void };
  arrayBuffer(): Promise<ArrayBuffer>;
};

/**
 * A WHATWG-fetch-shaped function, for tests and instrumentation. It receives the mTLS `dispatcher`
 * so undici's own `fetch` keeps the pinned CA and client certificate.
 */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: Uint8Array;
    signal: AbortSignal;
    dispatcher: Agent;
  },
) => Promise<FetchResponseLike>;

export type HttpTransport = {
  send(req: HttpRequest, timeoutMs: number): Promise<Result<HttpResponse, PlatformError>>;
  close(): Promise<void>;
};

/** Larger answers are refused rather than buffered: the biggest legitimate one is the catalog. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function createHttpTransport(options: {
  baseUrl: string;
  tls: TlsMaterial;
  fetchImpl?: FetchLike;
}): HttpTransport {
  const base = new URL(options.baseUrl);
  // Personal data crosses this connection; plain HTTP is a configuration bug, not a condition.
  if (base.protocol !== 'https:') throw new Error('The platform base URL must be https');
  const prefix = `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
  const agent = new Agent({
    connect: {
      ca: options.tls.ca,
      cert: options.tls.cert,
      key: options.tls.key,
      ...(options.tls.passphrase === undefined ? {} : { passphrase: options.tls.passphrase }),
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
    },
  });
  const { fetchImpl } = options;

  async function exchange(req: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const url = `${prefix}${req.path}`;
    if (fetchImpl) {
      const res = await fetchImpl(url, { ...req, signal, dispatcher: agent });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
      return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
    }
    const res = await request(url, {
      dispatcher: agent,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal,
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        res.body.destroy();
        throw new ResponseTooLarge();
      }
      chunks.push(chunk);
    }
    return { status: res.statusCode, headers, body: new Uint8Array(Buffer.concat(chunks)) };
  }

  return {
    async send(req, timeoutMs) {
      const controller = new AbortController();
      // One limit for the whole attempt, connect to last body byte: a platform that accepts the
      // connection and then trickles must not hold a resident at the screen.
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        return ok(await exchange(req, controller.signal));
      } catch (error) {
        if (controller.signal.aborted) return err({ code: 'timeout' });
        if (error instanceof ResponseTooLarge) {
          return err({ code: 'invalid-response', message: error.message });
        }
        if (isProgrammingError(error)) throw error;
        return err({ code: 'network', message: describeNetworkError(error) });
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await agent.close();
    },
  };
}

class ResponseTooLarge extends Error {
  constructor() {
    super(`response larger than ${MAX_RESPONSE_BYTES} bytes`);
  }
}

/** undici's argument errors mean our request was malformed: a bug to surface, not a condition. */
function isProgrammingError(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'UND_ERR_INVALID_ARG';
}

/** `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:8443` — codes and addresses, no request data. */
function describeNetworkError(error: unknown): string {
  // fetch wraps the socket error as `TypeError: fetch failed` with the real one as `cause`.
  const cause = (error as { cause?: unknown })?.cause;
  const inner = error instanceof TypeError && cause instanceof Error ? cause : error;
  if (!(inner instanceof Error)) return String(inner);
  const code = (inner as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${inner.message}` : inner.message;
}
