import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { commandConfig } from '../config/command-config';
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
      const config = commandConfig(program, io);
      if (!config) return;
      const report = await checkReadiness(config, root);
      io.out(JSON.stringify(report, null, 2));
      if (!report.ready) io.exit(2);
    });
}
