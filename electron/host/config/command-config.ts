import type { Command } from 'commander';
import type { CliIo } from '../technician/config-command';
import { describeConfigError, loadConfig } from './load';
import type { KioskConfig } from './schema';

/**
 * The configuration a kioskctl command runs with (`--config FILE` and the environment). When it
 * is invalid the command prints `{"error":{"code":"config-invalid",…}}`, exits 2, and gets
 * `undefined`.
 */
export function commandConfig(program: Command, io: CliIo): KioskConfig | undefined {
  const file = program.opts<{ config?: string }>().config;
  const loaded = loadConfig(file ? { file } : {});
  if (loaded.ok) return loaded.value;
  io.out(
    JSON.stringify({
      error: { code: 'config-invalid', message: describeConfigError(loaded.error) },
    }),
  );
  io.exit(2);
  return undefined;
}
