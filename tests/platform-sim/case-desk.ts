/**
 * `POST /v1/cases`: the platform's intake desk. The request reaching here is already on-spec
 * (parameters and schema, request-checks.ts); the desk does, in order: replay or conflict for the
 * Idempotency-Key → business rules (422) → accept and issue a receipt (201).
 *
 * Replays: the answer to a key is kept once the submission was judged (201 or 422), in the same
 * transaction as the case itself, so a retry gets the same case number instead of a second case.
 */
import { randomInt } from 'node:crypto';
import type { CaseReceipt, CaseSubmission, ServiceItem } from '../../electron/host/platform/types';
import { addWorkingDays, cstDate, toCstTimestamp } from './calendar';
import { INSTANT_DOCUMENTS } from './catalog-items';
import { checkCase } from './case-rules';
import type { JsonRequest, Reply } from './exchange';
import type { FileStore } from './file-store';
import type { IdempotencyDesk } from './idempotency';
import { problem } from './problems';
import type { SimDb } from './sim-database';

/** 容缺: how long a resident has to bring a tolerated material. */
export const TOLERATED_DUE_WORKING_DAYS = 5;

export type ReceivedCase = {
  caseNo: string;
  queryCode: string;
  itemCode: string;
  terminalId: string;
  clientCaseId: string;
  acceptedAt: number;
  submission: CaseSubmission;
  receipt: CaseReceipt;
};

export type CaseDesk = {
  handle(req: JsonRequest): Reply;
  /** Cases submitted by terminals (not the residents' seeded history), oldest first. */
  received(): ReadonlyArray<ReceivedCase>;
};

type Row = {
  case_no: string;
  query_code: string;
  item_code: string;
  terminal_id: string;
  client_case_id: string;
  accepted_at: number;
  submission: string;
  receipt: string;
};

export function createCaseDesk(deps: {
  db: SimDb;
  items: () => readonly ServiceItem[];
  files: FileStore;
  idempotency: IdempotencyDesk;
}): CaseDesk {
  const { db } = deps;
  const insert = db.prepare(`INSERT INTO cases (case_no, query_code, item_code, item_name, source,
    terminal_id, client_case_id, id_type, id_number, applicant_name, delivery_method, outcome,
    accepted_at, submission, receipt)
    VALUES (@caseNo, @queryCode, @itemCode, @itemName, 'terminal', @terminalId, @clientCaseId,
    @idType, @idNumber, @name, @delivery, 'approved', @acceptedAt, @submission, @receipt)`);
  const nextSeq = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) + 1 AS n FROM cases WHERE source = 'terminal'",
  );
  const terminalCases = db.prepare<[], Row>(
    "SELECT * FROM cases WHERE source = 'terminal' ORDER BY seq",
  );

  function accept(submission: CaseSubmission, item: ServiceItem, req: JsonRequest): Reply {
    const at = req.now;
    const today = cstDate(at);
    // 办件编号: the terminal's region code, the acceptance date, a platform-wide sequence.
    const region = /^T-(\d{6})-/.exec(req.terminalId)?.[1] ?? '000000';
    const sequence = nextSeq.get()!.n;
    const caseNo = `${region}${today.replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
    const queryCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const promisedBy = addWorkingDays(today, item.promisedDays);
    const tolerated = submission.materials.filter((m) => m.kind === 'tolerated');
    const document = item.instant ? INSTANT_DOCUMENTS[item.code] : undefined;
    const receipt: CaseReceipt = {
      caseNo,
      queryCode,
      status: item.instant ? 'approved' : 'accepted',
      acceptedAt: toCstTimestamp(at),
      promisedBy,
      ...(tolerated.length > 0
        ? {
            pendingMaterials: tolerated.map((m) => ({
              materialId: m.materialId,
              dueBy: addWorkingDays(today, TOLERATED_DUE_WORKING_DAYS),
            })),
          }
        : {}),
      ...(document
        ? { result: { documentName: document, fileId: issueDocument(deps.files, caseNo, at) } }
        : {}),
      nextSteps: item.instant
        ? '已办结。证明可在本终端打印，也可凭办件编号在线下载。'
        : `将于 ${promisedBy} 前办结，请凭办件编号和查询码查询进度。`,
    };
    deps.files.reference([
      submission.signatureFileId,
      ...submission.materials.flatMap((m) => (m.kind === 'file' ? m.fileIds : [])),
    ]);
    insert.run({
      caseNo,
      queryCode,
      itemCode: item.code,
      itemName: item.name,
      terminalId: req.terminalId,
      clientCaseId: submission.clientCaseId,
      idType: submission.applicant.idType,
      idNumber: submission.applicant.idNumber,
      name: submission.applicant.name,
      delivery: submission.delivery.method,
      acceptedAt: at.getTime(),
      submission: JSON.stringify(submission),
      receipt: JSON.stringify(receipt),
    });
    return { status: 201, body: receipt };
  }

  return {
    handle(req) {
      const submission = req.json as CaseSubmission;
      return deps.idempotency.handle({
        terminalId: req.terminalId,
        key: req.headers['idempotency-key']!,
        operationId: 'submitCase',
        body: req.json,
        now: req.now,
        judge: () => {
          const items = deps.items();
          const errors = checkCase(submission, items, deps.files);
          if (errors.length > 0) {
            return { reply: problem(422, 'validation-failed', { errors }), keep: true };
          }
          const item = items.find((i) => i.code === submission.itemCode)!;
          return { reply: accept(submission, item, req), keep: true };
        },
      });
    },
    received: () =>
      terminalCases.all().map((row) => ({
        caseNo: row.case_no,
        queryCode: row.query_code,
        itemCode: row.item_code,
        terminalId: row.terminal_id,
        clientCaseId: row.client_case_id,
        acceptedAt: row.accepted_at,
        submission: JSON.parse(row.submission) as CaseSubmission,
        receipt: JSON.parse(row.receipt) as CaseReceipt,
      })),
  };
}

/** A one-page PDF standing in for the issued certificate (秒批 result). */
function issueDocument(files: FileStore, caseNo: string, now: Date): string {
  const text = `%PDF-1.4\n% Simulated platform document for case ${caseNo}\n%%EOF\n`;
  const stored = files.put(new TextEncoder().encode(text), 'application/pdf', now);
  files.reference([stored.fileId]);
  return stored.fileId;
}
