/**
 * Small files that must survive a power cut whole: the printer's paper counters, the
 * safeStorage-sealed key, the update ledger. Each write goes to a temporary file beside the
 * target, is fsync'd, renamed over the target (atomic on POSIX and NTFS), and the directory is
 * fsync'd so the rename itself is on disk. After a crash the file is the old content or the new,
 * never half of each; a leftover temporary file is stale by construction.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.name.` — with the writer's pid and `.tmp`, the temporary file a write leaves if cut off. */
const tempPrefix = (file: string) => `.${basename(file)}.`;

export function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  options: { mode?: number; dirMode?: number } = {},
): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, ...(options.dirMode ? { mode: options.dirMode } : {}) });
  const temp = join(dir, `${tempPrefix(file)}${process.pid}.tmp`);
  const fd = openSync(temp, 'w', options.mode ?? 0o640);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dir);
}

/** Removes what writes to `file` cut off by a crash left behind. */
export function removeStaleTemps(file: string): void {
  const dir = dirname(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(tempPrefix(file)) && name.endsWith('.tmp'))
      rmSync(join(dir, name), { force: true });
  }
}

/** Makes a new directory entry durable (POSIX); a no-op where directories cannot be opened. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the entry itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
