import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { TEST_CONTENT, TEST_DIST } from '../paths.ts';
import { IMPORTED, isRedirectPage, listDistFiles, loadPage, OTHER_LANGUAGES, PUBLISHED, type Page } from './dist.ts';

const SITE = 'https://massage-wellness.example';
const htmlFiles = listDistFiles().filter((file) => file.endsWith('.html') && !isRedirectPage(file));
const pathOf = (file: string) => (file === '404.html' ? '/404.html' : `/${file.replace(/index\.html$/, '')}`);
const POSTS_WITH_HERO = [PUBLISHED.immune, PUBLISHED.reflexology, PUBLISHED.canadaWater];
const POST_WITHOUT_HERO = PUBLISHED.shepherdsBush;
/** Fixture posts without a hero, whose titles are hard to draw (see tests/fixtures/overlay/posts/). */
const HARD_TITLES = [PUBLISHED.cardLongWord, PUBLISHED.cardArabic, PUBLISHED.cardChinese];
/** The fixture posts in other languages have no hero either: each gets a drawn card. */
const OTHER_LANGUAGE_POSTS = Object.values(OTHER_LANGUAGES);
/** The imported post that opened with no picture has no hero, so it gets a drawn card too. */
const IMPORTED_POSTS = [IMPORTED.hotStones];
const DRAWN = [
  POST_WITHOUT_HERO,
  PUBLISHED.srcsetCommas,
  PUBLISHED.deskMassage,
  PUBLISHED.shoulderRolls,
  ...HARD_TITLES,
  ...OTHER_LANGUAGE_POSTS,
  ...IMPORTED_POSTS,
];

const meta = (page: Page, key: string) =>
  String((page.one(`meta[property="${key}"]`) ?? page.one(`meta[name="${key}"]`))?.properties.content ?? '');

/** The file a social image URL names, in the build. */
const fileOf = (url: string) => join(TEST_DIST, decodeURIComponent(new URL(url).pathname));

describe('social cards on every page', () => {
  test.each(htmlFiles.map(pathOf))('%s has Open Graph and Twitter image tags that agree', (path) => {
    const page = loadPage(path);
    const image = meta(page, 'og:image');
    expect(image.startsWith(`${SITE}/`), image).toBe(true);
    expect(meta(page, 'og:image:type')).toMatch(/^image\/(png|jpeg)$/);
    expect(meta(page, 'og:image:width')).toBe('1200');
    expect(meta(page, 'og:image:height')).toBe('630');
    expect(meta(page, 'og:image:alt').length).toBeGreaterThan(10);
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(meta(page, 'twitter:image')).toBe(image);
    expect(meta(page, 'twitter:image:alt')).toBe(meta(page, 'og:image:alt'));
    expect(meta(page, 'twitter:title')).toBe(meta(page, 'og:title'));
    expect(meta(page, 'twitter:description')).toBe(meta(page, 'og:description'));
  });

  test('every image they name exists, in the format and size declared', async () => {
    const images = new Map<string, { type: string; width: string; height: string }>();
    for (const path of htmlFiles.map(pathOf)) {
      const page = loadPage(path);
      images.set(meta(page, 'og:image'), {
        type: meta(page, 'og:image:type'),
        width: meta(page, 'og:image:width'),
        height: meta(page, 'og:image:height'),
      });
    }
    // The site card, one drawn card per post without a hero and four hero crops (one imported).
    expect(images.size).toBe(1 + DRAWN.length + 4);
    for (const [url, declared] of images) {
      expect(existsSync(fileOf(url)), url).toBe(true);
      const { format, width, height } = await sharp(fileOf(url)).metadata();
      expect({ type: `image/${format}`, width: String(width), height: String(height) }, url).toEqual(declared);
    }
  });
});

