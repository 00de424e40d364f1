import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { commandConfig } from '../config/command-config';
import type { CliIo } from '../technician/config-command';
import { logDir } from './operator-log';
import { maskPersonalText } from './redact';

/**
 * `kioskctl logs export --to DIR`: the operators' logs copied to DIR (typically a USB stick),
 * masked once more on the way out. The audit trail's file goes along as it is (it never holds
 * personal data and its hash chain must stay verifiable).
 */
export function registerLogsCommands(program: Command, io: CliIo): void {
  const logs = program.command('logs').description('the operators’ logs');
  logs
    .command('export')
    .description('copy the logs (masked) and the audit trail to a directory, e.g. a USB drive')
    .requiredOption('--to <dir>', 'where to put them')
    .action((options: { to: string }) => {
      const config = commandConfig(program, io);
      if (!config) return;
      const target = join(options.to, `kiosk-logs-${config.terminalId}-${stamp()}`);
      try {
        mkdirSync(target, { recursive: true });
        const exported: string[] = [];
        const dir = logDir(config.dataDir);
        for (const name of existsSync(dir)
          ? readdirSync(dir)
              .filter((n) => n.endsWith('.log'))
              .sort()
          : []) {
          writeFileSync(
            join(target, name),
            maskPersonalText(readFileSync(join(dir, name), 'utf8')),
          );
          exported.push(name);
        }
        const audit = join(config.dataDir, 'audit.db');
        if (existsSync(audit)) {
          copyFileSync(audit, join(target, 'audit.db'));
          exported.push('audit.db');
        }
        io.out(JSON.stringify({ exportedTo: target, files: exported }));
      } catch (error) {
        io.out(
          JSON.stringify({ error: { code: 'export-failed', message: (error as Error).message } }),
        );
        io.exit(2);
      }
    });
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}
