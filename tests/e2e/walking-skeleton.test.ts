/**
 * The walking skeleton as a resident lives it, in Chromium through the browser shell: attract →
 * item → consent → identity card (placed from the dev panel) → 读取成功 → signature → submitted
 * over mTLS → receipt printed → finished and wiped. Screenshots land in tests/artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';

let kiosk: E2eKiosk;

beforeAll(async () => {
  kiosk = await startE2eKiosk();
});

afterAll(async () => {
  await kiosk?.close();
});

describe('a resident applies on the terminal (browser shell, Chromium)', () => {
  it('gets the case number the platform issued, on screen and on the receipt, and leaves nothing behind', async () => {
    const { page, shell } = kiosk;
    const sims = shell.host.devices.simulators;
    if (!sims) throw new Error('the browser shell runs on simulators by default');
    const resident =
      sims.idcard.sampleCards.find(
        (c) => c.card.validTo === 'long-term' || c.card.validTo > '2027',
      ) ?? sims.idcard.sampleCards[0];
    if (!resident) throw new Error('no sample card');

    await page.goto(shell.url);
    await page.getByTestId('attract-start').waitFor();
    await kiosk.screenshot('01-attract');
    await page.getByTestId('attract-start').click();

    // Residents look first: the list comes before any card is read.
    const items = await shell.host.api.listItems({});
    if (!items.ok) throw new Error('catalog unavailable');
    const item = items.value.find((i) => i.availability.available);
    if (!item) throw new Error('no item the terminal can complete');
    await page.getByTestId(`item-${item.code}`).waitFor();
    await kiosk.screenshot('02-choose-item');
    await page.getByTestId(`item-${item.code}`).click();

    // The notice comes before the card: what is read, why, how long it is kept.
    await page.getByTestId('screen-consent').waitFor();
    await kiosk.screenshot('03-consent');
    await page.getByTestId('consent-agree').click();
    await page.getByTestId('screen-identify').waitFor();
    await kiosk.screenshot('04-identify');

    // The dev panel places the sample card on the simulated reader, as a developer would.
    await page.getByTestId('dev-dock-toggle').click();
    await page.getByTestId(`dev-card-${resident.id}`).click();
    await page.getByTestId('dev-dock-toggle').click();
    await page.getByTestId('screen-identified').waitFor();
    expect(await page.getByTestId('identified-name').textContent()).not.toContain(
      resident.card.name,
    );
    await kiosk.screenshot('05-identified');
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
    await kiosk.screenshot('06-confirm-signed');
    await page.getByTestId('confirm-submit').click();

    const caseNoOnScreen = (await page.getByTestId('case-no').textContent())?.trim();
    await page.getByTestId('print-status').getByText('请取走回执').waitFor();
    await kiosk.screenshot('07-done-printed');

    // What the resident reads is what the platform simulator issued over mTLS.
    const issued = shell.platform.simulator?.receivedCases() ?? [];
    expect(issued).toHaveLength(1);
    expect(caseNoOnScreen).toBe(issued[0]?.caseNo);
    expect((await page.getByTestId('query-code').textContent())?.trim()).toBe(issued[0]?.queryCode);

    // And the paper receipt the simulated printer decoded carries it too, shown in the dev panel.
    const printed = sims.printer.lastReceipt();
    expect(printed?.lines.map((l) => l.text).join('\n')).toContain(issued[0]?.caseNo);
    await page.getByTestId('dev-dock-toggle').click();
    await expect
      .poll(() => page.getByTestId('dev-last-receipt').textContent())
      .toContain(issued[0]?.caseNo ?? '?');
    await kiosk.screenshot('08-dev-panel-receipt');
    await page.getByTestId('dev-dock-toggle').click();

    await page.getByTestId('finish').click();
    await page.getByTestId('ended-message').waitFor();
    await kiosk.screenshot('09-ended');
    // The page was reloaded on wipe: nothing of the resident is in the DOM or web storage.
    const leftovers = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
    }));
    for (const trace of [resident.card.name, resident.card.idNumber, caseNoOnScreen ?? '?']) {
      expect(leftovers.html).not.toContain(trace);
      expect(leftovers.local + leftovers.session).not.toContain(trace);
    }
    await page.getByTestId('attract-start').waitFor({ timeout: 20_000 });
  });
});
