import { readFileSync } from 'node:fs';
import { TEST_DIST } from '../paths.ts';

/** Every page of the test site: the sitemap's URLs, as paths, plus the 404 page. */
export function getSitePaths(): string[] {
  const sitemap = readFileSync(`${TEST_DIST}sitemap-0.xml`, 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  return [...paths, '/404.html'];
}

export const REFLEXOLOGY = '/posts/comprehensive-overview-of-reflexology-massage/';
export const IMMUNE = '/posts/how-massage-therapy-may-enhance-your-immune-system/';
export const CANADA_WATER = '/posts/valentina-mobile-massage-canada-water-review/';

/** The posts of the Blogger blog the test site imports (tests/fixtures/blogger/images-feed.atom). */
export const IMPORTED_POSTS = ['/posts/hot-stones-at-home/', '/posts/what-went-wrong/'];

/**
 * Marks a test whose outcome cannot depend on the window's size (what a search index holds): the phone project skips it, and the desktop project runs it once.
 */
export const ANY_VIEWPORT = { tag: '@any-viewport' };
