/**
 * The platform's remote commands (TerminalCommand in the spec) and what the terminal does for
 * each: the host injects the handlers; this file only dispatches, exhaustively.
 */
import { assertNever } from '../../shared/result';
import type { CommandOutcome, TerminalCommand } from '../platform/types';

export type CommandResult = { outcome: CommandOutcome; detail?: string };

export interface TerminalCommandHandlers {
  /** Fetch the catalog now (If-None-Match), e.g. after the platform changed an item. */
  syncCatalog(): Promise<CommandResult>;
  /**
   * Restart the application. Does not come back when it works: the command log marks the command
   * as started first, and the heartbeat after the restart acknowledges it as done.
   */
  restartApp(): Promise<CommandResult>;
  /** Stop serving residents (the attract screen says 暂停服务); `args` may carry a reason. */
  setOutOfService(args: Record<string, unknown>): Promise<CommandResult>;
  setInService(): Promise<CommandResult>;
  /** Send the developer logs (never personal data) where `args` says. */
  uploadLogs(args: Record<string, unknown>): Promise<CommandResult>;
}

export function runCommand(
  handlers: TerminalCommandHandlers,
  command: TerminalCommand,
): Promise<CommandResult> {
  const args = (command.args ?? {}) as Record<string, unknown>;
  switch (command.type) {
    case 'sync-catalog':
      return handlers.syncCatalog();
    case 'restart-app':
      return handlers.restartApp();
    case 'set-out-of-service':
      return handlers.setOutOfService(args);
    case 'set-in-service':
      return handlers.setInService();
    case 'upload-logs':
      return handlers.uploadLogs(args);
    default:
      return assertNever(command.type, 'terminal command');
  }
}
