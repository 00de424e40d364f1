import type { Command } from 'commander';
import { describeConfigError, loadConfig } from '../config/load';
import { showConfig } from '../config/show';

/** `kioskctl config show`: the effective configuration (file + environment), secrets masked. */
export function registerConfigCommands(program: Command, io: CliIo): void {
  const config = program.command('config').description('the terminal configuration');
  config
    .command('show')
    .description('print the effective configuration as JSON (file + environment; secrets masked)')
    .action(() => {
      const file = program.opts<{ config?: string }>().config;
      const loaded = loadConfig(file ? { file } : {});
      if (!loaded.ok) {
        io.error(describeConfigError(loaded.error));
        io.exit(2);
        return;
      }
      io.out(JSON.stringify(showConfig(loaded.value), null, 2));
    });
}

export interface CliIo {
  out(text: string): void;
  error(text: string): void;
  exit(code: number): void;
}
