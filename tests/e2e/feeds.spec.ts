import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { REFLEXOLOGY } from './site.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FEEDS = ['/rss.xml', '/atom.xml', '/tags/reflexology/rss.xml', `${REFLEXOLOGY}comments.xml`];

for (const path of FEEDS) {
  test(`${path} opened in a browser is a readable page that explains how to subscribe`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Massage & Wellness');
    await expect(page.getByRole('heading', { name: /This is a web feed/ })).toBeVisible();
    await expect(page.getByText(/To subscribe, copy this address into your feed reader/)).toBeVisible();
    // The address to copy is the feed's own.
    await expect(page.locator('code')).toHaveText(`https://massage-wellness.example${path}`);
    const items = page.locator('main ol li a');
    expect(await items.count()).toBeGreaterThan(0);
    const first = await items.first().getAttribute('href');
    expect(first).toMatch(/^https:\/\/massage-wellness\.example\/posts\/[^/]+\/(#comment-.+)?$/);
    await expect(page.getByRole('link', { name: 'Back to the site' })).toHaveAttribute(
      'href',
      /^https:\/\/massage-wellness\.example\//,
    );
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the feed page has no axe violations in the ${colorScheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/rss.xml', '/atom.xml']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // Chromium adds its own banner about XSLT's deprecation to the page; it is not ours to check.
      const { violations } = await new AxeBuilder({ page })
        .withTags(WCAG_TAGS)
        .exclude('xslt-warning-banner')
        .analyze();
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary, path).toEqual([]);
    }
  });
}

test('a feed with no items yet says so and still explains how to subscribe', async ({ page }) => {
  await page.goto('/posts/shepherds-bush-freelance-massage-review/comments.xml');
  await expect(page.getByText('Nothing yet. Subscribe now and new items will reach you as they appear.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Comments on “Massage Review');
});