describe('which image a page shares', () => {
  test('a post with a hero image shares it, cropped, with its alt text', () => {
    for (const slug of POSTS_WITH_HERO) {
      const page = loadPage(`/posts/${slug}/`);
      expect(meta(page, 'og:image')).toMatch(new RegExp(`^${SITE}/_astro/hero\\.[\\w-]+\\.jpe?g$`));
      const file = readdirSync(join(TEST_CONTENT, 'posts', slug)).find((name) => /^index\.mdx?$/.test(name))!;
      const frontmatter = readFileSync(join(TEST_CONTENT, 'posts', slug, file), 'utf8').split(/^---$/m)[1]!;
      const alt = (parse(frontmatter) as { hero: { alt: string } }).hero.alt;
      expect(alt.length).toBeGreaterThan(10);
      expect(meta(page, 'og:image:alt')).toBe(alt);
    }
  });

  test('a post without one shares its drawn card, which names it', () => {
    const page = loadPage(`/posts/${POST_WITHOUT_HERO}/`);
    expect(meta(page, 'og:image')).toBe(`${SITE}/social/posts/${POST_WITHOUT_HERO}.png`);
    expect(meta(page, 'og:image:alt')).toContain(meta(page, 'og:title'));
  });

  test('every other page shares the site card', () => {
    for (const path of htmlFiles.map(pathOf).filter((path) => !path.startsWith('/posts/'))) {
      expect(meta(loadPage(path), 'og:image'), path).toBe(`${SITE}/social/site.png`);
    }
  });

  test('cards are drawn only for published posts without a hero', () => {
    expect(readdirSync(join(TEST_DIST, 'social/posts')).sort()).toEqual(DRAWN.map((slug) => `${slug}.png`).sort());
  });
});

/** A drawn card's pixels: `ink` says whether one differs from the card's background. */
async function readCard(slug: string) {
  const { data, info } = await sharp(join(TEST_DIST, `social/posts/${slug}.png`))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ink = (x: number, y: number) => {
    const i = (y * info.width + x) * 3;
    return Math.abs(data[i]! - 0xfb) + Math.abs(data[i + 1]! - 0xfa) + Math.abs(data[i + 2]! - 0xf6) > 48;
  };
  /** Ink pixels in a region, with the leftmost and rightmost. */
  const inkIn = (left: number, right: number, top: number, bottom: number) => {
    let count = 0;
    let first = Infinity;
    let last = -Infinity;
    for (let y = top; y < bottom; y++) {
      for (let x = left; x < right; x++) {
        if (!ink(x, y)) continue;
        count += 1;
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    }
    return { count, first, last };
  };
  return { width: info.width, inkIn };
}

describe('drawn cards of hard titles (a long word, Arabic, Chinese without spaces)', () => {
  test.each(DRAWN)('%s: the title is drawn, and nothing runs into the margins', async (slug) => {
    const card = await readCard(slug);
    // Left of the text (after the accent bar) and right of it, above the corner stones: empty.
    expect(card.inkIn(16, 92, 0, 630).count).toBe(0);
    expect(card.inkIn(1114, 1200, 0, 415).count).toBe(0);
    expect(card.inkIn(96, 1112, 110, 415).count).toBeGreaterThan(5000);
  });

  test('the Arabic title is set right to left: its lines end at the right edge, not the left', async () => {
    const card = await readCard(PUBLISHED.cardArabic);
    const firstLine = card.inkIn(96, 1200, 120, 200);
    expect(firstLine.last).toBeGreaterThan(1080);
    // Its last line (two words, the third of three lines: y 295 to 375) ends at the right too,
    // and leaves the left of the card empty.
    const lastLine = card.inkIn(96, 1200, 330, 372);
    expect(lastLine.count).toBeGreaterThan(500);
    expect(lastLine.last).toBeGreaterThan(1080);
    expect(lastLine.first).toBeGreaterThan(700);
  });

  test('the long word is broken with a hyphen, not cut at the edge (C6)', () => {
    const page = loadPage(`/posts/${PUBLISHED.cardLongWord}/`);
    expect(meta(page, 'og:image')).toBe(`${SITE}/social/posts/${PUBLISHED.cardLongWord}.png`);
    expect(meta(page, 'og:image:alt')).toContain('Suboccipitaltrapeziusmyofascialdecompressiontechniques explained');
  });

  test('the Chinese title fills four lines, in Chinese glyphs rather than the site name', async () => {
    const card = await readCard(PUBLISHED.cardChinese);
    // Four lines of dense ideographs: far more ink than the site name alone would leave.
    expect(card.inkIn(96, 1112, 110, 415).count).toBeGreaterThan(40_000);
  });
});

// The social card cache across builds (first build, rebuild, a new title) is tested on the
// incremental test's builds of the same content: tests/build/incremental.test.ts.
