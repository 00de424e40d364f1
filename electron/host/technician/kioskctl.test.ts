import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './config-command';
import { createKioskctl } from './kioskctl';

function run(args: string[], stdin = '') {
  const out: string[] = [];
  const errors: string[] = [];
  let code = 0;
  const io: CliIo = {
    out: (t) => out.push(t),
    error: (t) => errors.push(t),
    exit: (c) => (code = c),
  };
  return createKioskctl(io, async () => stdin)
    .parseAsync(['node', 'kioskctl', ...args])
    .catch((e: { exitCode?: number }) => {
      code = e.exitCode ?? 1;
    })
    .then(() => ({ out: out.join('\n'), errors: errors.join('\n'), code }));
}

afterEach(() => vi.unstubAllEnvs());

describe('kioskctl', () => {
  it('lists its commands with --help', async () => {
    const result = await run(['--help']);
    expect(result.out).toContain('config');
    expect(result.code).toBe(0);
  });

  it('shows the effective configuration with the key passphrase masked', async () => {
    vi.stubEnv('KIOSK_PLATFORM_MODE', 'real');
    vi.stubEnv('KIOSK_PLATFORM_URL', 'https://platform.example.gov.cn/api');
    vi.stubEnv('KIOSK_PLATFORM_CA', '/etc/kiosk/ca.pem');
    vi.stubEnv('KIOSK_PLATFORM_CERT', '/etc/kiosk/terminal.pem');
    vi.stubEnv('KIOSK_PLATFORM_KEY', '/etc/kiosk/terminal.key');
    vi.stubEnv('KIOSK_PLATFORM_KEY_PASSPHRASE', 'correct horse');
    const result = await run(['config', 'show']);
    expect(result.code).toBe(0);
    const shown = JSON.parse(result.out) as { platform: Record<string, unknown> };
    expect(shown.platform).toMatchObject({
      mode: 'real',
      keyFile: '/etc/kiosk/terminal.key',
      keyPassphrase: '********',
    });
    expect(result.out).not.toContain('correct horse');
  });

  it('exits 2 with the reason when the configuration is invalid', async () => {
    vi.stubEnv('KIOSK_TERMINAL_ID', 'kiosk-7');
    const result = await run(['config', 'show']);
    expect(result.code).toBe(2);
    expect(result.errors).toContain('terminalId (from KIOSK_TERMINAL_ID)');
  });

  it('hashes a PIN read from standard input, and the configuration accepts the hash', async () => {
    const result = await run(['technician', 'hash-pin'], '20261121\n');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^scrypt\$/);
    expect(result.out).not.toContain('20261121');
    vi.stubEnv('KIOSK_TECHNICIAN_PIN_HASH', result.out);
    const shown = await run(['config', 'show']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.out).technician.pinHash).toBe('********');
    expect(await run(['technician', 'hash-pin'], '12')).toMatchObject({ code: 2 });
  });

  it('exits non-zero on an unknown command', async () => {
    const result = await run(['frobnicate']);
    expect(result.code).not.toBe(0);
  });
});
