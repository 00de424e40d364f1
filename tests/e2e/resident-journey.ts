/**
 * A resident's application through the touch UI, step by step as they would tap it: attract →
 * item → consent → card (placed from the dev panel) → 读取成功 → signature → 确认提交. Stops when
 * the submission is on its way; callers check what follows.
 */
import { expect } from 'vitest';
import type { SampleCard } from '../../drivers/idcard/src/simulator/sample-cards';
import type { E2eKiosk } from './browser-kiosk';

export async function applyAsResident(
  kiosk: E2eKiosk,
  options: {
    screenshots?: boolean;
    /** Called on each screen once it is up (accessibility audits). */
    atEachScreen?: (name: string) => Promise<void>;
  } = {},
): Promise<{ resident: SampleCard; itemCode: string }> {
  const { page, shell } = kiosk;
  const shot = async (name: string) => {
    if (options.screenshots) await kiosk.screenshot(name);
    await options.atEachScreen?.(name);
  };
  const sims = shell.host.devices.simulators;
  if (!sims) throw new Error('the browser shell runs on simulators by default');
  const resident =
    sims.idcard.sampleCards.find(
      (c) => c.card.validTo === 'long-term' || c.card.validTo > '2027',
    ) ?? sims.idcard.sampleCards[0];
  if (!resident) throw new Error('no sample card');

  await page.goto(shell.url);
  await page.getByTestId('attract-start').waitFor();
  await shot('01-attract');
  await page.getByTestId('attract-start').click();

  // Residents look first: the list comes before any card is read.
  const items = await shell.host.api.listItems({});
  if (!items.ok) throw new Error('catalog unavailable');
  const item = items.value.find((i) => i.availability.available);
  if (!item) throw new Error('no item the terminal can complete');
  await page.getByTestId(`item-${item.code}`).waitFor();
  await shot('02-choose-item');
  await page.getByTestId(`item-${item.code}`).click();

  // The notice comes before the card: what is read, why, how long it is kept.
  await page.getByTestId('screen-consent').waitFor();
  await shot('03-consent');
  await page.getByTestId('consent-agree').click();
  await page.getByTestId('screen-identify').waitFor();
  await shot('04-identify');

  // The dev panel places the sample card on the simulated reader, as a developer would.
  await page.getByTestId('dev-dock-toggle').click();
  await page.getByTestId(`dev-card-${resident.id}`).click();
  await page.getByTestId('dev-dock-toggle').click();
  await page.getByTestId('screen-identified').waitFor();
  expect(await page.getByTestId('identified-name').textContent()).not.toContain(resident.card.name);
  await shot('05-identified');
  await page.getByTestId('identified-next').click();

  // Sign with a finger: a few strokes across the pad.
  const pad = page.getByTestId('signature-pad');
  await pad.waitFor();
  const box = await pad.boundingBox();
  if (!box) throw new Error('signature pad not laid out');
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i += 1) {
    await page.mouse.move(
      box.x + box.width * (0.2 + i * 0.05),
      box.y + box.height * (0.6 - Math.sin(i) * 0.25),
      { steps: 3 },
    );
  }
  await page.mouse.up();
  await shot('06-confirm-signed');
  await page.getByTestId('confirm-submit').click();

  return { resident, itemCode: item.code };
}
