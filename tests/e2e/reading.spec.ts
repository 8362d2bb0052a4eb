import { expect, test } from '@playwright/test';
import { CANADA_WATER, IMMUNE, REFLEXOLOGY } from './site.ts';

test('the skip link is the first thing Tab reaches and moves focus to the main content', async ({ page }) => {
  await page.goto(IMMUNE);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  // The next stop is inside the main content, not back in the header.
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

test('a popular post in the sidebar opens that post', async ({ page }) => {
  await page.goto(IMMUNE);
  const sidebar = page.getByRole('complementary', { name: 'Popular posts' });
  await expect(sidebar.getByRole('heading', { level: 3 })).toHaveCount(3);
  await sidebar.getByRole('link').first().click();
  await expect(page).toHaveURL(CANADA_WATER);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Valentina/);
});

test('the comments link on the home page leads to the post’s comments', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: '3 comments' }).click();
  await expect(page).toHaveURL(`${REFLEXOLOGY}#comments`);
  const comments = page.locator('#comments');
  await expect(comments).toBeInViewport();
  await expect(comments.getByRole('heading', { level: 2 })).toHaveText('Comments (3 comments)');
  await expect(comments.getByRole('link', { name: 'Leave a comment' })).toHaveAttribute('href', /^mailto:/);
});

test('the theme control moves system → light → dark → system, says what is on, persists, and never flashes', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  // Records the theme at the moment <body> is created, before anything can be painted.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'system';
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  const control = page.getByRole('button', { name: /^Theme: / });
  await expect(control).toHaveAccessibleName('Theme: system');
  const systemBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // A finger-sized target, on phones too.
  const box = (await control.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);

  await control.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(control).toHaveAccessibleName('Theme: light');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(control).toHaveAccessibleName('Theme: dark');
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(systemBackground);

  await page.goto(REFLEXOLOGY);
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
  await expect(control).toHaveAccessibleName('Theme: dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBackground);

  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
  await control.click();
  // Back to following the system, and remembered as such.
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect(control).toHaveAccessibleName('Theme: system');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(systemBackground);
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('system');
});

test('the theme follows the system when the reader has not chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect(page.getByRole('button', { name: 'Theme: system' })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 22, 20)');
});

test('the videos page requests nothing from a third party until play is pressed', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // The machine is offline; answer third-party requests locally so the test records, not waits.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto('/videos/');
  await page.waitForLoadState('networkidle');
  const local = (url: string) => url.startsWith('http://127.0.0.1:');
  expect(requests.filter((url) => !local(url))).toEqual([]);
  // preload="none": not even the local video file is fetched before play.
  expect(requests.some((url) => url.endsWith('.webm'))).toBe(false);

  const play = page.getByRole('link', { name: /Play FIXTURE remote video/ });
  await play.click();
  const frame = page.locator('iframe[title="FIXTURE remote video"]');
  await expect(frame).toHaveAttribute('src', /^https:\/\/www\.youtube-nocookie\.com\/embed\/M7lc1UVf-VE/);
  await expect.poll(() => requests.filter((url) => !local(url)).length).toBeGreaterThan(0);
  expect(requests.filter((url) => !local(url)).every((url) => url.includes('youtube-nocookie.com'))).toBe(true);
});

test('a video player below the fold keeps its exact size while the browser waits to draw its controls', async ({
  page,
}) => {
  await page.goto(IMMUNE);
  const player = page.locator('.player:has(video)');
  const box = () =>
    player.evaluate((element) => {
      const own = element.getBoundingClientRect();
      const video = element.querySelector('video')!.getBoundingClientRect();
      return { player: own.height, video: video.height, width: own.width };
    });
  // Far from the screen the player's contents are skipped (content-visibility: auto): its height
  // then comes from the box alone and must be the one the video gives it once drawn.
  await expect(player).not.toBeInViewport();
  const before = await box();
  await player.scrollIntoViewIfNeeded();
  await expect(player).toBeInViewport();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const after = await box();
  expect(before.player).toBeGreaterThan(before.width / 2);
  expect(after.player).toBeCloseTo(before.player, 0);
  expect(after.video).toBeCloseTo(after.player, 0);
});
