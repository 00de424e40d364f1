/**
 * Which remote commands this terminal has started, finished and acknowledged, kept in its
 * database so a restart does not run a command twice: the platform repeats a command in every
 * heartbeat until it is acknowledged, and `restart-app` by nature cannot be acknowledged by the
 * process it ends.
 */
import type { KioskDatabase } from '../outbox/kiosk-database';
import { migrate } from '../outbox/kiosk-database';
import type { CommandOutcome, TerminalCommandType } from '../platform/types';

const MIGRATIONS = [
  `CREATE TABLE terminal_commands (
     command_id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     outcome TEXT,
     detail TEXT,
     finished_at INTEGER,
     acked_at INTEGER
   )`,
];

export type LoggedCommand = {
  commandId: string;
  type: TerminalCommandType;
  startedAt: number;
  outcome: CommandOutcome | null;
  detail: string | null;
  ackedAt: number | null;
};

type Row = {
  command_id: string;
  type: TerminalCommandType;
  started_at: number;
  outcome: CommandOutcome | null;
  detail: string | null;
  acked_at: number | null;
};

export function createCommandLog(db: KioskDatabase) {
  migrate(db, 'terminal-commands', MIGRATIONS);
  const find = db.prepare<[string], Row>('SELECT * FROM terminal_commands WHERE command_id = ?');
  const toLogged = (row: Row): LoggedCommand => ({
    commandId: row.command_id,
    type: row.type,
    startedAt: row.started_at,
    outcome: row.outcome,
    detail: row.detail,
    ackedAt: row.acked_at,
  });
  return {
    get(commandId: string): LoggedCommand | undefined {
      const row = find.get(commandId);
      return row ? toLogged(row) : undefined;
    },
    started(commandId: string, type: TerminalCommandType, now: number): void {
      db.prepare(
        'INSERT OR IGNORE INTO terminal_commands (command_id, type, started_at) VALUES (?, ?, ?)',
      ).run(commandId, type, now);
    },
    finished(
      commandId: string,
      outcome: CommandOutcome,
      detail: string | undefined,
      now: number,
    ): void {
      db.prepare(
        'UPDATE terminal_commands SET outcome = ?, detail = ?, finished_at = ? WHERE command_id = ?',
      ).run(outcome, detail ?? null, now, commandId);
    },
    acked(commandId: string, now: number): void {
      db.prepare('UPDATE terminal_commands SET acked_at = ? WHERE command_id = ?').run(
        now,
        commandId,
      );
    },
    list(): LoggedCommand[] {
      return db
        .prepare<[], Row>('SELECT * FROM terminal_commands ORDER BY started_at')
        .all()
        .map(toLogged);
    },
  };
}

export type CommandLog = ReturnType<typeof createCommandLog>;
