import { expect, test } from '@playwright/test';
import { AXE_TIME, axeViolations } from './axe.ts';
import { ANY_VIEWPORT, IMMUNE, IMPORTED_POSTS, REFLEXOLOGY } from './site.ts';

const results = (page: import('@playwright/test').Page) => page.locator('[data-search-results] > li');

/**
 * Searches from a page that is not the search page, as a reader there would: with the header's box
 * on wider screens; on a phone, where the header has a Search link instead (one row less above the
 * content), through that link and the search page's box.
 */
async function searchFromAnyPage(page: import('@playwright/test').Page, query: string): Promise<void> {
  const headerBox = page.getByRole('searchbox', { name: 'Search the blog' });
  const box = (await headerBox.isVisible())
    ? headerBox
    : (await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click(),
      page.getByRole('searchbox', { name: 'Search articles and reviews' }));
  await box.fill(query);
  await box.press('Enter');
}

test('typing "reflexology" lists the reflexology overview first, highlighted, and announces the count', async ({
  page,
}) => {
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: 'Search articles and reviews' }).pressSequentially('reflexology');
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', REFLEXOLOGY);
  await expect(results(page).first().getByRole('link')).toHaveText('A Comprehensive Overview of Reflexology Massage');
  await expect(results(page).first().locator('mark').first()).toHaveText(/reflexology/i);
  await expect(results(page).first()).toContainText('10 September 2024');
  // The excerpt is the article's text, not its byline.
  await expect(results(page).first().locator('p').last()).not.toContainText('min read');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results? for “reflexology”\.$/);
  await expect(page).toHaveURL(/\/search\/\?q=reflexology$/);
});

test('a tag filter narrows the results', async ({ page }) => {
  await page.goto('/search/?q=massage');
  await expect(results(page).first()).toBeVisible();
  const all = await results(page).count();
  expect(all).toBeGreaterThan(2);
  const reviews = page.getByRole('group', { name: 'Topic' }).getByRole('checkbox', { name: 'reviews' });
  await reviews.check();
  await expect(results(page)).toHaveCount(2);
  for (const link of await results(page).getByRole('link').all()) {
    await expect(link).toHaveText(/^Massage Review:/);
  }
  // Filters of different groups combine: a review tagged "reviews" that is an article does not exist.
  await page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: 'Article' }).check();
  await expect(page.getByRole('status')).toHaveText('No results for “massage”.');
  await reviews.uncheck();
  await expect(results(page)).toHaveCount(all - 2);
});

test('a kind filter alone lists every post of that kind', async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('group', { name: 'Kind' }).getByRole('checkbox', { name: 'Review' }).check();
  await expect(results(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toHaveText('2 results.');
});

test('a word only in the sidebar or footer finds nothing', ANY_VIEWPORT, async ({ page }) => {
  await page.goto('/search/');
  await page.getByRole('searchbox', { name: 'Search articles and reviews' }).fill('popular');
  await expect(page.getByRole('status')).toHaveText('No results for “popular”.');
  await expect(results(page)).toHaveCount(0);
});

test('a post is found by its words and its picture’s description, not by the values its result shows', async ({
  page,
}) => {
  const box = page.getByRole('searchbox', { name: 'Search articles and reviews' });
  await page.goto('/search/');
  // "sprigs" is only in the immune article's hero description.
  await box.fill('sprigs');
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', IMMUNE);
  // The values a result shows (its date, its language) and the picture's address were meta values,
  // which Pagefind indexes as words: "november" found the posts published in November, "gb" every
  // English post and "webp" every post with a picture, with nothing on the page to say why.
  const found = () =>
    results(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  await box.fill('gb');
  await expect(page.getByRole('status')).toHaveText('No results for “gb”.');
  // Published on 6 November 2021; its text does not say so.
  await box.fill('november');
  await expect(page.getByRole('status')).toContainText('“november”');
  expect(await found()).not.toContain(IMPORTED_POSTS[0]);
  // Three posts were published in 2019; the one that says so in its text comes first, and the two
  // whose text never has 2019 are not found.
  await box.fill('2019');
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', IMPORTED_POSTS[0]!);
  expect(await found()).not.toContain('/posts/fixture-card-arabic-title/');
  expect(await found()).not.toContain('/posts/fixture-card-chinese-title/');
  // A query with no whole-word match falls back to the words it starts with ("webp" finds "we"),
  // highlighted: every result shows why it was found.
  for (const query of ['webp', 'avif']) {
    await box.fill(query);
    await expect(page.getByRole('status')).toContainText(`“${query}”`);
    for (const result of await results(page).all()) {
      await expect(result.locator('mark').first(), `${query}: ${await result.innerText()}`).toBeVisible();
    }
  }
  await box.fill('2019');
  // Its date is still shown, from the post's search filter.
  await expect(results(page).first()).toContainText('2021');
});

test('search works with the keyboard alone', async ({ page }) => {
  await page.goto('/search/');
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'search-input')) break;
  }
  await expect(page.locator('#search-input')).toBeFocused();
  // Until the index has loaded, Enter submits the form to /search/?q= (which also works); wait for it.
  await expect(page.locator('[data-search]')).toBeVisible();
  await page.keyboard.type('lymphatic');
  await page.keyboard.press('Enter');
  await expect(results(page).first().getByRole('link')).toHaveAttribute('href', IMMUNE);
  // On to the first filter, by keyboard alone, once the filters are there (they arrive with the
  // results; on a busy machine after them, and Tab would pass where they are about to be).
  await expect(page.locator('[data-search-filters] input').first()).toBeVisible();
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('[data-search-filters]') !== null)) break;
  }
  await expect(page.locator('[data-search-filters] input').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator('[data-search-filters] input:checked')).toHaveCount(1);
});

