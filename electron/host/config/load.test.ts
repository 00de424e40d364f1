import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfigError, loadConfig } from './load';
import { showConfig } from './show';

const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('loadConfig', () => {
  it('runs the simulated world with no file and no environment', () => {
    const result = loadConfig({ env: {}, cwd: dir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.terminalId).toBe('T-370100-0042');
    expect(result.value.platform.mode).toBe('simulated');
    expect(result.value.devices.idcard).toEqual({ kind: 'simulated' });
    expect(result.value.dataDir).toBe(join(dir, '.kiosk-data'));
    expect(result.value.session.idleWarningMs).toBe(60_000);
  });

  it('lets the environment override the file', () => {
    const path = file(
      'a.json',
      JSON.stringify({ terminalId: 'T-110100-0001', ui: { port: 8080 } }),
    );
    const result = loadConfig({
      file: path,
      cwd: dir,
      env: { KIOSK_TERMINAL_ID: 'T-370100-0099', KIOSK_PRINTER: 'serial:/dev/ttyS1@9600' },
    });
    expect(result.ok && result.value.terminalId).toBe('T-370100-0099');
    expect(result.ok && result.value.ui.port).toBe(8080);
    expect(result.ok && result.value.devices.printer).toEqual({
      kind: 'serial',
      path: '/dev/ttyS1',
      baudRate: 9600,
      paperWidth: 80,
      font: 'gb18030',
      rollLengthM: 80,
      confirmCompletion: true,
    });
  });

  it('reads USB printer-class and network printers', () => {
    const usb = loadConfig({ env: { KIOSK_PRINTER: 'usblp:/dev/usb/lp0' }, cwd: dir });
    expect(usb.ok && usb.value.devices.printer).toMatchObject({
      kind: 'usblp',
      path: '/dev/usb/lp0',
    });
    const tcp = loadConfig({ env: { KIOSK_PRINTER: 'tcp:printer.hall.local' }, cwd: dir });
    expect(tcp.ok && tcp.value.devices.printer).toMatchObject({
      kind: 'tcp',
      host: 'printer.hall.local',
      port: 9100,
    });
  });

  it('reads a HID reader by vendor and product id', () => {
    const result = loadConfig({ env: { KIOSK_IDCARD: 'hid:0400:c35a' }, cwd: dir });
    expect(result.ok && result.value.devices.idcard).toEqual({
      kind: 'hid',
      vendorId: 0x0400,
      productId: 0xc35a,
    });
  });

  it('names the field and the variable that are wrong', () => {
    const result = loadConfig({
      env: { KIOSK_TERMINAL_ID: 'kiosk-7', KIOSK_UI_PORT: 'eighty' },
      cwd: dir,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = describeConfigError(result.error);
    expect(text).toContain('terminalId (from KIOSK_TERMINAL_ID)');
    expect(text).toContain('ui.port (from KIOSK_UI_PORT)');
  });

  it('rejects unknown fields, so a typo is not silently ignored', () => {
    const path = file('typo.json', JSON.stringify({ terminalID: 'T-370100-0042' }));
    const result = loadConfig({ file: path, env: {}, cwd: dir });
    expect(result.ok).toBe(false);
    expect(!result.ok && describeConfigError(result.error)).toContain('terminalID');
  });

  it('says clearly when the file is not JSON or missing', () => {
    const broken = loadConfig({ file: file('bad.json', '{ nope'), env: {}, cwd: dir });
    expect(!broken.ok && broken.error.code).toBe('file-not-json');
    const missing = loadConfig({ file: join(dir, 'absent.json'), env: {}, cwd: dir });
    expect(!missing.ok && missing.error.code).toBe('file-unreadable');
  });

  it('requires https and resolves certificate paths for the real platform', () => {
    const insecure = loadConfig({
      env: {
        KIOSK_PLATFORM_MODE: 'real',
        KIOSK_PLATFORM_URL: 'http://x',
        KIOSK_PLATFORM_CA: 'ca.pem',
        KIOSK_PLATFORM_CERT: 'c.pem',
        KIOSK_PLATFORM_KEY: 'k.pem',
      },
      cwd: dir,
    });
    expect(insecure.ok).toBe(false);
    const real = loadConfig({
      env: {
        KIOSK_PLATFORM_MODE: 'real',
        KIOSK_PLATFORM_URL: 'https://platform.example.gov.cn/api',
        KIOSK_PLATFORM_CA: 'ca.pem',
        KIOSK_PLATFORM_CERT: 'c.pem',
        KIOSK_PLATFORM_KEY: 'k.pem',
        KIOSK_PLATFORM_KEY_PASSPHRASE: 'hunter2',
      },
      cwd: dir,
    });
    expect(real.ok).toBe(true);
    if (!real.ok || real.value.platform.mode !== 'real') return;
    expect(real.value.platform.caFile).toBe(join(dir, 'ca.pem'));
    expect(JSON.stringify(showConfig(real.value))).not.toContain('hunter2');
  });
});
