/**
 * `POST /v1/evaluations` (好差评). The rules, after the schema: a rating of 1 or 2 (差评) names at
 * least one reason from the platform's list; it concerns a case the platform knows or an item in
 * its catalog; a case is rated once; it was not given in the future. A 差评 gets a follow-up
 * promise of `FOLLOW_UP_WORKING_DAYS` (the period provincial 好差评 rules commonly set for
 * 整改反馈). Idempotent like cases.
 */
import { randomUUID } from 'node:crypto';
import type { Evaluation, ServiceItem } from '../../electron/host/platform/types';
import type { JsonRequest, Reply } from './exchange';
import type { IdempotencyDesk } from './idempotency';
import { problem } from './problems';
import type { SimDb } from './sim-database';

export const FOLLOW_UP_WORKING_DAYS = 15;
/** Levels at or below this are 差评 and need reasons. */
export const POOR_LEVEL = 2;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The platform's reason codes for a poor rating (the terminal offers them as buttons). */
export const EVALUATION_REASONS = {
  'too-slow': '办理时间长',
  'unclear-guidance': '办事指南不清楚',
  'repeated-materials': '重复提交材料',
  'device-fault': '设备故障或操作不便',
  'system-error': '系统出错',
  'poor-attitude': '服务态度差',
  other: '其他',
} as const;

export function createEvaluationDesk(deps: {
  db: SimDb;
  items: () => readonly ServiceItem[];
  idempotency: IdempotencyDesk;
}) {
  const { db } = deps;
  const caseExists = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM cases WHERE case_no = ?',
  );
  const rated = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM evaluations WHERE case_no = ?',
  );
  const insert =
    db.prepare(`INSERT INTO evaluations (evaluation_id, terminal_id, case_no, item_code,
    level, reasons, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  function rules(e: Evaluation, now: Date): { path: string; code: string }[] {
    const errors: { path: string; code: string }[] = [];
    if (e.level <= POOR_LEVEL && (e.reasons ?? []).length === 0) {
      errors.push({ path: '/reasons', code: 'required' });
    }
    (e.reasons ?? []).forEach((reason, i) => {
      if (!(reason in EVALUATION_REASONS))
        errors.push({ path: `/reasons/${i}`, code: 'unknown-reason' });
    });
    if (e.caseNo === undefined && e.itemCode === undefined) {
      errors.push({ path: '/caseNo', code: 'required' });
    }
    if (e.caseNo !== undefined) {
      if (caseExists.get(e.caseNo)!.n === 0) errors.push({ path: '/caseNo', code: 'unknown-case' });
      else if (rated.get(e.caseNo)!.n > 0)
        errors.push({ path: '/caseNo', code: 'already-evaluated' });
    }
    if (e.itemCode !== undefined && !deps.items().some((i) => i.code === e.itemCode)) {
      errors.push({ path: '/itemCode', code: 'unknown-item' });
    }
    if (Date.parse(e.evaluatedAt) > now.getTime() + CLOCK_SKEW_MS) {
      errors.push({ path: '/evaluatedAt', code: 'in-future' });
    }
    return errors;
  }

  return {
    handle(req: JsonRequest): Reply {
      const evaluation = req.json as Evaluation;
      return deps.idempotency.handle({
        terminalId: req.terminalId,
        key: req.headers['idempotency-key']!,
        operationId: 'submitEvaluation',
        body: req.json,
        now: req.now,
        judge: () => {
          const errors = rules(evaluation, req.now);
          if (errors.length > 0) {
            return { reply: problem(422, 'validation-failed', { errors }), keep: true };
          }
          const evaluationId = `EV-${randomUUID()}`;
          insert.run(
            evaluationId,
            req.terminalId,
            evaluation.caseNo ?? null,
            evaluation.itemCode ?? null,
            evaluation.level,
            JSON.stringify(evaluation.reasons ?? []),
            req.now.getTime(),
          );
          const poor = evaluation.level <= POOR_LEVEL;
          return {
            reply: {
              status: 201,
              body: { evaluationId, ...(poor ? { followUpDays: FOLLOW_UP_WORKING_DAYS } : {}) },
            },
            keep: true,
          };
        },
      });
    },
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM evaluations').get() as { n: number }).n,
  };
}