test('the header search field on any page leads to the results', async ({ page }) => {
  await page.goto(IMMUNE);
  await searchFromAnyPage(page, 'Canada Water');
  await expect(page).toHaveURL(/\/search\/\?q=Canada\+Water$/);
  await expect(results(page).first().getByRole('link')).toHaveText(/Valentina/);
});

test('no other page loads the search code or index', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  for (const path of ['/', REFLEXOLOGY, '/tags/', '/archive/']) await page.goto(path);
  expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
});

test('axe finds no violations on the search page with results shown, in the light or the dark theme', async ({
  page,
}) => {
  test.setTimeout(AXE_TIME);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/search/?q=massage');
  await expect(results(page).first()).toBeVisible();
  expect.soft(await axeViolations(page), 'light theme').toEqual([]);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background, 'the page turned dark').not.toBe(light);
  expect.soft(await axeViolations(page), 'dark theme').toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search field still leads somewhere useful: the archive and the tags', async ({ page }) => {
    await page.goto('/');
    await searchFromAnyPage(page, 'stress');
    await expect(page).toHaveURL(/\/search\/\?q=stress$/);
    await expect(page.getByText('Searching needs JavaScript')).toBeVisible();
    await page.getByRole('link', { name: 'the archive' }).click();
    await expect(page).toHaveURL('/archive/');
    await page.goBack();
    await page.getByRole('region', { name: 'Browse by topic' }).getByRole('link', { name: 'stress' }).click();
    await expect(page).toHaveURL('/tags/stress/');
  });
});

test('nothing on the search page moves when the search code and index arrive (no layout shift)', async ({ page }) => {
  // The filters are in the page from the first paint. Pagefind's files are held back until the
  // page has painted with its web font, so that what is measured is their arrival alone: the font's
  // own swap on a first visit (a shift of under 0.001 when the fallback's line metrics differ a
  // little) is another matter, which Lighthouse's CLS in the benchmark covers.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/pagefind/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/search/');
  await page.evaluate(async () => {
    await document.fonts.ready;
    (window as unknown as { shift: number }).shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shift: number }).shift += (entry as PerformanceEntry & { value: number }).value;
    }).observe({ type: 'layout-shift' });
  });
  const pagefindLoaded = page.waitForResponse((response) => response.url().includes('/pagefind/'));
  release();
  await pagefindLoaded;
  await expect(page.getByRole('group', { name: 'Topic' }).getByRole('checkbox').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
});

// Fixture posts in other languages (tests/fixtures/overlay/posts): each has its own Pagefind index,
// which the English search page merges into its own.
const CHINESE = '/posts/fixture-zh-jianjing-fangsong/';
const JAPANESE = '/posts/fixture-ja-ashiura-selfcare/';
const ARABIC = '/posts/fixture-ar-tadlik-masaa/';

// The search page loads one index per language before its first search; on a busy machine that
// takes longer than an assertion's usual five seconds.
const loaded = expect.configure({ timeout: 20_000 });

test.describe('the English search page finds words of posts in other languages', ANY_VIEWPORT, () => {
  for (const [query, expected] of [
    ['肩颈', CHINESE],
    ['缓解', CHINESE],
    ['疼痛', CHINESE],
    ['压力', CHINESE],
    ['脚底', CHINESE],
    ['温热的毛巾', CHINESE],
    ['土踏まず', JAPANESE],
    ['足の裏', JAPANESE],
    ['親指', JAPANESE],
    ['الكتفين', ARABIC],
    ['بسيط', ARABIC],
    ['reflexology', REFLEXOLOGY],
  ] as const) {
    test(`searching “${query}” finds ${expected}`, async ({ page }) => {
      await page.goto(`/search/?q=${encodeURIComponent(query)}`);
      // Other posts may share the word (the social-card fixtures are in Chinese and Arabic too).
      await loaded(results(page).locator(`a[href="${expected}"]`)).toHaveCount(1);
    });
  }

  test('an English word finds no post in another language', async ({ page }) => {
    await page.goto('/search/?q=reflexology');
    await loaded(page.getByRole('status')).toHaveText(/results? for “reflexology”/);
    const hrefs = await results(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).not.toContain(CHINESE);
    expect(hrefs).not.toContain(JAPANESE);
    expect(hrefs).not.toContain(ARABIC);
  });

  test('a result in another language carries its lang, and Arabic its direction', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('الكتفين')}`);
    const link = results(page).locator(`a[href="${ARABIC}"]`);
    await loaded(link).toHaveAttribute('lang', 'ar');
    await expect(link).toHaveAttribute('dir', 'auto');
    expect(await link.evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
    await page.goto(`/search/?q=${encodeURIComponent('土踏まず')}`);
    await loaded(results(page).locator(`a[href="${JAPANESE}"]`)).toHaveAttribute('lang', 'ja');
    await page.goto('/search/?q=reflexology');
    await loaded(page.getByRole('status')).toHaveText(/results? for “reflexology”/);
    await expect(results(page).first().getByRole('link')).not.toHaveAttribute('lang', /.*/);
  });
});
