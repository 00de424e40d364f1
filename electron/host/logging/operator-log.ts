/**
 * The operators' log (DESIGN §4 rule 10): structured JSON lines (pino) in <dataDir>/logs, for a
 * technician or the platform's log upload. Rotated by size and capped (LOG_LIMITS), and never
 * personal data: callers log states, codes and counts; fields that could hold a person are
 * redacted by name regardless. Developers' chatter stays in `debug` (DEBUG=kiosk:*).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';

/** Each file up to 5 MB, five kept besides the current one: at most 30 MB of logs on the disk. */
export const LOG_LIMITS = { fileSize: '5m', keepFiles: 5 } as const;

/** Field names that may carry a person, wherever they appear in a log entry. */
export const REDACTED_FIELDS = [
  'name',
  'idNumber',
  'address',
  'phone',
  'card',
  'applicant',
  'signaturePng',
  'nameEn',
  'passNumber',
];

export const logDir = (dataDir: string) => join(dataDir, 'logs');

export async function createOperatorLog(dataDir: string, level = 'info'): Promise<Logger> {
  const dir = logDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stream = await pinoRoll({
    file: join(dir, 'kiosk'),
    extension: '.log',
    size: LOG_LIMITS.fileSize,
    limit: { count: LOG_LIMITS.keepFiles },
    mkdir: true,
    // Few lines, each worth keeping: written before the call returns, so a crash loses none.
    sync: true,
  });
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
        censor: '[redacted]',
      },
    },
    stream,
  );
}
