import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

/**
 * The time a test allows per page it loads and checks with axe in both themes, in milliseconds:
 * generous, because on two busy cores a page load and two axe runs have taken ten seconds.
 */
export const AXE_TIME = 30_000;

/** The WCAG 2.2 A and AA rules the site keeps to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's browser build, read once per test worker. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core over the page as it is now and returns its violations, one line each: the rule's id
 * and the selectors of the elements that break it (an empty list when there are none). `exclude`
 * names elements that are not the site's own (a banner the browser adds).
 *
 * axe is put into the document once (through DevTools, so the site's Content-Security-Policy does not
 * apply) and then run in place, as many times as the test asks: after a theme switch the second run
 * costs a tenth of a page load. This is axe-core's own API rather than @axe-core/playwright's
 * builder, which injects axe again on every call and opens a second page to merge its results: 1.2
 * to 3.3 s per run against 0.1 to 0.4 s here, measured on the same pages (30 November 2026).
 *
 * Embedded frames are not entered (`iframes: false`): the only frames on the site are other sites'
 * players in imported posts, which no host answers here and whose insides are not ours to fix. The
 * `<iframe>` elements themselves are checked (a title each) like any other element.
 */
export async function axeViolations(page: Page, exclude?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const context = exclude ? { exclude: [exclude] } : document;
      const results = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
        iframes: false,
      });
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { tags: WCAG_TAGS, exclude },
  );
  return violations;
}

/** The items in runs of `size` (the last may be shorter), in order. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
