import { expect, test, type Page } from '@playwright/test';
import { CANADA_WATER, IMMUNE } from './site.ts';

/** The pages whose look is pinned by screenshots: one of each kind a reader meets. */
const LOOKS: Record<string, string> = {
  home: '/',
  article: IMMUNE,
  review: CANADA_WATER,
  tag: '/tags/reviews/',
  archive: '/archive/',
  search: '/search/?q=reflexology',
  videos: '/videos/',
  feeds: '/feeds/',
  'not-found': '/404.html',
};

/** The widest line of body text on the page, in characters (letters counted where they were drawn). */
function widestLine(page: Page): Promise<{ chars: number; text: string }> {
  return page.evaluate(() => {
    let widest = { chars: 0, text: '' };
    for (const block of document.querySelectorAll('main :is(p, li, dd, blockquote, figcaption)')) {
      const lines = new Map<number, string>();
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // The 60-75 character measure is a rule of Latin-script typesetting; Arabic, Chinese and
        // Japanese letters have other widths and other norms.
        if (!/^en\b/i.test(node.parentElement?.closest('[lang]')?.getAttribute('lang') ?? 'en')) continue;
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i += 1) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          const top = Math.round(rect.top / 4);
          lines.set(top, (lines.get(top) ?? '') + text[i]);
        }
      }
      for (const line of lines.values()) {
        const trimmed = line.trim();
        if (trimmed.length > widest.chars) widest = { chars: trimmed.length, text: trimmed };
      }
    }
    return widest;
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`pages look as designed in the ${scheme} theme`, async ({ page }, testInfo) => {
    test.setTimeout(30_000 + Object.keys(LOOKS).length * 10_000);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    for (const [name, path] of Object.entries(LOOKS)) {
      await page.goto(path);
      if (name === 'search') await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      // Every image on the first screen decoded, so a picture still arriving never decides the result.
      await page.waitForFunction(() =>
        [...document.images]
          .filter((image) => image.getBoundingClientRect().top < innerHeight)
          .every((image) => image.complete && image.naturalWidth > 0),
      );
      await expect(page, `${name} at ${testInfo.project.name}`).toHaveScreenshot(`${name}-${scheme}.png`, {
        maxDiffPixelRatio: 0.002,
        // The browser's own video controls draw a loading spinner at whatever angle it has reached.
        mask: [page.locator('video')],
      });
    }
  });
}

test('no line of body text runs over 80 characters, on any kind of page', async ({ page }) => {
  for (const path of Object.values(LOOKS)) {
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const { chars, text } = await widestLine(page);
    expect(chars, `${path}: “${text}”`).toBeLessThanOrEqual(80);
  }
});

test('the footer sits at the bottom of the screen on the shortest page', async ({ page }) => {
  await page.goto('/404.html');
  const viewport = page.viewportSize()!;
  const footer = await page.getByRole('contentinfo').boundingBox();
  expect(Math.round(footer!.y + footer!.height)).toBe(viewport.height);
});

test('the search page has one search box', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByRole('searchbox')).toHaveCount(1);
  await expect(page.getByRole('searchbox')).toHaveAccessibleName('Search articles and reviews');
});

test('the article’s text uses the self-hosted reading font, and an article loads under 60 KB of fonts', async ({
  page,
}) => {
  const fontBytes: number[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'font') fontBytes.push((await response.body()).length);
  });
  await page.goto(IMMUNE);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('1em "Source Serif 4"'))).toBe(true);
  expect(
    await page
      .locator('.prose p')
      .first()
      .evaluate((p) => getComputedStyle(p).fontFamily),
  ).toMatch(/^"Source Serif 4"/);
  await page.waitForLoadState('networkidle');
  expect(fontBytes.length).toBeGreaterThan(0);
  expect(fontBytes.reduce((a, b) => a + b, 0)).toBeLessThan(60 * 1024);
});

test('on a phone, an article’s first screen shows its title and the start of its text', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'a phone layout');
  for (const path of [IMMUNE, CANADA_WATER]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    // The text, or for a review its summary (what was reviewed, where, the rating), which comes first.
    const top = await page
      .locator('.review-summary, .prose > p')
      .first()
      .evaluate((p) => p.getBoundingClientRect().top);
    // At least two lines of it are on the first screen.
    expect(top, path).toBeLessThan(page.viewportSize()!.height - 60);
  }
});
