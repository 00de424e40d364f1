/**
 * Knobs for making the simulated platform misbehave, so the terminal's handling of a bad day can
 * be tested and demonstrated (tests call them directly; the developer panel through
 * `setConditions`). Two kinds, checked in this order:
 *
 * - a **rule**: one fault for the next `times` matching requests (exact, for tests);
 * - **conditions**: a standing state of the platform — added latency, a rate of 500s, dropped
 *   connections, answers lost after the request was processed, or 503 maintenance.
 *
 * Rates draw from a seeded generator, so a failing run can be repeated with its seed.
 */
import type { ProblemCode } from '../../electron/host/platform/types';

export type SimFault =
  /** An on-spec error answer, e.g. 503 `maintenance` with Retry-After. */
  | { kind: 'problem'; status: number; code: ProblemCode; retryAfterSeconds?: number }
  /** Any bytes at all, deliberately off-spec (a broken gateway, a buggy release). */
  | { kind: 'raw'; status: number; contentType?: string; body: string }
  /** Answer normally, but only after `ms`. */
  | { kind: 'delay'; ms: number }
  /** Close the connection without answering, before processing. */
  | { kind: 'drop' }
  /** Process the request (a case is created, a key is stored), then close without answering. */
  | { kind: 'lose-response' };

export type FaultRule = {
  fault: SimFault;
  /** Only requests for this operation; all when absent. */
  operationId?: string;
  /** How many matching requests to affect; until cleared when absent. */
  times?: number;
};

/** A standing state of the platform. Rates are probabilities per request, 0–1. */
export interface PlatformConditions {
  /** Added before every answer. */
  latencyMs: number;
  /** Answered 500 `internal` without processing. */
  errorRate: number;
  /** Connection closed without an answer, before processing. */
  dropRate: number;
  /** Processed, then the connection closed: the terminal never hears that it worked. */
  lostResponseRate: number;
  /** Every request answered 503 `maintenance` with this Retry-After; null when not. */
  maintenance: { retryAfterSeconds: number } | null;
  /** Only these operations are affected; all when absent (set `undefined` to clear). */
  operations?: string[] | undefined;
}

/** A healthy platform. Setting it clears every knob, `operations` included. */
export const NORMAL_CONDITIONS: PlatformConditions = {
  latencyMs: 0,
  errorRate: 0,
  dropRate: 0,
  lostResponseRate: 0,
  maintenance: null,
  operations: undefined,
};

/** What to do with one request, before and after processing it. */
export type FaultPlan = {
  /** Answer or close without processing. */
  instead?: SimFault;
  delayMs: number;
  /** Process, then close without answering. */
  loseResponse: boolean;
};

export type FaultSwitch = {
  set(rule: FaultRule | null): void;
  setConditions(conditions: Partial<PlatformConditions>): PlatformConditions;
  conditions(): PlatformConditions;
  /** The plan for this request (and counts it against the rule). */
  plan(operationId: string): FaultPlan;
};

/** mulberry32: a tiny seeded generator; good enough for fault dice, not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultSwitch(random: () => number = Math.random): FaultSwitch {
  let rule: FaultRule | null = null;
  let left = Infinity;
  let conditions: PlatformConditions = { ...NORMAL_CONDITIONS };

  function takeRule(operationId: string): SimFault | undefined {
    if (!rule || left <= 0) return undefined;
    if (rule.operationId !== undefined && rule.operationId !== operationId) return undefined;
    left -= 1;
    return rule.fault;
  }

  return {
    set(next) {
      rule = next;
      left = next?.times ?? Infinity;
    },
    setConditions(next) {
      conditions = { ...conditions, ...next };
      for (const rate of [conditions.errorRate, conditions.dropRate, conditions.lostResponseRate]) {
        if (!(rate >= 0 && rate <= 1)) throw new Error(`a rate is between 0 and 1, not ${rate}`);
      }
      return conditions;
    },
    conditions: () => conditions,
    plan(operationId) {
      const fault = takeRule(operationId);
      if (fault?.kind === 'delay') return { delayMs: fault.ms, loseResponse: false };
      if (fault?.kind === 'lose-response') return { delayMs: 0, loseResponse: true };
      if (fault) return { instead: fault, delayMs: 0, loseResponse: false };
      const c = conditions;
      if (c.operations !== undefined && !c.operations.includes(operationId)) {
        return { delayMs: 0, loseResponse: false };
      }
      const delayMs = c.latencyMs;
      if (c.maintenance) {
        const { retryAfterSeconds } = c.maintenance;
        return {
          instead: { kind: 'problem', status: 503, code: 'maintenance', retryAfterSeconds },
          delayMs,
          loseResponse: false,
        };
      }
      // Draw every die on every request so one knob does not shift another's sequence.
      const [drop, error, lost] = [random(), random(), random()];
      if (drop < c.dropRate) return { instead: { kind: 'drop' }, delayMs, loseResponse: false };
      if (error < c.errorRate) {
        return {
          instead: { kind: 'problem', status: 500, code: 'internal' },
          delayMs,
          loseResponse: false,
        };
      }
      return { delayMs, loseResponse: lost < c.lostResponseRate };
    },
  };
}
