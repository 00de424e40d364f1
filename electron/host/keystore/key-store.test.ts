import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyStore } from './file-key-store';
import { chooseKeyStore, createSafeStorageKeyStore } from './safe-storage-key-store';
import type { SafeStorageLike } from './safe-storage-key-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'keystore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(process.platform === 'win32')('file key store', () => {
  it('creates a 32-byte key in a 0600 file inside a 0700 directory, and reads the same key back', async () => {
    const path = join(dir, 'keys', 'outbox.key');
    const store = createFileKeyStore(path);
    const first = await store.loadKek();
    expect(first.ok && first.value.byteLength).toBe(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(await createFileKeyStore(path).loadKek()).toEqual(first);
    expect(store.describe()).toBe(`file:${path}`);
  });

  it('refuses a key file others can read, and one that is not a key', async () => {
    const path = join(dir, 'outbox.key');
    await createFileKeyStore(path).loadKek();
    chmodSync(path, 0o644);
    expect(await createFileKeyStore(path).loadKek()).toEqual({
      ok: false,
      error: { code: 'insecure-permissions', path, mode: '644' },
    });
    writeFileSync(path, 'not a key\n', { mode: 0o600 });
    chmodSync(path, 0o600);
    expect(await createFileKeyStore(path).loadKek()).toMatchObject({
      ok: false,
      error: { code: 'corrupt' },
    });
  });
});

/** A stand-in for Electron's safeStorage: "encrypts" by XOR with a keyring secret. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike & { secret: number } {
  const secret = 0x5a;
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ secret));
  return {
    secret,
    isEncryptionAvailable: () => available,
    encryptString: (s) => flip(Buffer.from(s, 'utf8')),
    decryptString: (b) => flip(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage key store (with a stand-in; real Electron is not exercised here)', () => {
  it('keeps the KEK only encrypted by the keyring', async () => {
    const path = join(dir, 'outbox.kek');
    const store = createSafeStorageKeyStore(fakeSafeStorage('gnome_libsecret'), path);
    const kek = await store.loadKek();
    if (!kek.ok) throw new Error('no key');
    expect(readFileSync(path).includes(Buffer.from(Buffer.from(kek.value).toString('hex')))).toBe(
      false,
    );
    expect(
      await createSafeStorageKeyStore(fakeSafeStorage('gnome_libsecret'), path).loadKek(),
    ).toEqual(kek);
  });

  it('refuses the basic_text backend and an unavailable keyring; the chooser falls back to the file', async () => {
    const path = join(dir, 'outbox.kek');
    expect(
      await createSafeStorageKeyStore(fakeSafeStorage('basic_text'), path).loadKek(),
    ).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    expect(
      await createSafeStorageKeyStore(fakeSafeStorage('kwallet5', false), path).loadKek(),
    ).toMatchObject({
      ok: false,
    });
    const chosen = await chooseKeyStore({
      safeStorage: fakeSafeStorage('basic_text'),
      safeStoragePath: path,
      filePath: join(dir, 'outbox.key'),
      fileStore: createFileKeyStore,
    });
    expect(chosen.describe()).toBe(`file:${join(dir, 'outbox.key')}`);
    const keyring = await chooseKeyStore({
      safeStorage: fakeSafeStorage('gnome_libsecret'),
      safeStoragePath: path,
      filePath: join(dir, 'outbox.key'),
      fileStore: createFileKeyStore,
    });
    expect(keyring.describe()).toContain('safeStorage:gnome_libsecret');
  });

  it('reports a blob the keyring cannot decrypt as corrupt', async () => {
    const path = join(dir, 'outbox.kek');
    writeFileSync(path, Buffer.from('garbage'));
    const result = await createSafeStorageKeyStore(
      fakeSafeStorage('gnome_libsecret'),
      path,
    ).loadKek();
    expect(result).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });
});
