/**
 * The technician's visit, in Chromium through the browser shell: the hidden gesture, the PIN,
 * the maintenance screen, taking the terminal out of service and back, and a wrong-PIN lockout —
 * each step in the hash-chained audit trail.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../electron/host/audit/audit-log';
import { hashPin } from '../../electron/host/technician/access/pin-hash';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';

const PIN = '20261121';
let kiosk: E2eKiosk;

beforeAll(async () => {
  kiosk = await startE2eKiosk({ env: { KIOSK_TECHNICIAN_PIN_HASH: hashPin(PIN) } });
  await kiosk.page.goto(kiosk.shell.url);
  await kiosk.page.getByTestId('attract-start').waitFor();
});

afterAll(async () => {
  await kiosk?.close();
});

async function openPinPad(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await kiosk.page.mouse.click(30, 60);
  await kiosk.page.getByTestId('technician-pin-pad').waitFor();
}

async function enterPin(pin: string): Promise<void> {
  for (const digit of pin) await kiosk.page.getByTestId(`pin-key-${digit}`).click();
  await kiosk.page.getByTestId('pin-submit').click();
}

describe('a technician at the terminal (browser shell, Chromium)', () => {
  it('logs in, takes the terminal out of service and back, and everything is audited', async () => {
    const { page } = kiosk;
    await openPinPad();
    await enterPin(PIN);
    await page.getByTestId('screen-maintenance').waitFor();
    await expect
      .poll(() => page.getByTestId('maintenance-device-printer').textContent())
      .toContain('回执打印机');
    await kiosk.screenshot('technician-01-maintenance');

    // The card test reads whatever card is on the reader and shows it masked.
    const sample = kiosk.shell.host.devices.simulators?.idcard.sampleCards[0];
    if (!sample) throw new Error('no sample card');
    kiosk.shell.host.devices.simulators?.idcard.placeCard(sample.card);
    await page.getByTestId('maintenance-test-card').click();
    await expect
      .poll(() => page.getByTestId('maintenance-notice').textContent())
      .toContain('读卡正常');
    expect(await page.getByTestId('maintenance-notice').textContent()).not.toContain(
      sample.card.name,
    );
    kiosk.shell.host.devices.simulators?.idcard.removeCard();
    // Leaving to the desktop takes a second tap; the browser shell says it cannot.
    await page.getByTestId('maintenance-exit-desktop').click();
    await page.getByTestId('maintenance-exit-desktop-confirm').click();
    await expect
      .poll(() => page.getByTestId('maintenance-notice').textContent())
      .toContain('不支持');

    await page.getByTestId('maintenance-toggle-service').click();
    await expect
      .poll(() => page.getByTestId('maintenance-service').textContent())
      .toContain('已暂停服务');
    await page.getByTestId('maintenance-exit').click();
    await page.getByTestId('screen-out-of-service').waitFor();
    expect(await page.getByTestId('out-of-service-help').textContent()).toContain('12345');
    await kiosk.screenshot('technician-02-out-of-service');

    await openPinPad();
    await enterPin(PIN);
    await page.getByTestId('screen-maintenance').waitFor();
    await page.getByTestId('maintenance-toggle-service').click();
    await expect
      .poll(() => page.getByTestId('maintenance-service').textContent())
      .toContain('正在提供服务');
    await page.getByTestId('maintenance-exit').click();
    await page.getByTestId('attract-start').waitFor();

    const audit = openAuditLog(join(kiosk.dataDir, 'audit.db'));
    expect(audit.list().map((e) => `${e.event}:${e.outcome}`)).toEqual([
      'technician.login:ok',
      'device.test:ok',
      'app.exit-to-desktop:failed',
      'service.out-of-service:ok',
      'technician.logout:ok',
      'technician.login:ok',
      'service.in-service:ok',
      'technician.logout:ok',
    ]);
    expect(audit.verify().ok).toBe(true);
    audit.close();
  });

  it('locks the PIN pad after repeated wrong PINs, and the right PIN must wait', async () => {
    const { page } = kiosk;
    await openPinPad();
    for (const wrong of ['11111111', '22222222', '33333333']) {
      await enterPin(wrong);
      await expect
        .poll(() => page.getByTestId('pin-message').textContent())
        .toContain('密码不正确');
    }
    await enterPin('44444444');
    await expect
      .poll(() => page.getByTestId('pin-message').textContent())
      .toMatch(/尝试次数过多，请 \d+ 秒后再试/);
    await enterPin(PIN);
    await expect.poll(() => page.getByTestId('pin-message').textContent()).toMatch(/秒后再试/);
    expect(await page.getByTestId('screen-maintenance').count()).toBe(0);
    await kiosk.screenshot('technician-03-locked');
    await page.getByTestId('pin-cancel').click();
    await page.getByTestId('attract-start').waitFor();

    const audit = openAuditLog(join(kiosk.dataDir, 'audit.db'));
    const events = audit.list().map((e) => e.event);
    expect(events.filter((e) => e === 'technician.locked-out').length).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)).toBe('technician.login-failed');
    audit.close();
  });
});
