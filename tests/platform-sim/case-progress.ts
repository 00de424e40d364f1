/**
 * How a case moves after it was accepted, so the terminal's progress look-up (办件查询) has
 * something true to show: accepted → in-review → approved → completed → delivered, or rejected,
 * or withdrawn. The timeline is a pure function of the acceptance time, the item and the outcome
 * the desk decided, evaluated at "now"; `dayMs` is how long a working day lasts in this simulated
 * world (24 h for realism, seconds for a demo).
 */
import type { CaseStatus, ServiceItem } from '../../electron/host/platform/types';
import { addWorkingDays, cstDate, toCstTimestamp } from './calendar';

export type CaseOutcome = 'approved' | 'rejected' | 'withdrawn';
export type DeliveryMethod = 'pickup' | 'mail' | 'electronic';

/** Fractions of a working day between steps; named so a reader sees the whole model here. */
export const PROGRESS_STEPS = {
  /** Review starts this long after acceptance. */
  reviewStartsAfterDays: 0.1,
  /** The decision comes at this fraction of the promised time (halls decide a little early). */
  decisionAtShareOfPromise: 0.8,
  /** From decision to 办结. */
  completedAfterDays: 0.1,
  /** From 办结 to the resident holding the result, when it travels (mail, pickup). */
  deliveredAfterDays: 2,
  /** A withdrawn case is withdrawn this long after acceptance. */
  withdrawnAfterDays: 0.3,
} as const;

export type ProgressInput = {
  item: Pick<ServiceItem, 'instant' | 'promisedDays'>;
  acceptedAt: number;
  outcome: CaseOutcome;
  delivery: DeliveryMethod | undefined;
  /** Seeds a tracking number. */
  caseNo: string;
  now: number;
  dayMs: number;
};

export type Progress = Pick<CaseStatus, 'status' | 'timeline' | 'promisedBy' | 'delivery'>;

type Event = { status: CaseStatus['status']; at: number; note: string };

export function caseProgress(input: ProgressInput): Progress {
  const { item, acceptedAt: a, outcome, delivery, now, dayMs } = input;
  const day = (d: number) => a + Math.round(d * dayMs);
  const events: Event[] = [{ status: 'accepted', at: a, note: '已受理' }];
  if (outcome === 'withdrawn') {
    events.push({
      status: 'withdrawn',
      at: day(PROGRESS_STEPS.withdrawnAfterDays),
      note: '申请人撤回申请',
    });
  } else {
    const decidedAt = item.instant
      ? a
      : day(Math.max(item.promisedDays, 1) * PROGRESS_STEPS.decisionAtShareOfPromise);
    if (!item.instant) {
      events.push({
        status: 'in-review',
        at: day(PROGRESS_STEPS.reviewStartsAfterDays),
        note: '审核中',
      });
    }
    if (outcome === 'rejected') {
      events.push({
        status: 'rejected',
        at: decidedAt,
        note: '不予受理：申请材料不符合法定条件，请到窗口咨询',
      });
    } else {
      events.push({
        status: 'approved',
        at: decidedAt,
        note: item.instant ? '系统自动审批（秒批）' : '审批通过',
      });
      const completedAt = item.instant
        ? a
        : decidedAt + Math.round(PROGRESS_STEPS.completedAfterDays * dayMs);
      events.push({ status: 'completed', at: completedAt, note: '已办结' });
      const travels = delivery === 'mail' || delivery === 'pickup';
      const deliveredAt = travels
        ? completedAt + Math.round(PROGRESS_STEPS.deliveredAfterDays * dayMs)
        : completedAt;
      events.push({
        status: 'delivered',
        at: deliveredAt,
        note:
          delivery === 'mail' ? '已邮寄送达' : delivery === 'pickup' ? '已领取' : '电子证照已推送',
      });
    }
  }
  const happened = events.filter((e) => e.at <= now);
  const last = happened.at(-1)!;
  const delivered = last.status === 'delivered';
  return {
    status: last.status,
    timeline: happened.map((e) => ({
      status: e.status,
      at: toCstTimestamp(new Date(e.at)),
      note: e.note,
    })),
    promisedBy: addWorkingDays(cstDate(new Date(a)), item.promisedDays),
    ...(delivery
      ? {
          delivery: {
            method: delivery,
            ...(delivered && delivery === 'mail'
              ? { trackingNo: trackingNumber(input.caseNo) }
              : {}),
          },
        }
      : {}),
  };
}

/** An EMS-style 13-character number derived from the case (invented, stable). */
function trackingNumber(caseNo: string): string {
  const digits = caseNo.replace(/\D/g, '').slice(-9).padStart(9, '0');
  return `EA${digits}CN`;
}
