/**
 * Knobs for making the simulated platform misbehave, so the terminal's handling of a bad day
 * (maintenance, rate limits, timeouts, dropped connections, answers that break the spec) can be
 * tested and demonstrated. One rule is active at a time.
 */
import type { ProblemCode } from '../../electron/host/platform/types';

export type SimFault =
  /** An on-spec error answer, e.g. 503 `maintenance` with Retry-After. */
  | { kind: 'problem'; status: number; code: ProblemCode; retryAfterSeconds?: number }
  /** Any bytes at all, deliberately off-spec (a broken gateway, a buggy release). */
  | { kind: 'raw'; status: number; contentType?: string; body: string }
  /** Answer normally, but only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** Close the connection without answering. */
  | { kind: 'drop' };

export type FaultRule = {
  fault: SimFault;
  /** Only requests for this operation; all when absent. */
  operationId?: string;
  /** How many matching requests to affect; until cleared when absent. */
  times?: number;
};

export type FaultSwitch = {
  set(rule: FaultRule | null): void;
  /** The fault for this request, if any (and counts it). */
  take(operationId: string): SimFault | undefined;
};

export function createFaultSwitch(): FaultSwitch {
  let rule: FaultRule | null = null;
  let left = Infinity;
  return {
    set(next) {
      rule = next;
      left = next?.times ?? Infinity;
    },
    take(operationId) {
      if (!rule || left <= 0) return undefined;
      if (rule.operationId !== undefined && rule.operationId !== operationId) return undefined;
      left -= 1;
      return rule.fault;
    },
  };
}
