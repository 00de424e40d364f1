import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describeConfigError, loadConfig } from '../config/load';
import type { CliIo } from './config-command';
import { checkReadiness } from './readiness';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

/** `kioskctl diag --json`: the readiness report; exit 2 when anything needs a technician. */
export function registerDiagCommands(program: Command, io: CliIo): void {
  program
    .command('diag')
    .description(
      'readiness report: devices, platform, clock, certificate, disk, outbox, audit, versions',
    )
    .option('--json', 'print JSON (the default; kept for symmetry with the other commands)')
    .action(async () => {
      const file = program.opts<{ config?: string }>().config;
      const config = loadConfig(file ? { file } : {});
      if (!config.ok) {
        io.out(
          JSON.stringify({
            error: { code: 'config-invalid', message: describeConfigError(config.error) },
          }),
        );
        io.exit(2);
        return;
      }
      const report = await checkReadiness(config.value, root);
      io.out(JSON.stringify(report, null, 2));
      if (!report.ready) io.exit(2);
    });
}
