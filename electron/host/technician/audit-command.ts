import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { auditFile, openAuditLog } from '../audit/audit-log';
import { describeConfigError, loadConfig } from '../config/load';
import type { CliIo } from './config-command';

/** `kioskctl audit verify|list`: check the hash chain; show the latest entries (never personal data). */
export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description('the technicians’ audit trail');
  const open = () => {
    const file = program.opts<{ config?: string }>().config;
    const config = loadConfig(file ? { file } : {});
    if (!config.ok) {
      io.error(describeConfigError(config.error));
      io.exit(2);
      return undefined;
    }
    const path = auditFile(config.value.dataDir);
    if (!existsSync(path)) {
      io.out(
        JSON.stringify({ error: { code: 'no-audit-log', message: `no audit log at ${path}` } }),
      );
      io.exit(2);
      return undefined;
    }
    return openAuditLog(path);
  };

  audit
    .command('verify')
    .description('check the hash chain; exit 2 naming the first broken entry')
    .action(() => {
      const log = open();
      if (!log) return;
      const result = log.verify();
      log.close();
      if (result.ok) {
        io.out(JSON.stringify({ ok: true, entries: result.entries }));
        return;
      }
      io.out(
        JSON.stringify({
          error: {
            code: 'chain-broken',
            message: `audit entry ${result.firstBrokenId} does not fit the chain (${result.reason})`,
            firstBrokenId: result.firstBrokenId,
            reason: result.reason,
          },
        }),
      );
      io.exit(2);
    });

  audit
    .command('list')
    .description('the latest entries as JSON')
    .option('--limit <n>', 'how many', '50')
    .action((options: { limit: string }) => {
      const log = open();
      if (!log) return;
      io.out(
        JSON.stringify(log.list({ limit: Math.max(1, Number(options.limit) || 50) }), null, 2),
      );
      log.close();
    });
}
