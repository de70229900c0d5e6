import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type AxeWindow = { axe?: { run: (context: Document, options: object) => Promise<AxeResults> } };

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and fails with one line per
 * offending element: rule, impact, CSS target and the rule's summary.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // page.addScriptTag() inserts an inline <script>, which the app's CSP (script-src 'self')
  // rightly blocks; evaluating the source through the DevTools protocol is not subject to CSP,
  // so the page keeps its real policy while axe runs.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const { axe } = window as unknown as AxeWindow;
    if (!axe) throw new Error('axe-core did not load');
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((node) => node.target.join(' ')),
    }));
  }, TAGS);
  const lines = violations.flatMap((v) => v.targets.map((target) => `${v.id} [${v.impact}] ${target} — ${v.help}`));
  expect(lines, `axe-core violations on ${page.url()}`).toEqual([]);
}
