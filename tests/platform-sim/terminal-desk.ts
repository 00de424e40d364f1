/**
 * `POST /v1/terminals/{terminalId}/heartbeat` and `…/commands/{commandId}/ack`: the platform's
 * view of its terminals. A heartbeat is stored and answered with the commands the terminal has not
 * acknowledged yet (so a command survives a terminal restart until it is acknowledged); tests and
 * the developer panel issue commands with `issue`.
 */
import { randomUUID } from 'node:crypto';
import type {
  Heartbeat,
  TerminalCommand,
  TerminalCommandType,
} from '../../electron/host/platform/types';
import { toCstTimestamp } from './calendar';
import type { JsonRequest, Reply } from './exchange';
import { problem } from './problems';
import type { SimDb } from './sim-database';

export type CommandRecord = TerminalCommand & {
  terminalId: string;
  outcome?: string;
  detail?: string;
};

type Row = {
  command_id: string;
  terminal_id: string;
  type: TerminalCommandType;
  args: string | null;
  issued_at: number;
  outcome: string | null;
  detail: string | null;
};

const toCommand = (row: Row): TerminalCommand => ({
  commandId: row.command_id,
  type: row.type,
  issuedAt: toCstTimestamp(new Date(row.issued_at)),
  ...(row.args === null ? {} : { args: JSON.parse(row.args) as TerminalCommand['args'] }),
});

export function createTerminalDesk(deps: { db: SimDb; now: () => Date }) {
  const { db } = deps;
  const store = db.prepare(
    'INSERT INTO heartbeats (terminal_id, received_at, body) VALUES (?, ?, ?)',
  );
  const pending = db.prepare<[string], Row>(
    'SELECT * FROM commands WHERE terminal_id = ? AND acked_at IS NULL ORDER BY issued_at, rowid',
  );
  const find = db.prepare<[string, string], Row>(
    'SELECT * FROM commands WHERE command_id = ? AND terminal_id = ?',
  );
  const ack = db.prepare(
    'UPDATE commands SET outcome = ?, detail = ?, acked_at = ? WHERE command_id = ? AND acked_at IS NULL',
  );
  const insert = db.prepare(
    'INSERT INTO commands (command_id, terminal_id, type, args, issued_at) VALUES (?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], Row>('SELECT * FROM commands ORDER BY issued_at, rowid');
  const beats = db.prepare<[], { body: string }>('SELECT body FROM heartbeats ORDER BY rowid');

  return {
    heartbeat(req: JsonRequest): Reply {
      // The path names a terminal; it must be the one the certificate proves.
      if (req.params.terminalId !== req.terminalId) return problem(403, 'terminal-mismatch');
      store.run(req.terminalId, req.now.getTime(), JSON.stringify(req.json));
      return {
        status: 200,
        body: {
          serverTime: toCstTimestamp(req.now),
          commands: pending.all(req.terminalId).map(toCommand),
        },
      };
    },
    ack(req: JsonRequest): Reply {
      if (req.params.terminalId !== req.terminalId) return problem(403, 'terminal-mismatch');
      const row = find.get(req.params.commandId ?? '', req.terminalId);
      if (!row) return problem(404, 'not-found');
      const { outcome, detail } = req.json as { outcome: string; detail?: string };
      // A repeated acknowledgement (a retry whose answer was lost) keeps the first outcome.
      ack.run(outcome, detail ?? null, req.now.getTime(), row.command_id);
      return { status: 204 };
    },
    issue(terminalId: string, type: TerminalCommandType, args?: Record<string, unknown>): string {
      const commandId = `cmd-${randomUUID()}`;
      insert.run(
        commandId,
        terminalId,
        type,
        args ? JSON.stringify(args) : null,
        deps.now().getTime(),
      );
      return commandId;
    },
    commands(): CommandRecord[] {
      return all.all().map((row) => ({
        ...toCommand(row),
        terminalId: row.terminal_id,
        ...(row.outcome === null ? {} : { outcome: row.outcome }),
        ...(row.detail === null ? {} : { detail: row.detail }),
      }));
    },
    heartbeats: (): Heartbeat[] => beats.all().map((r) => JSON.parse(r.body) as Heartbeat),
  };
}

export type TerminalDesk = ReturnType<typeof createTerminalDesk>;
