import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The time a test allows per page it loads and checks with axe in both themes, in milliseconds:
 * on two busy cores one axe run has taken over twenty seconds.
 */
export const AXE_TIME = 60_000;

/** The WCAG 2.2 A and AA rules the site keeps to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe over the page as it is now and returns its violations, one line each: the rule's id and
 * the selectors of the elements that break it (an empty list when there are none). `exclude` names
 * elements that are not the site's own (a banner the browser adds).
 */
export async function axeViolations(page: Page, exclude?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (exclude) builder = builder.exclude(exclude);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The items in runs of `size` (the last may be shorter), in order. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}
