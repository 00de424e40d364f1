/**
 * Where the outbox's key-encryption key (KEK) comes from: a port with one question, "the KEK,
 * please" (made on first use). Implementations: a 0600 key file (file-key-store.ts), and
 * Electron's safeStorage where its backend is a real keyring (safe-storage-key-store.ts; the
 * Electron shell hands it in, the host never imports electron). What each protects against is in
 * the README's threat model.
 */
import type { Result } from '../../shared/result';

/** The KEK is 32 random bytes (a record cipher key). */
export const KEK_BYTES = 32;

export type KeyStoreError =
  /** The store cannot be used here (no keyring, no permission to create the file…). */
  | { code: 'unavailable'; message: string }
  /** The key file is readable by others than this user: refuse rather than use a leaked key. */
  | { code: 'insecure-permissions'; path: string; mode: string }
  /** A stored key exists but is not a key (truncated, edited, or encrypted for another user). */
  | { code: 'corrupt'; message: string };

export interface KeyStore {
  /** Names the mechanism for technicians (`file:/var/lib/…`, `safeStorage:gnome_libsecret`). */
  describe(): string;
  /** The KEK, created and stored on first use. */
  loadKek(): Promise<Result<Uint8Array, KeyStoreError>>;
}

export function describeKeyStoreError(error: KeyStoreError): string {
  switch (error.code) {
    case 'unavailable':
      return `key store unavailable: ${error.message}`;
    case 'insecure-permissions':
      return `key file ${error.path} has mode ${error.mode}; it must be readable by its owner only (chmod 600)`;
    case 'corrupt':
      return `stored key is unusable: ${error.message}`;
  }
}
