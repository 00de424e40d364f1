/**
 * The KEK in a file of its own, readable by the kiosk user only (mode 0600, in a 0700 directory):
 * 32 random bytes, hex. Created atomically (exclusive create, fsync of file and directory) so a
 * power cut never leaves a half-written key that would make every queued case unreadable.
 *
 * On POSIX a file that group or others can read is refused (someone loosened it, or copied it
 * from elsewhere). Windows has no POSIX modes: there the file's protection is its ACL, which the
 * installer sets; the mode check is skipped.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { syncDirectory } from '../durable-file';
import { err, ok } from '../../shared/result';
import type { Result } from '../../shared/result';
import { KEK_BYTES } from './key-store';
import type { KeyStore, KeyStoreError } from './key-store';

const HEX_KEY = new RegExp(`^[0-9a-f]{${KEK_BYTES * 2}}\\n?$`);

export function createFileKeyStore(path: string, platform = process.platform): KeyStore {
  function read(): Result<Uint8Array, KeyStoreError> | undefined {
    let mode: number;
    try {
      mode = statSync(path).mode;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return err({ code: 'unavailable', message: (error as Error).message });
    }
    if (platform !== 'win32' && (mode & 0o077) !== 0) {
      return err({ code: 'insecure-permissions', path, mode: (mode & 0o777).toString(8) });
    }
    const text = readFileSync(path, 'utf8');
    if (!HEX_KEY.test(text))
      return err({ code: 'corrupt', message: `${path} is not a ${KEK_BYTES}-byte hex key` });
    return ok(Uint8Array.from(Buffer.from(text.trim(), 'hex')));
  }

  function create(): Result<Uint8Array, KeyStoreError> {
    const key = new Uint8Array(randomBytes(KEK_BYTES));
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      // 'wx': fail if another process created it first; then read theirs.
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, `${Buffer.from(key).toString('hex')}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      syncDirectory(dirname(path));
      return ok(key);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read() ?? create();
      return err({ code: 'unavailable', message: (error as Error).message });
    }
  }

  return {
    describe: () => `file:${path}`,
    async loadKek() {
      return read() ?? create();
    },
  };
}
