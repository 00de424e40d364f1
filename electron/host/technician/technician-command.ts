import type { Command } from 'commander';
import { hashPin, PIN_PATTERN } from './access/pin-hash';
import type { CliIo } from './config-command';

/**
 * `kioskctl technician hash-pin`: reads a PIN from standard input (never from the command line,
 * where `ps` and shell history would show it) and prints the hash for `technician.pinHash`.
 */
export function registerTechnicianCommands(
  program: Command,
  io: CliIo,
  readStdin: () => Promise<string>,
): void {
  const technician = program.command('technician').description('technician access');
  technician
    .command('hash-pin')
    .description(
      'read a 6–12 digit PIN from standard input; print its scrypt hash for technician.pinHash',
    )
    .action(async () => {
      const pin = (await readStdin()).trim();
      if (!PIN_PATTERN.test(pin)) {
        io.out(
          JSON.stringify({
            error: { code: 'bad-pin', message: 'a technician PIN is 6 to 12 digits' },
          }),
        );
        io.exit(2);
        return;
      }
      io.out(hashPin(pin));
    });
}

export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
