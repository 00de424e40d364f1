/**
 * 办件查询: `POST /v1/cases/search` (a resident's own cases, by the card just read) and
 * `POST /v1/cases/{caseNo}/status` (one case, for whoever holds its number and query code). A
 * wrong query code and an unknown case get the same 404, on purpose: the answer must not tell a
 * stranger which case numbers exist.
 */
import type { CaseSearch, CaseStatus, ServiceItem } from '../../electron/host/platform/types';
import { caseProgress } from './case-progress';
import type { CaseOutcome, DeliveryMethod } from './case-progress';
import type { JsonRequest, Reply } from './exchange';
import { maskName } from './masking';
import { problem } from './problems';
import type { SimDb } from './sim-database';

const DEFAULT_LIMIT = 20;

type Row = {
  case_no: string;
  query_code: string;
  item_code: string;
  item_name: string;
  applicant_name: string;
  delivery_method: DeliveryMethod | null;
  outcome: CaseOutcome;
  accepted_at: number;
};

export type CaseLookup = {
  search(req: JsonRequest): Reply;
  status(req: JsonRequest): Reply;
};

export function createCaseLookup(deps: {
  db: SimDb;
  items: () => readonly ServiceItem[];
  dayMs: number;
}): CaseLookup {
  const byPerson = deps.db.prepare<[string, string, string, number], Row>(
    `SELECT * FROM cases WHERE id_type = ? AND id_number = ? AND applicant_name = ?
     ORDER BY accepted_at DESC, seq DESC LIMIT ?`,
  );
  const byNumber = deps.db.prepare<[string], Row>('SELECT * FROM cases WHERE case_no = ?');

  function view(row: Row, now: Date): CaseStatus {
    // An item withdrawn from the catalog since keeps its history: promise as recorded at 0 days.
    const item = deps.items().find((i) => i.code === row.item_code) ?? {
      instant: false,
      promisedDays: 0,
    };
    const progress = caseProgress({
      item,
      acceptedAt: row.accepted_at,
      outcome: row.outcome,
      delivery: row.delivery_method ?? undefined,
      caseNo: row.case_no,
      now: now.getTime(),
      dayMs: deps.dayMs,
    });
    return {
      caseNo: row.case_no,
      itemCode: row.item_code,
      itemName: row.item_name,
      applicantMasked: maskName(row.applicant_name),
      ...progress,
    };
  }

  return {
    search(req) {
      const { applicant, limit = DEFAULT_LIMIT } = req.json as CaseSearch;
      const rows = byPerson.all(applicant.idType, applicant.idNumber, applicant.name, limit);
      return { status: 200, body: { cases: rows.map((row) => view(row, req.now)) } };
    },
    status(req) {
      const { queryCode } = req.json as { queryCode: string };
      const row = byNumber.get(req.params.caseNo ?? '');
      if (!row || row.query_code !== queryCode) return problem(404, 'not-found');
      return { status: 200, body: view(row, req.now) };
    },
  };
}
