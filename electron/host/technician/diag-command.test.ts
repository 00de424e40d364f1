import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './config-command';
import { createKioskctl } from './kioskctl';

async function diag() {
  const out: string[] = [];
  let code = 0;
  const io: CliIo = { out: (t) => out.push(t), error: (t) => out.push(t), exit: (c) => (code = c) };
  await createKioskctl(io, async () => '').parseAsync(['node', 'kioskctl', 'diag', '--json']);
  return { report: JSON.parse(out.join('\n')) as Record<string, unknown>, code };
}

afterEach(() => vi.unstubAllEnvs());

describe('kioskctl diag', () => {
  it('reports a simulated terminal ready, with the platform reached over mTLS', async () => {
    vi.stubEnv('KIOSK_DATA_DIR', mkdtempSync(join(tmpdir(), 'kiosk-diag-')));
    const { report, code } = await diag();
    expect(code).toBe(0);
    expect(report).toMatchObject({
      ready: true,
      devices: { idcard: 'simulated', printer: 'simulated' },
      platform: { reachable: true },
    });
    expect(report.diskFreeBytes).toBeGreaterThan(0);
  }, 30_000);

  it('is not ready, and says why, when the printer is not there', async () => {
    vi.stubEnv('KIOSK_DATA_DIR', mkdtempSync(join(tmpdir(), 'kiosk-diag-')));
    vi.stubEnv('KIOSK_PRINTER', 'serial:/dev/ttyKIOSK-absent');
    const { report, code } = await diag();
    expect(code).toBe(2);
    expect(report).toMatchObject({ ready: false, devices: { printer: 'absent' } });
    expect((report.problems as string[]).join('\n')).toContain('回执打印机');
  }, 30_000);
});
