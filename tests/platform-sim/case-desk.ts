/**
 * `POST /v1/cases`: the platform's intake desk. Order of checks, as a real platform would do it:
 * Idempotency-Key present → replay or conflict → JSON and schema (400) → business rules (422) →
 * accept and issue a receipt (201).
 *
 * Replays: the answer to a key is kept once the submission was actually judged (201 or 422), so a
 * retry gets the same case number instead of a second case. Requests refused before judging (400:
 * malformed) are not kept: nothing was decided, and the same key may carry a corrected body.
 */
import { createHash, randomInt } from 'node:crypto';
import type { CaseReceipt, CaseSubmission, ServiceItem } from '../../electron/host/platform/types';
import { validateRequest } from '../../electron/host/platform/spec/validators';
import { addWorkingDays, cstDate, toCstTimestamp } from './calendar';
import { INSTANT_DOCUMENTS } from './catalog-items';
import { checkCase } from './case-rules';
import { canonicalJson } from './canonical-json';
import type { Reply, SimRequest } from './exchange';
import type { FileStore } from './file-store';
import { problem } from './problems';

/** 容缺: how long a resident has to bring a tolerated material. */
export const TOLERATED_DUE_WORKING_DAYS = 5;

export type ReceivedCase = {
  caseNo: string;
  queryCode: string;
  itemCode: string;
  submission: CaseSubmission;
  receipt: CaseReceipt;
};

export type CaseDesk = {
  handle(req: SimRequest): Reply;
  received(): ReadonlyArray<ReceivedCase>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Kept = { fingerprint: string; reply: Reply };

export function createCaseDesk(deps: {
  items: () => readonly ServiceItem[];
  files: FileStore;
  now: () => Date;
}): CaseDesk {
  const kept = new Map<string, Kept>();
  const cases: ReceivedCase[] = [];
  let sequence = 0;

  function accept(submission: CaseSubmission, item: ServiceItem, terminalId: string): Reply {
    const at = deps.now();
    const today = cstDate(at);
    sequence += 1;
    // 办件编号: the terminal's region code, the acceptance date, a daily-style sequence.
    const region = /^T-(\d{6})-/.exec(terminalId)?.[1] ?? '000000';
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
        ? { result: { documentName: document, fileId: issueDocument(deps.files, caseNo) } }
        : {}),
      nextSteps: item.instant
        ? '已办结。证明可在本终端打印，也可凭办件编号在线下载。'
        : `将于 ${promisedBy} 前办结，请凭办件编号和查询码查询进度。`,
    };
    cases.push({ caseNo, queryCode, itemCode: item.code, submission, receipt });
    return { status: 201, body: receipt };
  }

  function judge(req: SimRequest): { reply: Reply; keep: boolean } {
    let body: unknown;
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch {
      return {
        reply: problem(400, 'bad-request', { detail: 'The body is not JSON.' }),
        keep: false,
      };
    }
    const schema = validateRequest('submitCase', body);
    if (!schema.valid) {
      const errors = schema.errors.map((e) => ({
        path: e.path,
        code: 'schema',
        message: e.message,
      }));
      return { reply: problem(400, 'bad-request', { errors }), keep: false };
    }
    const submission = body as CaseSubmission;
    const items = deps.items();
    const errors = checkCase(submission, items, deps.files);
    if (errors.length > 0)
      return { reply: problem(422, 'validation-failed', { errors }), keep: true };
    const item = items.find((i) => i.code === submission.itemCode)!;
    return { reply: accept(submission, item, req.terminalId), keep: true };
  }

  return {
    handle(req) {
      const key = req.headers['idempotency-key'];
      if (key === undefined || !UUID.test(key)) {
        return problem(400, 'bad-request', { detail: 'Idempotency-Key must be a UUID.' });
      }
      const slot = `${req.terminalId} ${key.toLowerCase()}`;
      const fingerprint = fingerprintOf(req.body);
      const previous = kept.get(slot);
      if (previous) {
        if (previous.fingerprint !== fingerprint) return problem(409, 'idempotency-conflict');
        return {
          ...previous.reply,
          headers: { ...previous.reply.headers, 'idempotent-replayed': 'true' },
        };
      }
      const { reply, keep } = judge(req);
      if (keep) kept.set(slot, { fingerprint, reply });
      return reply;
    },
    received: () => cases,
  };
}

/** Same body = same JSON value; key order and whitespace do not make a different request. */
function fingerprintOf(body: Buffer): string {
  let canonical: string;
  try {
    canonical = canonicalJson(JSON.parse(body.toString('utf8')));
  } catch {
    canonical = body.toString('base64');
  }
  return createHash('sha256').update(canonical).digest('hex');
}

/** A one-page PDF standing in for the issued certificate (秒批 result). */
function issueDocument(files: FileStore, caseNo: string): string {
  const text = `%PDF-1.4\n% Simulated platform document for case ${caseNo}\n%%EOF\n`;
  return files.put(new TextEncoder().encode(text), 'application/pdf').fileId;
}
