/**
 * RFC 9457 problem answers, shaped by the spec's Problem schema. Every error the simulator gives
 * goes through here, so each carries the right machine-readable `code`.
 */
import type { Problem, ProblemCode, ProblemFieldError } from '../../electron/host/platform/types';
import type { Reply } from './exchange';

const TITLES: Record<ProblemCode, string> = {
  'bad-request': 'The request is malformed.',
  'digest-mismatch': 'X-Content-Sha256 does not match the body.',
  unauthenticated: 'No valid client certificate.',
  'terminal-mismatch': 'X-Terminal-Id does not match the client certificate.',
  'terminal-locked': 'This terminal is locked.',
  'not-found': 'Not found.',
  'idempotency-conflict': 'This Idempotency-Key was used with a different body.',
  'too-large': 'The body is too large.',
  'unsupported-media-type': 'This media type is not accepted.',
  'validation-failed': 'The application does not meet the item’s requirements.',
  'rate-limited': 'Too many requests.',
  maintenance: 'The platform is under maintenance.',
  internal: 'Internal error.',
};

export function problem(
  status: number,
  code: ProblemCode,
  extra: { detail?: string; errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
): Reply {
  const body: Problem = {
    type: `https://platform.example.gov.cn/problems/${code}`,
    title: TITLES[code],
    status,
    code,
    ...(extra.detail === undefined ? {} : { detail: extra.detail }),
    ...(extra.errors === undefined ? {} : { errors: extra.errors }),
  };
  return { status, body, ...(extra.headers ? { headers: extra.headers } : {}) };
}
