/**
 * Accessibility audits with axe-core (issue 7) in the kiosk's own Chromium page. axe is put into
 * the page through the DevTools protocol (`page.evaluate`), which the page's strict CSP does not
 * govern — the product's CSP stays as it ships. The dev panel is left out: it is not in
 * production builds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** WCAG 2.2 A and AA (issue 7); GB/T 37668-2019 builds on WCAG 2.0, a subset. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
}

export async function auditPage(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async (tags) =>
      (await (
        window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }
      ).axe.run(
        { exclude: [['[data-testid="dev-dock"]']] },
        {
          runOnly: { type: 'tag', values: tags },
          // The viewport forbids pinch zoom on purpose: a zoomed kiosk stays zoomed for the next
          // resident, who cannot undo it. Larger text is 长辈模式's job, on every screen.
          rules: { 'meta-viewport': { enabled: false } },
          resultTypes: ['violations'],
        },
      )) as AxeResults,
    TAGS,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
