/**
 * The platform's strictness about what it is sent, all from the one spec: parameters (headers
 * and path) against the operation's declared parameters, JSON bodies against the request schema.
 * Anything off is refused with the spec's problem codes — 400 `bad-request` (with one `errors[]`
 * entry per problem, `unknown-field` for a property the schema does not allow), 415
 * `unsupported-media-type` for a body that is not JSON — before any business rule looks at it.
 */
import { validateParameters, validateRequest } from '../../electron/host/platform/spec/validators';
import type { ValidationIssue } from '../../electron/host/platform/spec/validators';
import type { ProblemFieldError } from '../../electron/host/platform/types';
import type { Reply, SimRequest } from './exchange';
import { problem } from './problems';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON Schema keyword → the code in a problem's `errors[]`. */
const CODE_OF_KEYWORD: Record<string, string> = {
  required: 'required',
  additionalProperties: 'unknown-field',
  pattern: 'pattern',
  format: 'format',
  type: 'type',
  enum: 'not-allowed',
  const: 'not-allowed',
  minLength: 'too-short',
  maxLength: 'too-long',
  minimum: 'too-small',
  maximum: 'too-large',
  minItems: 'too-few',
};

export function fieldErrors(issues: ValidationIssue[]): ProblemFieldError[] {
  // `oneOf` failures repeat one problem per branch; keep each path and code once.
  const seen = new Set<string>();
  const errors: ProblemFieldError[] = [];
  for (const issue of issues) {
    const code = CODE_OF_KEYWORD[issue.keyword ?? ''] ?? 'schema';
    const key = `${issue.path} ${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ path: issue.path, code, message: issue.message });
  }
  return errors;
}

/** Headers and path parameters; `undefined` when they are on-spec, else the 400 to answer. */
export function checkParameters(
  operationId: string,
  req: SimRequest,
  path: Record<string, string>,
): Reply | undefined {
  const check = validateParameters(operationId, { headers: req.headers, path });
  if (check.valid) return undefined;
  // Header and path problems are not in the body, so they go in `detail` rather than `errors[]`.
  const detail = check.errors.map((e) => `${e.path} ${e.message}`).join('; ');
  return problem(400, 'bad-request', { detail });
}

/** The parsed, schema-valid JSON body, or the 415/400 to answer. */
export function readJsonBody(
  operationId: string,
  req: SimRequest,
): { ok: true; body: unknown } | { ok: false; reply: Reply } {
  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return {
      ok: false,
      reply: problem(415, 'unsupported-media-type', { detail: 'Send application/json.' }),
    };
  }
  let body: unknown;
  try {
    body = JSON.parse(utf8.decode(req.body));
  } catch {
    return { ok: false, reply: problem(400, 'bad-request', { detail: 'The body is not JSON.' }) };
  }
  const check = validateRequest(operationId, body);
  if (!check.valid) {
    return { ok: false, reply: problem(400, 'bad-request', { errors: fieldErrors(check.errors) }) };
  }
  return { ok: true, body };
}
