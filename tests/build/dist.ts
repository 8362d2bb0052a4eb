import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { TEST_DIST } from '../paths.ts';

if (!existsSync(join(TEST_DIST, 'index.html'))) {
  throw new Error('The test site is not built: run `npm run build:test-site` first (npm test does).');
}

/** Every file of the build, as paths relative to dist/ ("posts/x/index.html"). */
export function listDistFiles(dir = TEST_DIST): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(TEST_DIST, join(entry.parentPath, entry.name)))
    .sort();
}

/** A page the build writes at an old address only to send the reader on (see legacy-redirects). */
export function isRedirectPage(file: string): boolean {
  return readDist(file).includes('<meta http-equiv="refresh"');
}

export function readDist(path: string): string {
  return readFileSync(join(TEST_DIST, path), 'utf8');
}

/** The HTML file that serves a site path: "/posts/x/" → posts/x/index.html. */
export function htmlFileFor(path: string): string {
  return path === '/404.html' ? '404.html' : `${path.replace(/^\//, '')}index.html`;
}

export interface Page {
  tree: Root;
  html: string;
  one(selector: string): Element | undefined;
  all(selector: string): Element[];
  text(selector: string): string;
}

/** A built page, parsed, with CSS selector helpers. */
export function loadPage(path: string): Page {
  const html = readDist(htmlFileFor(path));
  const tree = fromHtml(html);
  return {
    tree,
    html,
    one: (selector) => select(selector, tree),
    all: (selector) => selectAll(selector, tree),
    text: (selector) => {
      const node = select(selector, tree);
      return node ? toString(node).replace(/\s+/g, ' ').trim() : '';
    },
  };
}

export const textOf = (node: Element | undefined) => (node ? toString(node).replace(/\s+/g, ' ').trim() : '');

/** The posts of the Blogger blog build-test-site imports (tests/fixtures/blogger/images-feed.atom). */
export const IMPORTED = {
  hotStones: 'hot-stones-at-home',
  wentWrong: 'what-went-wrong',
} as const;

/**
 * The posts a reader should see: the real ones, the imported Blogger blog's, and the published
 * fixtures (the other fixtures are drafts and future posts).
 */
export const PUBLISHED = {
  immune: 'how-massage-therapy-may-enhance-your-immune-system',
  reflexology: 'comprehensive-overview-of-reflexology-massage',
  canadaWater: 'valentina-mobile-massage-canada-water-review',
  shepherdsBush: 'shepherds-bush-freelance-massage-review',
  ...IMPORTED,
  /** tests/fixtures/overlay: raw <img>/<source> srcsets whose URLs hold commas, and reader comments with broken links. */
  srcsetCommas: 'fixture-srcset-commas',
  /** tests/fixtures/overlay: titles hard to draw on a social card (a long word, Arabic, Chinese). */
  cardLongWord: 'fixture-card-long-word',
  cardArabic: 'fixture-card-arabic-title',
  cardChinese: 'fixture-card-chinese-title',
  /** tests/fixtures/overlay: tags C, C#, C++, 💆, "?", 入门 and London; and C with "london". */
  deskMassage: 'fixture-desk-massage-for-csharp-days',
  shoulderRolls: 'fixture-shoulder-rolls-in-c',
} as const;

/**
 * Published fixture posts in other languages (tests/fixtures/overlay/posts), dated before every
 * real post: Chinese (lang: zh-hans), Japanese and Arabic.
 */
export const OTHER_LANGUAGES = {
  chinese: 'fixture-zh-jianjing-fangsong',
  japanese: 'fixture-ja-ashiura-selfcare',
  arabic: 'fixture-ar-tadlik-masaa',
} as const;

/** Imported posts keep the ids Blogger's feeds gave them (feedId); the others' come from their files. */
export const BLOGGER_FEED_IDS: Readonly<Record<string, string>> = {
  [IMPORTED.hotStones]: 'tag:blogger.com,1999:blog-9400.post-9401',
  [IMPORTED.wentWrong]: 'tag:blogger.com,1999:blog-9400.post-9402',
};

/** Newest first, as every list and feed must order them (the imported posts are from 2021). */
export const PUBLISHED_NEWEST_FIRST = [
  PUBLISHED.immune,
  PUBLISHED.reflexology,
  PUBLISHED.srcsetCommas,
  PUBLISHED.deskMassage,
  PUBLISHED.shoulderRolls,
  PUBLISHED.shepherdsBush,
  PUBLISHED.canadaWater,
  OTHER_LANGUAGES.chinese,
  OTHER_LANGUAGES.japanese,
  OTHER_LANGUAGES.arabic,
  IMPORTED.wentWrong,
  IMPORTED.hotStones,
  PUBLISHED.cardLongWord,
  PUBLISHED.cardArabic,
  PUBLISHED.cardChinese,
];
