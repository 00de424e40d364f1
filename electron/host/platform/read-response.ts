/**
 * Turning an HTTP answer into a value the host may use. Nothing from the platform is trusted until
 * it validates against the spec: a platform that answers nonsense yields `invalid-response`, and an
 * error answer yields a `problem` even when its body is unreadable.
 */
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { HttpResponse } from './http-transport';
import { parseRetryAfter } from './platform-error';
import type { PlatformError } from './platform-error';
import { validateResponse } from './spec/validators';
import type { Problem } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `application/problem+json; charset=utf-8` → `application/problem+json`. */
export function mediaTypeOf(res: HttpResponse): string | undefined {
  return res.headers['content-type']?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function parseJson(res: HttpResponse): Result<unknown, string> {
  const type = mediaTypeOf(res);
  if (type !== 'application/json' && !type?.endsWith('+json')) {
    return err(`expected a JSON body, got ${type ?? 'no content type'}`);
  }
  try {
    return ok(JSON.parse(utf8.decode(res.body)) as unknown);
  } catch {
    return err('the body is not valid JSON');
  }
}

/**
 * The JSON body of a success answer, checked against the operation's response schema and
 * headers. `T` is the generated type for that response; the validation is what makes the cast true.
 */
export function readSuccessBody<T>(
  operationId: string,
  res: HttpResponse,
): Result<T, PlatformError> {
  const body = parseJson(res);
  if (!body.ok) return err({ code: 'invalid-response', message: body.error });
  const check = validateResponse(operationId, res.status, body.value, {
    mediaType: mediaTypeOf(res),
    headers: res.headers,
  });
  if (!check.valid) {
    // Schema paths and messages only; the offending values are not copied into the message.
    const first = check.errors
      .slice(0, 3)
      .map((e) => `${e.path} ${e.message}`)
      .join('; ');
    return err({ code: 'invalid-response', message: `${operationId} ${res.status}: ${first}` });
  }
  return ok(body.value as T);
}

/** An answer with status ≥ 400 as a `problem`; `problemCode: 'unknown'` when the body is off-spec. */
export function readProblem(operationId: string, res: HttpResponse): PlatformError {
  const retryAfterSeconds = parseRetryAfter(res.headers['retry-after']);
  const base = {
    code: 'problem' as const,
    status: res.status,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
  const body = parseJson(res);
  if (!body.ok) return { ...base, problemCode: 'unknown' };
  const check = validateResponse(operationId, res.status, body.value, {
    mediaType: mediaTypeOf(res),
  });
  if (!check.valid) return { ...base, problemCode: 'unknown' };
  const problem = body.value as Problem;
  return {
    ...base,
    problemCode: problem.code,
    title: problem.title,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
  };
}
