/**
 * Issue 7: every screen of a resident's application passes axe's WCAG 2.2 A/AA rules, in the
 * default look, in 长辈模式 with 高对比度, and in English — the combinations a resident can pick
 * from the bar at the bottom of each screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage, type AxeFinding } from './axe-audit';
import { startE2eKiosk, type E2eKiosk } from './browser-kiosk';
import { applyAsResident } from './resident-journey';

let kiosk: E2eKiosk;

beforeAll(async () => {
  kiosk = await startE2eKiosk();
}, 60_000);

afterAll(async () => {
  await kiosk?.close();
});

/** Runs a whole application, choosing `choices` on the item list, auditing every screen. */
async function auditJourney(choices: string[]): Promise<Record<string, AxeFinding[]>> {
  const { page } = kiosk;
  const findings: Record<string, AxeFinding[]> = {};
  const audit = async (screen: string) => {
    if (screen === '02-choose-item') {
      for (const choice of choices) {
        await page.getByTestId(choice).click();
        expect(await page.getByTestId(choice).getAttribute('aria-pressed')).toBe('true');
      }
    }
    findings[screen] = await auditPage(page);
  };
  await applyAsResident(kiosk, { atEachScreen: audit });
  await page.getByTestId('screen-done').waitFor({ timeout: 20_000 });
  await audit('07-done');
  // End the session as the resident would: take the card, tap 完成. The next journey starts afresh.
  kiosk.shell.host.devices.simulators?.idcard.removeCard();
  await page.getByTestId('finish').click();
  await page.getByTestId('attract-start').waitFor({ timeout: 20_000 });
  return findings;
}

/** One line per violation, so that a failure reads as a to-do list. */
const flagged = (findings: Record<string, AxeFinding[]>) =>
  Object.entries(findings).flatMap(([screen, found]) =>
    found.map(
      (finding) =>
        `${screen}: ${finding.rule} (${finding.impact ?? '?'}) at ${finding.targets.join(', ')}`,
    ),
  );

describe('accessibility of the resident journey (axe-core, WCAG 2.2 AA)', () => {
  it('default look: no violations on any screen', async () => {
    const findings = await auditJourney([]);
    expect(Object.keys(findings)).toHaveLength(7);
    expect(flagged(findings)).toEqual([]);
  }, 90_000);

  it('长辈模式 with 高对比度: no violations on any screen', async () => {
    const findings = await auditJourney(['toggle-elder', 'toggle-contrast']);
    expect(flagged(findings)).toEqual([]);
  }, 90_000);

  it('English: no violations on any screen', async () => {
    const findings = await auditJourney(['language-en']);
    expect(flagged(findings)).toEqual([]);
  }, 90_000);
});
