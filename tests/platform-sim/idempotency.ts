/**
 * The spec's idempotency for `POST`s that create something (cases, evaluations, queue tickets):
 * for at least 7 days a repeated `Idempotency-Key` gets the original status and body with
 * `Idempotent-Replayed: true`; the same key with a different body is 409 `idempotency-conflict`.
 *
 * Keys are scoped to the terminal (the certificate's CN) and the fingerprint covers the operation,
 * so a key reused for another kind of request is a conflict too. The judgement and the stored
 * answer are written in one transaction: a request that was processed is always replayable, even
 * when its answer never reached the terminal ("processed but the response was lost").
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { Reply } from './exchange';
import { problem } from './problems';
import type { SimDb } from './sim-database';

/** The spec's "at least 7 days". */
export const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type Judgement = {
  reply: Reply;
  /** Whether this answer is the platform's decision on the key (201, 422) or a refusal to decide. */
  keep: boolean;
};

type Row = {
  fingerprint: string;
  status: number;
  headers: string;
  body: string | null;
  created_at: number;
};

export type IdempotencyDesk = {
  handle(input: {
    terminalId: string;
    key: string;
    operationId: string;
    body: unknown;
    now: Date;
    judge: () => Judgement;
  }): Reply;
};

export function createIdempotencyDesk(db: SimDb): IdempotencyDesk {
  const find = db.prepare<[string, string], Row>(
    'SELECT fingerprint, status, headers, body, created_at FROM idempotency WHERE terminal_id = ? AND idem_key = ?',
  );
  const forget = db.prepare('DELETE FROM idempotency WHERE terminal_id = ? AND idem_key = ?');
  const remember = db.prepare(
    'INSERT INTO idempotency (terminal_id, idem_key, fingerprint, status, headers, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  const handle: IdempotencyDesk['handle'] = ({
    terminalId,
    key,
    operationId,
    body,
    now,
    judge,
  }) => {
    const slot = key.toLowerCase();
    const fingerprint = createHash('sha256')
      .update(`${operationId}\n${canonicalJson(body)}`)
      .digest('hex');
    const previous = find.get(terminalId, slot);
    if (previous && now.getTime() - previous.created_at < REPLAY_WINDOW_MS) {
      if (previous.fingerprint !== fingerprint) return problem(409, 'idempotency-conflict');
      return {
        status: previous.status,
        headers: {
          ...(JSON.parse(previous.headers) as Record<string, string>),
          'idempotent-replayed': 'true',
        },
        ...(previous.body === null ? {} : { body: JSON.parse(previous.body) as unknown }),
      };
    }
    if (previous) forget.run(terminalId, slot);
    const { reply, keep } = judge();
    if (keep) {
      remember.run(
        terminalId,
        slot,
        fingerprint,
        reply.status,
        JSON.stringify(reply.headers ?? {}),
        reply.body === undefined ? null : JSON.stringify(reply.body),
        now.getTime(),
      );
    }
    return reply;
  };

  return { handle: db.transaction(handle) as IdempotencyDesk['handle'] };
}
