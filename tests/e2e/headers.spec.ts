import { expect, test, type Page } from '@playwright/test';
import { inBatches } from './axe.ts';
import { getSitePaths, IMPORTED_POSTS } from './site.ts';

/** Records every Content-Security-Policy violation the page reports, from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ...console,
  ];
}

/** Pages per test: the walk is split so that both workers share it. */
const BATCH = 11;

for (const [index, paths] of inBatches(getSitePaths(), BATCH).entries()) {
  test(`pages ${index * BATCH + 1} to ${index * BATCH + paths.length} of the site are served with the security headers and run with no CSP violation`, async ({
    page,
  }) => {
    // Each page waits for half a second of network quiet, so that a late request is seen too.
    test.setTimeout(30_000 + paths.length * 3_000);
    const violations = await watchCsp(page);
    for (const path of paths) {
      const response = await page.goto(path);
      const headers = response!.headers();
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
      expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      await page.waitForLoadState('networkidle');
      expect(await violations(), path).toEqual([]);
    }
  });
}

test('imported Blogger posts show every image and embed under the policy, and a blocked one would be caught', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const violations = await watchCsp(page);
  for (const path of IMPORTED_POSTS) {
    await page.goto(path);
    // Lazy images and frames load only near the viewport: load them all now, so each is checked.
    const remote = await page.evaluate(() => {
      const lazy = [...document.querySelectorAll('img[loading="lazy"], iframe[loading="lazy"]')];
      for (const element of lazy) element.setAttribute('loading', 'eager');
      window.scrollTo(0, document.body.scrollHeight);
      return [...document.querySelectorAll<HTMLImageElement | HTMLIFrameElement>('img, iframe')]
        .map((element) => element.src)
        .filter((src) => !src.startsWith(location.origin));
    });
    // Four frames and the images left remote; YouTube and Vimeo are players that load nothing until
    // pressed (see the test of their click below).
    expect(remote.length, path).toBeGreaterThan(3);
    await page.waitForLoadState('networkidle');
    expect(await violations(), path).toEqual([]);
  }
  // The same check sees what the policy blocks: a frame from a provider it does not know.
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://widgets.example.net/embed';
    frame.title = 'x';
    document.body.append(frame);
  });
  await expect
    .poll(async () => (await violations()).filter((v) => /^frame-src blocked https:\/\/widgets\.example\.net/.test(v)))
    .toHaveLength(1);
});

test('the theme script runs under the policy', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Theme: system' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await violations()).toEqual([]);
});

