/**
 * The simulator's routes: one per operation of the spec, with the method and path template taken
 * from the spec itself (so a route cannot drift from the document), the body limit, whether the
 * body is JSON (checked against the request schema before the handler sees it) or raw (a file),
 * and the handler.
 */
import { operationRoute } from '../../electron/host/platform/spec/validators';
import type { OperationId } from '../../electron/host/platform/types';
import type { JsonRequest, Reply } from './exchange';

export type Route = {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  maxBody: number;
  /** Heartbeats and acknowledgements still work for a locked terminal (so it can be commanded). */
  allowedWhenLocked: boolean;
  /** `json`: parsed and schema-checked before `handle` (as `req.json`); `raw`: a file; `none`. */
  body: 'json' | 'raw' | 'none';
  handle(req: JsonRequest): Reply;
};

export type RouteSpec = Omit<Route, 'method' | 'pattern' | 'allowedWhenLocked'> & {
  allowedWhenLocked?: boolean;
};

/** `/v1/cases/{caseNo}/status` → a RegExp with a named group per parameter. */
export function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(segment)?.[1];
      return param ? `(?<${param}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

export function defineRoutes(specs: RouteSpec[]): Route[] {
  return specs.map((spec) => {
    const { method, path } = operationRoute(spec.operationId);
    return {
      allowedWhenLocked: false,
      ...spec,
      method,
      pattern: templatePattern(path),
    } as Route;
  });
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [name, raw] of Object.entries(match.groups ?? {})) {
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    }
    return { route, params };
  }
  return undefined;
}
