/**
 * kioskctl: the technician's command line, usable without the app running
 * (`npm run --silent kioskctl -- <command>`). Each device and service adds its commands here.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerIdCardCommands } from '../../../drivers/idcard/src/cli';
import { registerPrinterCommands } from '../../../drivers/printer/src/cli';
import { registerPlatformCommands } from '../platform/platform-command';
import { registerAuditCommands } from './audit-command';
import { registerDiagCommands } from './diag-command';
import { registerLogsCommands } from '../logging/logs-command';
import { registerConfigCommands, type CliIo } from './config-command';
import { readAllStdin, registerTechnicianCommands } from './technician-command';

export function createKioskctl(
  io: CliIo,
  readStdin: () => Promise<string> = readAllStdin,
): Command {
  const program = new Command('kioskctl')
    .description('Technician tools for the government self-service terminal (政务服务自助终端)')
    .option(
      '-c, --config <file>',
      'configuration file (default: $KIOSK_CONFIG, else built-in defaults)',
    )
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.error(s.trimEnd()),
    })
    .exitOverride();
  // Each device and service registers its own command group here, one line each.
  registerConfigCommands(program, io);
  registerAuditCommands(program, io);
  registerDiagCommands(program, io);
  registerLogsCommands(program, io);
  registerTechnicianCommands(program, io, readStdin);
  registerIdCardCommands(program, io);
  registerPrinterCommands(program, io);
  registerPlatformCommands(program, io);
  return program;
}

async function main(): Promise<void> {
  let code = 0;
  const io: CliIo = {
    out: (text) => console.log(text),
    error: (text) => console.error(text),
    exit: (c) => {
      code = c;
    },
  };
  try {
    await createKioskctl(io).parseAsync(process.argv);
  } catch (error) {
    // commander's exitOverride: help and usage errors carry their exit code.
    const exitCode = (error as { exitCode?: number }).exitCode;
    code = typeof exitCode === 'number' ? (exitCode === 0 ? 0 : 2) : 1;
  }
  process.exitCode = code;
}

// Run only when executed as the CLI, not when a test imports `createKioskctl`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
