/**
 * The KEK protected by Electron's safeStorage: the key file holds the KEK encrypted by the OS
 * keyring (DPAPI on Windows, the Secret Service/kwallet on Linux), so a copy of the disk alone
 * does not yield it. The Electron shell passes `safeStorage` in (the host never imports electron);
 * this file only needs its shape.
 *
 * On Linux without a keyring, safeStorage falls back to a hard-coded password (backend
 * `basic_text`), which protects nothing; that backend, and an unknown one, is refused here so the
 * caller falls back to the plain 0600 key file and says so, rather than pretend.
 *
 * NOT exercised with a real Electron here: the tests drive it with a stand-in of the same shape.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileDurably } from '../durable-file';
import { err, ok } from '../../shared/result';
import { KEK_BYTES } from './key-store';
import type { KeyStore } from './key-store';

/** The part of Electron's `safeStorage` used (Electron ≥ 15; the backend query is Linux-only). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/** Backends that protect nothing beyond the file's own permissions. */
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

export function createSafeStorageKeyStore(safeStorage: SafeStorageLike, path: string): KeyStore {
  const backend = safeStorage.getSelectedStorageBackend?.() ?? process.platform;
  return {
    describe: () => `safeStorage:${backend}:${path}`,
    async loadKek() {
      if (!safeStorage.isEncryptionAvailable()) {
        return err({ code: 'unavailable', message: 'safeStorage encryption is not available' });
      }
      if (WEAK_BACKENDS.has(backend)) {
        return err({
          code: 'unavailable',
          message: `safeStorage backend ${backend} is not a keyring`,
        });
      }
      let blob: Buffer | undefined;
      try {
        blob = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          return err({ code: 'unavailable', message: (error as Error).message });
        }
      }
      if (blob) {
        let hex: string;
        try {
          hex = safeStorage.decryptString(blob);
        } catch (error) {
          return err({
            code: 'corrupt',
            message: `keyring cannot decrypt ${path}: ${(error as Error).message}`,
          });
        }
        if (!/^[0-9a-f]{64}$/.test(hex))
          return err({ code: 'corrupt', message: `${path} holds no key` });
        return ok(Uint8Array.from(Buffer.from(hex, 'hex')));
      }
      const key = randomBytes(KEK_BYTES);
      const sealed = safeStorage.encryptString(key.toString('hex'));
      try {
        // The key file is either absent or whole.
        writeFileDurably(path, sealed, { mode: 0o600, dirMode: 0o700 });
      } catch (error) {
        return err({ code: 'unavailable', message: (error as Error).message });
      }
      return ok(new Uint8Array(key));
    },
  };
}

/**
 * The store to use: safeStorage when it is there and backed by a real keyring, else the 0600 file.
 * Returns which one, so start-up can log it for technicians.
 */
export async function chooseKeyStore(options: {
  safeStorage?: SafeStorageLike;
  safeStoragePath: string;
  filePath: string;
  fileStore: (path: string) => KeyStore;
}): Promise<KeyStore> {
  if (options.safeStorage) {
    const store = createSafeStorageKeyStore(options.safeStorage, options.safeStoragePath);
    const probe = await store.loadKek();
    if (probe.ok) return store;
  }
  return options.fileStore(options.filePath);
}
