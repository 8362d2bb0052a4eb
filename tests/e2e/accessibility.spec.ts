import { expect, test, type Page } from '@playwright/test';
import { AXE_TIME, axeViolations, inBatches } from './axe.ts';
import { getSitePaths, IMPORTED_POSTS } from './site.ts';

/** Pages per test: few enough that both workers stay busy, many enough that a test is worth starting. */
const BATCH = 6;

/** The page's background colour, to tell that a theme switch reached the styles. */
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

// Each page is loaded once per viewport (the phone and desktop projects) and checked by axe in both
// themes: the light theme first, then the system setting flips to dark in place and axe runs again.
for (const [index, paths] of inBatches(getSitePaths(), BATCH).entries()) {
  test(`pages ${index * BATCH + 1} to ${index * BATCH + paths.length} of the site have no axe violations in the light or the dark theme, and on a phone fit 360 px without sideways scrolling`, async ({
    page,
  }, testInfo) => {
    // An axe run takes seconds on a busy machine; the default 30 s is for one page, not a batch.
    // axe visits each embedded frame too; the imported posts hold six, which no host answers here.
    test.setTimeout(paths.reduce((time, path) => time + (IMPORTED_POSTS.includes(path) ? 3 : 1) * AXE_TIME, 0));
    for (const path of paths) {
      await test.step(path, async () => {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(path);
        expect.soft(await axeViolations(page), `${path}, light theme`).toEqual([]);
        const light = await background(page);
        await page.emulateMedia({ colorScheme: 'dark' });
        // The switch must have reached the styles, or the second run would check the light theme again.
        await expect.poll(() => background(page), `${path} turned dark`).not.toBe(light);
        expect.soft(await axeViolations(page), `${path}, dark theme`).toEqual([]);
        if (testInfo.project.name === 'phone') {
          // The same load answers whether the page fits a small phone without sideways scrolling.
          await page.setViewportSize({ width: 360, height: 740 });
          // Against the layout width (clientWidth), not window.innerWidth: a phone (isMobile) zooms
          // out to show a page wider than the screen, and innerWidth grows with it, so a page
          // 750 px wide measured 0 px of overflow.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect.soft(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
          await page.setViewportSize(testInfo.project.use.viewport!);
        }
      });
    }
  });
}

test('the axe check catches what it is there to catch, in either theme, on a page it has already checked', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  expect(await axeViolations(page)).toEqual([]);
  // An editor's slips, made in the page: a picture without a description, grey on grey, an empty link.
  await page.evaluate(() => {
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML(
      'afterbegin',
      '<img src="/favicon.svg" width="10" height="10"><p style="color:#777;background:#888">Gris sur gris</p><a href="/about/"></a>',
    );
  });
  const light = await axeViolations(page);
  expect(light.map((line) => line.split(':')[0])).toEqual(
    expect.arrayContaining(['color-contrast', 'image-alt', 'link-name']),
  );
  await page.emulateMedia({ colorScheme: 'dark' });
  expect((await axeViolations(page)).map((line) => line.split(':')[0])).toEqual(
    expect.arrayContaining(['color-contrast', 'image-alt', 'link-name']),
  );
});
