import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { getSitePaths, IMPORTED_POSTS } from './site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const path of getSitePaths()) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${path} has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
      // axe visits each embedded frame too; the imported posts hold six, which no host answers here.
      if (IMPORTED_POSTS.includes(path)) test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
    });
  }
}

test('every page fits a 360 px wide phone without sideways scrolling', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'a phone-width check');
  // One page load per page of the site, which grows with the fixtures: time for each.
  test.setTimeout(30_000 + getSitePaths().length * 1_500);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of getSitePaths()) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
