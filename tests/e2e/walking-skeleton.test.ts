/**
 * The walking skeleton as a resident lives it, in Chromium through the browser shell: attract →
 * item → consent → identity card (placed from the dev panel) → 读取成功 → signature → submitted
 * over mTLS → receipt printed → finished and wiped. Screenshots land in tests/artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';
import { applyAsResident } from './resident-journey';

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
    const { resident } = await applyAsResident(kiosk, { screenshots: true });

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
