/**
 * Validation against the platform's published interface (spec/openapi.yaml, vendored byte-for-byte
 * from ../shared/platform-api). The client checks every answer with it before use, and the
 * platform simulator checks every request and proves every answer with it, so both sides are held
 * to the one document rather than to two hand-written copies of it.
 *
 * Schemas are addressed by JSON pointer into the whole document (Ajv resolves `$ref`s such as
 * `#/components/schemas/PersonRef` against it), so an inline schema under `paths` needs no copy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/**
 * One problem: a JSON pointer into the value (for a missing or unknown property, the pointer to
 * that property), a message, and the JSON Schema keyword that failed (`required`,
 * `additionalProperties`, `pattern`…) so a caller can map it to its own codes.
 */
export type ValidationIssue = { path: string; message: string; keyword?: string };
export type Validation = { valid: true } | { valid: false; errors: ValidationIssue[] };

type Json = Record<string, unknown>;
type Operation = {
  operationId: string;
  method: string;
  /** The path template, e.g. `/v1/cases/{caseNo}/status`. */
  path: string;
  pointer: string;
  /** Path-item and operation parameters (`$ref`s unresolved), each with where it sits. */
  parameters: { node: Json; pointer: string }[];
  requestBody?: Json;
  responses: Record<string, Json>;
};

type Spec = {
  ajv: Ajv2020;
  doc: Json;
  operations: Map<string, Operation>;
  compiled: Map<string, ValidateFunction>;
};

const SPEC_ID = 'platform-openapi.json';
const SPEC_URL = new URL('./openapi.yaml', import.meta.url);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export const SPEC_PATH = fileURLToPath(SPEC_URL);

let loaded: Spec | undefined;

/** Parses the YAML and builds Ajv on first use: the host starts without paying for it. */
function spec(): Spec {
  loaded ??= loadSpec(readFileSync(SPEC_URL, 'utf8'));
  return loaded;
}

function loadSpec(yamlText: string): Spec {
  const doc = parseYaml(yamlText) as Json;
  // strict: false because the document mixes OpenAPI keywords (`in`, `required: true` on
  // parameters…) with JSON Schema; they are annotations here, not mistakes.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's `format: binary` marks a raw request body; there is nothing to check in JSON.
  ajv.addFormat('binary', true);
  // The document itself is not a JSON Schema, so skip meta-validation; refs resolve into it.
  ajv.addSchema(doc, SPEC_ID, undefined, false);
  return { ajv, doc, operations: indexOperations(doc), compiled: new Map() };
}

function indexOperations(doc: Json): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Json | undefined;
      if (!op || typeof op.operationId !== 'string') continue;
      operations.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        pointer: `#/paths/${escapePointer(path)}/${method}`,
        parameters: [
          ...((item.parameters ?? []) as Json[]).map((node, i) => ({
            node,
            pointer: `#/paths/${escapePointer(path)}/parameters/${i}`,
          })),
          ...((op.parameters ?? []) as Json[]).map((node, i) => ({
            node,
            pointer: `#/paths/${escapePointer(path)}/${method}/parameters/${i}`,
          })),
        ],
        requestBody: op.requestBody as Json | undefined,
        responses: (op.responses ?? {}) as Record<string, Json>,
      });
    }
  }
  return operations;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function validatorAt(pointer: string): ValidateFunction {
  const s = spec();
  let fn = s.compiled.get(pointer);
  if (!fn) {
    fn = s.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
    s.compiled.set(pointer, fn);
  }
  return fn;
}

function run(pointer: string, value: unknown): Validation {
  const fn = validatorAt(pointer);
  if (fn(value)) return { valid: true };
  return {
    valid: false,
    errors: (fn.errors ?? []).map((e) => {
      // Point at the property itself rather than at the object that lacks or has it.
      const property =
        e.keyword === 'required'
          ? (e.params as { missingProperty?: string }).missingProperty
          : e.keyword === 'additionalProperties'
            ? (e.params as { additionalProperty?: string }).additionalProperty
            : undefined;
      const path =
        property === undefined
          ? e.instancePath || '/'
          : `${e.instancePath}/${escapePointer(property)}`;
      return { path, message: e.message ?? e.keyword, keyword: e.keyword };
    }),
  };
}

function invalid(path: string, message: string): Validation {
  return { valid: false, errors: [{ path, message }] };
}

