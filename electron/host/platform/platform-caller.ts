/**
 * One logical call to the platform: attempts, each with the spec's identity headers and a fresh
 * `X-Request-Id`, retried by the spec's rule (retry-policy.ts) within the call's budget. Error
 * statuses become `problem`s here, so operations only see success statuses; every attempt's
 * outcome feeds the connectivity the screens show.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleepMs } from 'node:timers/promises';
import createDebug from 'debug';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import type { ConnectivityTracker } from './connectivity';
import type { HttpRequest, HttpResponse, HttpTransport } from './http-transport';
import { describePlatformError } from './platform-error';
import type { PlatformError } from './platform-error';
import { readProblem } from './read-response';
import { decideRetry } from './retry-policy';
import type { PlatformTimings } from './retry-policy';
import type { OperationId } from './types';

const debug = createDebug('kiosk:platform');

export type CallSpec = {
  operationId: OperationId;
  request: HttpRequest;
  /** Limit for one attempt, connect to last byte. */
  timeoutMs: number;
};

/** Per-call choices; the defaults come from the timings. */
export type CallOptions = {
  /** Attempts for this call, the first included (1: no retry here; the outbox retries later). */
  maxAttempts?: number;
  /** The whole call, attempts and waits, ends within this many ms (a resident is waiting). */
  budgetMs?: number;
};

export type CallerDeps = {
  transport: HttpTransport;
  terminalId: string;
  timings: PlatformTimings;
  connectivity: ConnectivityTracker;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
};

export type Caller = (
  spec: CallSpec,
  options?: CallOptions,
) => Promise<Result<HttpResponse, PlatformError>>;

export const realSleep = (ms: number): Promise<void> => sleepMs(ms).then(() => undefined);

export function createCaller(deps: CallerDeps): Caller {
  const { transport, terminalId, connectivity } = deps;

  async function attempt(
    spec: CallSpec,
    timeoutMs: number,
  ): Promise<Result<HttpResponse, PlatformError>> {
    const { operationId, request } = spec;
    const requestId = randomUUID();
    const started = performance.now();
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
    const ms = Math.round(performance.now() - started);
    if (!result.ok) {
      connectivity.report({ failed: result.error });
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
    connectivity.report({ answered: res.status });
    debug('%s %s → %d in %dms', operationId, requestId, res.status, ms);
    if (res.status >= 400) return err(readProblem(operationId, res));
    const echoed = res.headers['x-request-id'];
    if (echoed !== undefined && echoed !== requestId) {
      return err({ code: 'invalid-response', message: `${operationId}: X-Request-Id not echoed` });
    }
    return ok(res);
  }

  return async (spec, options = {}) => {
    const maxAttempts = options.maxAttempts ?? deps.timings.maxAttempts;
    const deadline =
      options.budgetMs === undefined ? Infinity : performance.now() + options.budgetMs;
    for (let n = 1; ; n += 1) {
      // Never start an attempt that the budget could not see to its end.
      const left = deadline - performance.now();
      const result = await attempt(spec, Math.max(1, Math.min(spec.timeoutMs, left)));
      if (result.ok) return result;
      const decision = decideRetry(
        result.error,
        n,
        { ...deps.timings, maxAttempts },
        deps.random,
        deadline - performance.now(),
      );
      if (!decision.retry) return result;
      debug('%s: retry %d in %dms', spec.operationId, n, decision.delayMs);
      await deps.sleep(decision.delayMs);
    }
  };
}
