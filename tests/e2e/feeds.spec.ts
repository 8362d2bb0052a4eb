import { expect, test } from '@playwright/test';

test('the footer leads readers to the feeds page, whose addresses can be selected and copied', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Follow in a feed reader' }).click();
  await expect(page).toHaveURL(/\/feeds\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follow the blog in a feed reader');
  const rss = page.getByLabel('RSS (works with every reader)');
  await expect(rss).toHaveValue('https://massage-wellness.example/rss.xml');
  await expect(rss).not.toBeEditable();
  // A click in the box and select-all take the whole address, ready to paste.
  await rss.click();
  await page.keyboard.press('ControlOrMeta+a');
  expect(
    await page.evaluate(() => getSelection()?.toString() || (document.activeElement as HTMLInputElement).value),
  ).toBe('https://massage-wellness.example/rss.xml');
});

test('a tag page’s feed link lands on that tag’s feed on the feeds page', async ({ page }) => {
  await page.goto('/tags/reviews/');
  await page.getByRole('link', { name: 'Follow “reviews” in a feed reader' }).click();
  await expect(page).toHaveURL(/\/feeds\/#tag-reviews$/);
  const row = page.locator('#tag-reviews');
  await expect(row).toBeInViewport();
  await expect(row.getByRole('textbox')).toHaveValue('https://massage-wellness.example/tags/reviews/rss.xml');
});

test('the feed files are plain: a browser shows no XSLT page and no deprecation banner', async ({ page }) => {
  await page.goto('/rss.xml');
  await expect(page.locator('xslt-warning-banner')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /This is a web feed/ })).toHaveCount(0);
});