/** Follows a `$ref` to `#/components/...` (responses are often shared, like `Problem`). */
function deref(node: Json): { node: Json; pointer: string | undefined } {
  const ref = node.$ref;
  if (typeof ref !== 'string') return { node, pointer: undefined };
  const parts = ref.replace(/^#\//, '').split('/');
  let target: unknown = spec().doc;
  for (const part of parts) {
    target = (target as Json)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  if (!target || typeof target !== 'object') throw new Error(`Dangling $ref in the spec: ${ref}`);
  return { node: target as Json, pointer: ref };
}

function operation(operationId: string): Operation {
  const op = spec().operations.get(operationId);
  // An unknown operationId is a typo in our code, not something the platform did.
  if (!op) throw new Error(`No operation '${operationId}' in the platform spec`);
  return op;
}

/** The media type to check a body against: the one asked for, else the first JSON one declared. */
function pickMediaType(content: Json, mediaType: string | undefined): string | undefined {
  const declared = Object.keys(content);
  if (mediaType !== undefined) return declared.includes(mediaType) ? mediaType : undefined;
  return declared.find((t) => t === 'application/json' || t.endsWith('+json')) ?? declared[0];
}

/** Validates a value against `#/components/schemas/<name>`. */
export function validateSchema(name: string, value: unknown): Validation {
  const schemas = (spec().doc.components as Json | undefined)?.schemas as Json | undefined;
  if (!schemas || !(name in schemas)) throw new Error(`No schema '${name}' in the platform spec`);
  return run(`#/components/schemas/${escapePointer(name)}`, value);
}

/** Validates a request body (parsed JSON) for an operation; `mediaType` defaults to JSON. */
export function validateRequest(
  operationId: string,
  body: unknown,
  mediaType = 'application/json',
): Validation {
  const op = operation(operationId);
  if (!op.requestBody) {
    return body === undefined ? { valid: true } : invalid('/', 'this operation takes no body');
  }
  const { node, pointer: refPointer } = deref(op.requestBody);
  const base = refPointer ?? `${op.pointer}/requestBody`;
  if (body === undefined) {
    return node.required === true ? invalid('/', 'a request body is required') : { valid: true };
  }
  const content = (node.content ?? {}) as Json;
  const type = pickMediaType(content, mediaType);
  if (type === undefined) return invalid('/', `media type ${mediaType} is not accepted`);
  return run(`${base}/content/${escapePointer(type)}/schema`, body);
}

export type ResponseCheck = {
  /** The response's media type (without parameters); defaults to the first JSON type declared. */
  mediaType?: string;
  /** Header name → value; when given, declared headers are checked too (names in any case). */
  headers?: Record<string, string | undefined>;
};

/**
 * Validates a response for an operation: the entry for its exact status, else `2XX`-style ranges,
 * else `default`. `body` is the parsed JSON, or `undefined` when the response had none.
 */
export function validateResponse(
  operationId: string,
  status: number,
  body: unknown,
  check: ResponseCheck = {},
): Validation {
  const op = operation(operationId);
  const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find(
    (k) => k in op.responses,
  );
  if (key === undefined) return invalid('/', `status ${status} is not declared`);
  const { node, pointer: refPointer } = deref(op.responses[key] as Json);
  const base = refPointer ?? `${op.pointer}/responses/${key}`;
  const issues: ValidationIssue[] = [];

  const content = node.content as Json | undefined;
  if (!content) {
    if (body !== undefined) issues.push({ path: '/', message: `status ${status} has no body` });
  } else {
    const type = pickMediaType(content, check.mediaType);
    if (type === undefined) {
      issues.push({ path: '/', message: `media type ${check.mediaType} is not declared` });
    } else {
      const result = run(`${base}/content/${escapePointer(type)}/schema`, body);
      if (!result.valid) issues.push(...result.errors);
    }
  }
  if (check.headers) issues.push(...checkHeaders(node, base, check.headers));
  return issues.length === 0 ? { valid: true } : { valid: false, errors: issues };
}

function checkHeaders(
  response: Json,
  base: string,
  headers: Record<string, string | undefined>,
): ValidationIssue[] {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const issues: ValidationIssue[] = [];
  for (const [name, declared] of Object.entries((response.headers ?? {}) as Json)) {
    const { node, pointer } = deref(declared as Json);
    const value = lower.get(name.toLowerCase());
    const where = `header ${name}`;
    if (value === undefined) {
      if (node.required === true) issues.push({ path: where, message: 'is required' });
      continue;
    }
    if (!node.schema) continue;
    const result = run(`${pointer ?? `${base}/headers/${escapePointer(name)}`}/schema`, value);
    if (!result.valid) issues.push(...result.errors.map((e) => ({ ...e, path: where })));
  }
  return issues;
}

/** Every operationId the spec declares (for tests that walk the whole interface). */
export function operationIds(): string[] {
  return [...spec().operations.keys()];
}

/** Where an operation lives: its method and path template (`/v1/cases/{caseNo}/status`). */
export function operationRoute(operationId: string): { method: string; path: string } {
  const op = operation(operationId);
  return { method: op.method, path: op.path };
}

export type ParameterValues = {
  /** Header name → value; names in any case. */
  headers?: Record<string, string | undefined>;
  /** Path parameter name → value (already percent-decoded). */
  path?: Record<string, string | undefined>;
};

/**
 * Validates an operation's header and path parameters: the required ones are present and each
 * value matches its schema (e.g. `X-Request-Id` a UUID, `caseNo` the CaseNo pattern). Query and
 * cookie parameters are not used by this interface.
 */
export function validateParameters(operationId: string, values: ParameterValues): Validation {
  const op = operation(operationId);
  const headers = new Map(
    Object.entries(values.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const issues: ValidationIssue[] = [];
  for (const declared of op.parameters) {
    const { node, pointer } = deref(declared.node);
    const name = String(node.name);
    const where = node.in === 'header' ? `header ${name}` : `${String(node.in)} ${name}`;
    const value =
      node.in === 'header'
        ? headers.get(name.toLowerCase())
        : node.in === 'path'
          ? values.path?.[name]
          : undefined;
    if (value === undefined) {
      if (node.required === true) issues.push({ path: where, message: 'is required' });
      continue;
    }
    if (!node.schema) continue;
    const result = run(`${pointer ?? declared.pointer}/schema`, value);
    if (!result.valid) issues.push(...result.errors.map((e) => ({ ...e, path: where })));
  }
  return issues.length === 0 ? { valid: true } : { valid: false, errors: issues };
}
