/**
 * `POST /v1/queue/tickets` (取号): a ticket for the hall window that serves an item the terminal
 * cannot complete. Tickets are numbered per window zone and day (`B023`); the queue ahead is the
 * tickets of that zone taken in the last half hour, each served in `MINUTES_PER_TICKET`.
 * Outside the hall's hours (when configured) the answer is 503 `maintenance` with `Retry-After`
 * until opening — the spec's only 503 code. Idempotent like cases.
 */
import type { QueueTicketRequest, ServiceItem } from '../../electron/host/platform/types';
import { cstDate } from './calendar';
import { WINDOW_AREAS_BY_THEME } from './catalog-items';
import type { JsonRequest, Reply } from './exchange';
import type { IdempotencyDesk } from './idempotency';
import { problem } from './problems';
import type { SimDb } from './sim-database';

export const MINUTES_PER_TICKET = 6;
const QUEUE_WINDOW_MS = 30 * 60 * 1000;
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DEFAULT_AREA = '1楼 综合受理窗口';

/** Opening hours in China Standard Time, `HH:MM`. */
export type HallHours = { opens: string; closes: string };

export function windowAreaOf(item: ServiceItem): string {
  return (
    item.selfService.windowArea ??
    item.themes.map((t) => WINDOW_AREAS_BY_THEME[t]).find((a) => a !== undefined) ??
    DEFAULT_AREA
  );
}

/** Seconds until the hall opens, or 0 when it is open. */
export function secondsUntilOpen(hours: HallHours | undefined, now: Date): number {
  if (!hours) return 0;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const cst = new Date(now.getTime() + CST_OFFSET_MS);
  const current = cst.getUTCHours() * 60 + cst.getUTCMinutes();
  const [opens, closes] = [minutes(hours.opens), minutes(hours.closes)];
  if (current >= opens && current < closes) return 0;
  const wait = current < opens ? opens - current : 24 * 60 - current + opens;
  return wait * 60 - cst.getUTCSeconds();
}

export function createQueueDesk(deps: {
  db: SimDb;
  items: () => readonly ServiceItem[];
  idempotency: IdempotencyDesk;
  hallHours?: HallHours;
}) {
  const { db } = deps;
  const countToday = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM tickets WHERE day = ? AND ticket_no LIKE ? || '%'",
  );
  const recent = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM tickets WHERE window_area = ? AND issued_at > ?',
  );
  const insert = db.prepare(
    'INSERT INTO tickets (day, ticket_no, window_area, item_code, terminal_id, issued_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  return {
    handle(req: JsonRequest): Reply {
      const wait = secondsUntilOpen(deps.hallHours, req.now);
      if (wait > 0) {
        return problem(503, 'maintenance', {
          detail: '大厅已下班，请在工作时间取号。',
          headers: { 'retry-after': String(wait) },
        });
      }
      const request = req.json as QueueTicketRequest;
      return deps.idempotency.handle({
        terminalId: req.terminalId,
        key: req.headers['idempotency-key']!,
        operationId: 'takeQueueTicket',
        body: req.json,
        now: req.now,
        judge: () => {
          const item = deps.items().find((i) => i.code === request.itemCode);
          if (!item) {
            return {
              reply: problem(422, 'validation-failed', {
                errors: [{ path: '/itemCode', code: 'unknown-item' }],
              }),
              keep: true,
            };
          }
          if (request.applicant && !item.acceptedIdTypes.includes(request.applicant.idType)) {
            return {
              reply: problem(422, 'validation-failed', {
                errors: [{ path: '/applicant/idType', code: 'id-type-not-accepted' }],
              }),
              keep: true,
            };
          }
          const windowArea = windowAreaOf(item);
          const prefix = /([A-Z])区/.exec(windowArea)?.[1] ?? 'Z';
          const day = cstDate(req.now);
          const ticketNo = `${prefix}${String(countToday.get(day, prefix)!.n + 1).padStart(3, '0')}`;
          const waitingAhead = recent.get(windowArea, req.now.getTime() - QUEUE_WINDOW_MS)!.n;
          insert.run(day, ticketNo, windowArea, item.code, req.terminalId, req.now.getTime());
          return {
            reply: {
              status: 201,
              body: {
                ticketNo,
                windowArea,
                waitingAhead,
                estimatedWaitMinutes: waitingAhead * MINUTES_PER_TICKET,
              },
            },
            keep: true,
          };
        },
      });
    },
  };
}
