/**
 * Items a resident must take to a window, in Chromium through the browser shell: a queue ticket
 * from the platform (取号), printed and shown on screen, and the printed one-time notice (打印指南);
 * with the simulated platform down (dev panel), the screen says so instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';

let kiosk: E2eKiosk;
let windowItem: { code: string; name: string };

beforeAll(async () => {
  kiosk = await startE2eKiosk();
  const items = await kiosk.shell.host.api.listItems({});
  if (!items.ok) throw new Error('catalog unavailable');
  const item = items.value.find(
    (i) =>
      !i.availability.available && i.availability.reason === 'not-self-service' && i.windowArea,
  );
  if (!item) throw new Error('the catalog has no window-only item');
  windowItem = item;
  await kiosk.page.goto(kiosk.shell.url);
  await kiosk.page.getByTestId('attract-start').click();
  await kiosk.page.getByTestId(`item-${windowItem.code}`).waitFor();
});

afterAll(async () => {
  await kiosk?.close();
});

const printedText = () =>
  kiosk.shell.host.devices.simulators?.printer
    .lastReceipt()
    ?.lines.map((l) => l.text)
    .join('\n') ?? '';

describe('an item done at a window (browser shell, Chromium)', () => {
  it('takes a queue ticket, shows its number and prints it', async () => {
    const { page } = kiosk;
    await page.getByTestId(`ticket-${windowItem.code}`).click();
    const ticketNo = (await page.getByTestId('ticket-no').textContent())?.trim() ?? '';
    expect(ticketNo).toMatch(/^[A-Z0-9]+$/);
    await expect.poll(printedText).toContain(ticketNo);
    await kiosk.screenshot('window-01-ticket');
    await page.getByTestId('window-result-close').click();
  });

  it('prints the one-time notice for the item', async () => {
    const { page } = kiosk;
    await page.getByTestId(`guide-${windowItem.code}`).click();
    await expect
      .poll(() => page.getByTestId('window-result').textContent())
      .toContain('办事指南已打印');
    await expect.poll(printedText).toContain(windowItem.name);
    await page.getByTestId('window-result-close').click();
  });

  it('says plainly when the platform cannot give a ticket', async () => {
    const { page } = kiosk;
    await page.getByTestId('dev-dock-toggle').click();
    await page.getByTestId('dev-platform-down').click();
    await page.getByTestId('dev-dock-toggle').click();
    await page.getByTestId(`ticket-${windowItem.code}`).click();
    await expect
      .poll(() => page.getByTestId('window-result').textContent(), { timeout: 20_000 })
      .toContain('暂时无法取号');
    await page.getByTestId('window-result-close').click();
    await page.getByTestId('dev-dock-toggle').click();
    await page.getByTestId('dev-platform-normal').click();
  });
});
