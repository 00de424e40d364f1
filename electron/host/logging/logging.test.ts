import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../technician/config-command';
import { createKioskctl } from '../technician/kioskctl';
import { createOperatorLog, logDir } from './operator-log';
import { maskPersonalText } from './redact';

afterEach(() => vi.unstubAllEnvs());

const flush = (log: Awaited<ReturnType<typeof createOperatorLog>>) =>
  new Promise<void>((resolve) => log.flush(() => resolve()));

describe('the operators’ log', () => {
  it('writes JSON lines and redacts fields that could hold a person', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    const log = await createOperatorLog(dataDir);
    log.info(
      { event: 'session', state: 'done', card: { name: '王秀英', idNumber: '37010219580312124X' } },
      'session changed',
    );
    log.info({ event: 'device', device: 'printer', state: 'paper-out' });
    await flush(log);
    const text = readdirSync(logDir(dataDir))
      .map((name) => readFileSync(join(logDir(dataDir), name), 'utf8'))
      .join('');
    expect(text).not.toContain('王秀英');
    expect(text).not.toContain('37010219580312124X');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ event: 'session', state: 'done', card: '[redacted]' });
    expect(lines[1]).toMatchObject({ device: 'printer', state: 'paper-out' });
  });

  it('masks identity and mobile numbers in exported text, and leaves other numbers alone', () => {
    expect(
      maskPersonalText('card 37010219580312124X, phone 13800138000, case SD3701002026112100001'),
    ).toBe('card 3701**********124X, phone 138****8000, case SD3701002026112100001');
  });

  it('exports the logs, masked, with the audit trail, through kioskctl', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-log-'));
    vi.stubEnv('KIOSK_DATA_DIR', dataDir);
    const log = await createOperatorLog(dataDir);
    // A mistake a developer might make: a number in the message text. The export masks it.
    log.warn('refused card 37010219580312124X');
    await flush(log);
    const usb = mkdtempSync(join(tmpdir(), 'kiosk-usb-'));
    const out: string[] = [];
    let code = 0;
    const io: CliIo = {
      out: (t) => out.push(t),
      error: (t) => out.push(t),
      exit: (c) => (code = c),
    };
    await createKioskctl(io, async () => '').parseAsync([
      'node',
      'kioskctl',
      'logs',
      'export',
      '--to',
      usb,
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('')) as { exportedTo: string; files: string[] };
    const exported = result.files
      .map((f) => readFileSync(join(result.exportedTo, f), 'utf8'))
      .join('');
    expect(exported).toContain('3701**********124X');
    expect(exported).not.toContain('37010219580312124X');
  });
});