test('the video player loads the provider’s frame under the policy', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
  await page.goto('/videos/');
  await page.getByRole('link', { name: /Play FIXTURE remote video/ }).click();
  await expect(page.locator('iframe[title="FIXTURE remote video"]')).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('an imported post’s videos ask nothing of YouTube or Vimeo until play is pressed, then load their player under the policy', async ({
  page,
}) => {
  // Two pages, five posters scrolled into view, network quiet, three clicks: more than the default
  // 30 s once in a CI run, which stopped it while it waited for the network to go quiet.
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  // The machine is offline; answer third-party requests locally so the test records, not waits.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204, body: '' }));
  const fromProviders = () => requests.filter((url) => /youtube|ytimg|vimeo/.test(new URL(url).hostname));

  await page.goto(IMPORTED_POSTS[0]!);
  const players = page.locator('.prose a[data-video-embed]');
  await expect(players).toHaveCount(5);
  // Every poster comes from this site, and shows (the lazy ones once scrolled to).
  for (const poster of await page.locator('.prose .player img').all()) {
    await poster.scrollIntoViewIfNeeded();
    await expect
      .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await poster.evaluate((img: HTMLImageElement) => new URL(img.currentSrc).origin)).toBe(
      new URL(page.url()).origin,
    );
  }
  // Half a second with no new request, counted from this page's own requests: Chromium's headless
  // shell did not report "networkidle" here once other tests had run in the same browser, though
  // nothing was in flight.
  await expect
    .poll(async () => {
      const count = requests.length;
      await page.waitForTimeout(500);
      return requests.length === count;
    })
    .toBe(true);
  expect(fromProviders()).toEqual([]);

  // The Flash video of 2009, and a Vimeo one: each click puts the provider's player in its link's place.
  const flash = page.getByRole('link', {
    name: /^Play Video in “FIXTURE Hot Stones at Home, Step by Step” \(loads YouTube\)$/,
  });
  await flash.click();
  await expect(page.locator('.player iframe').first()).toHaveAttribute(
    'src',
    'https://www.youtube-nocookie.com/embed/rHDa8Lm2PqE?autoplay=1',
  );
  await expect(page.locator('iframe[title="Video in “FIXTURE Hot Stones at Home, Step by Step”"]')).toBeVisible();
  await page.getByRole('link', { name: /^Play Video 3 in .* \(loads Vimeo\)$/ }).click();
  await expect(page.locator('iframe[title^="Video 3 in"]')).toHaveAttribute(
    'src',
    'https://player.vimeo.com/video/11112222?autoplay=1&dnt=1',
  );
  await expect(players).toHaveCount(3);
  await expect.poll(() => fromProviders().length).toBeGreaterThan(0);
  expect(fromProviders().every((url) => /^https:\/\/(www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(url))).toBe(
    true,
  );
  expect(await violations()).toEqual([]);

  // A video whose picture could not be fetched: a plain box of the poster's 16:9 size, never a broken image.
  await page.goto(IMPORTED_POSTS[1]!);
  const box = await page.locator('.player .no-poster').boundingBox();
  expect(box!.height).toBeCloseTo((box!.width * 9) / 16, 0);
  await page.getByRole('link', { name: /^Play Video in “FIXTURE Cold Weather/ }).click();
  await expect(page.locator('.player iframe')).toHaveAttribute(
    'src',
    'https://www.youtube-nocookie.com/embed/xGone4Tq2Zs?autoplay=1',
  );
  expect(await violations()).toEqual([]);
});

test('hashed assets are cached for a year, pages are revalidated, and a missing page is a 404', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
  expect(stylesheet).toMatch(/^\/_astro\//);
  const asset = await request.get(stylesheet!);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  const home = await request.get('/');
  expect(home.headers()['cache-control']).toBe('public, max-age=0, must-revalidate');
  const missing = await request.get('/no-such-page/');
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('Page not found');
  expect(missing.headers()['content-security-policy']).toBeTruthy();
});

test('old Blogger addresses get a permanent redirect from nginx', async ({ request }) => {
  const label = await request.get('/search/label/reviews', { maxRedirects: 0 });
  expect(label.status()).toBe(301);
  expect(label.headers()['location']).toMatch(/\/tags\/reviews\/$/);
  const feed = await request.get('/feeds/posts/default', { maxRedirects: 0 });
  expect(feed.status()).toBe(301);
  expect(feed.headers()['location']).toMatch(/\/rss\.xml$/);
});

test('search runs under the policy (Pagefind’s WebAssembly included)', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('/search/?q=reflexology');
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('feeds are served with types browsers and readers understand, and the feeds page runs under the policy', async ({
  page,
  request,
}) => {
  for (const path of ['/rss.xml', '/atom.xml', '/comments.xml', '/tags/reviews/rss.xml']) {
    const response = await request.get(path);
    expect(response.headers()['content-type'], path).toMatch(/^(text|application)\/xml\b/);
    expect(response.headers()['content-security-policy'], path).toBeTruthy();
  }
  expect((await request.get('/feed.json')).headers()['content-type']).toBe('application/feed+json; charset=utf-8');

  const violations = await watchCsp(page);
  await page.goto('/feeds/');
  await expect(page.getByRole('heading', { level: 1, name: 'Follow the blog in a feed reader' })).toBeVisible();
  expect(await violations()).toEqual([]);
});
