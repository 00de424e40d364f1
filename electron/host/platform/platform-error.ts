/**
 * What can go wrong talking to the platform, as values (DESIGN §4 rule 1). The outbox and the
 * screens switch on `code`; `isTransient` is the spec's retry rule ("Errors" in openapi.yaml).
 */
import { assertNever } from '../../shared/result';
import type { ProblemCode, ProblemFieldError } from './types';

export type PlatformError =
  /** No HTTP answer: refused, reset, DNS, or the TLS handshake failed (e.g. certificate rejected). */
  | { code: 'network'; message: string }
  /** No complete answer within the call's time limit. */
  | { code: 'timeout' }
  /** The platform answered with an error status (an `application/problem+json` body per the spec). */
  | {
      code: 'problem';
      status: number;
      /** The Problem's `code`, or `'unknown'` when the error body was missing or off-spec. */
      problemCode: ProblemCode | 'unknown';
      title?: string;
      detail?: string;
      errors?: ProblemFieldError[];
      /** From `Retry-After` (429 `rate-limited`, 503 `maintenance`): when to try again. */
      retryAfterSeconds?: number;
    }
  /** A success status whose body or headers break the spec: never trusted, never used. */
  | { code: 'invalid-response'; message: string };

/**
 * The spec: "4xx other than 408/429 are final … 408, 429, 5xx and network failures are
 * transient: retry with backoff, same Idempotency-Key". A response that breaks the spec is
 * treated as final: repeating the request would most likely get the same nonsense.
 */
export function isTransient(error: PlatformError): boolean {
  switch (error.code) {
    case 'network':
    case 'timeout':
      return true;
    case 'problem':
      return error.status === 408 || error.status === 429 || error.status >= 500;
    case 'invalid-response':
      return false;
    default:
      return assertNever(error, 'platform error');
  }
}

/** `Retry-After` as delay-seconds (the HTTP-date form is accepted too, relative to `now`). */
export function parseRetryAfter(value: string | undefined, now = new Date()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** A one-line description for developer logs; carries no request data, so nothing personal. */
export function describePlatformError(error: PlatformError): string {
  switch (error.code) {
    case 'network':
      return `network: ${error.message}`;
    case 'timeout':
      return 'timeout';
    case 'problem':
      return `problem ${error.status} ${error.problemCode}`;
    case 'invalid-response':
      return `invalid-response: ${error.message}`;
    default:
      return assertNever(error, 'platform error');
  }
}
