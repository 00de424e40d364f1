import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePki } from './pki';
import type { PkiPaths } from './pki';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pki-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cert = async (path: string) => new X509Certificate(await readFile(path, 'utf8'));
const snapshot = async (paths: PkiPaths) =>
  Promise.all(
    [paths.caCert, paths.serverCert, paths.serverKey, paths.terminalCert, paths.terminalKey].map(
      (p) => readFile(p, 'utf8'),
    ),
  );

describe('ensurePki', () => {
  it('creates a CA, a server certificate for 127.0.0.1 and a terminal certificate', async () => {
    const paths = await ensurePki(dir, 'T-370100-0042');
    expect(paths).toMatchObject({
      caCert: join(dir, 'platform-ca.pem'),
      serverCert: join(dir, 'platform-server.pem'),
      serverKey: join(dir, 'platform-server.key'),
      terminalCert: join(dir, 'terminal.pem'),
      terminalKey: join(dir, 'terminal.key'),
    });
    const ca = await cert(paths.caCert);
    const server = await cert(paths.serverCert);
    const terminal = await cert(paths.terminalCert);

    expect(ca.ca).toBe(true);
    expect(server.checkIssued(ca) && server.verify(ca.publicKey)).toBe(true);
    expect(terminal.checkIssued(ca) && terminal.verify(ca.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(terminal.subject).toMatch(/^CN=T-370100-0042$/m);
    expect(terminal.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');

    const years = (c: X509Certificate) =>
      (Date.parse(c.validTo) - Date.parse(c.validFrom)) / (365.25 * 24 * 3600 * 1000);
    expect(years(ca)).toBeCloseTo(10, 1);
    expect(years(terminal)).toBeCloseTo(1, 1);
  });

  it('writes private keys readable by the owner only', async () => {
    const paths = await ensurePki(dir, 'T-370100-0042');
    for (const key of [paths.caKey, paths.serverKey, paths.terminalKey]) {
      expect((await stat(key)).mode & 0o777).toBe(0o600);
    }
  });

  it('reuses what it made before', async () => {
    const first = await snapshot(await ensurePki(dir, 'T-370100-0042'));
    const second = await snapshot(await ensurePki(dir, 'T-370100-0042'));
    expect(second).toEqual(first);
  });

  it('re-issues only the terminal certificate for another terminal id', async () => {
    const paths = await ensurePki(dir, 'T-370100-0042');
    const [ca, server] = await snapshot(paths);
    await ensurePki(dir, 'T-370100-0043');
    const [ca2, server2] = await snapshot(paths);
    expect([ca2, server2]).toEqual([ca, server]);
    expect((await cert(paths.terminalCert)).subject).toMatch(/^CN=T-370100-0043$/m);
  });

  it('starts over when the CA is missing', async () => {
    const paths = await ensurePki(dir, 'T-370100-0042');
    await rm(paths.caKey);
    await ensurePki(dir, 'T-370100-0042');
    const ca = await cert(paths.caCert);
    expect((await cert(paths.terminalCert)).checkIssued(ca)).toBe(true);
    expect((await cert(paths.serverCert)).checkIssued(ca)).toBe(true);
  });

  it('refuses something that is not a terminal id', async () => {
    await expect(ensurePki(dir, 'T-1, O=Evil')).rejects.toThrow(/terminal id/);
  });
});
