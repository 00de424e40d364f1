import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePki } from '../../../tests/platform-sim/pki';
import { certificateStatus } from './certificate-status';

const DAY_MS = 24 * 60 * 60 * 1000;
let dir: string;
let pem: string;
let notAfter: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cert-status-'));
  const pki = await ensurePki(dir, 'T-370100-0042');
  pem = readFileSync(pki.terminalCert, 'utf8');
  notAfter = Date.parse(new (await import('node:crypto')).X509Certificate(pem).validTo);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('certificateStatus', () => {
  it('counts whole days left and names the terminal', () => {
    const status = certificateStatus(pem, new Date(notAfter - 100.5 * DAY_MS), 30);
    expect(status).toEqual({
      state: 'valid',
      subject: 'T-370100-0042',
      notAfter: new Date(notAfter).toISOString(),
      daysLeft: 100,
    });
  });

  it('warns within the last 30 days, and says expired after', () => {
    expect(certificateStatus(pem, new Date(notAfter - 29.5 * DAY_MS), 30)).toMatchObject({
      state: 'expiring',
      daysLeft: 29,
    });
    expect(certificateStatus(pem, new Date(notAfter - 30.5 * DAY_MS), 30)).toMatchObject({
      state: 'valid',
      daysLeft: 30,
    });
    expect(certificateStatus(pem, new Date(notAfter + 1), 30)).toMatchObject({ state: 'expired' });
  });

  it('reports a PEM that is not a certificate', () => {
    expect(certificateStatus('not a certificate', new Date(), 30)).toMatchObject({
      state: 'unreadable',
    });
  });
});
