import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseContentDate } from '../../src/lib/dates.ts';
import { SITE as SITE_CONFIG } from '../../src/site.config.ts';
import { TEST_CONTENT, TEST_DIST } from '../paths.ts';
import { htmlFileFor, isRedirectPage, listDistFiles, PUBLISHED, readDist } from './dist.ts';

const SITE = 'https://massage-wellness.example';
const XSD = fileURLToPath(new URL('../../node_modules/sitemap/schema/sitemap.xsd', import.meta.url));
const parser = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });
const urls: { loc: string; lastmod?: string }[] = parser.parse(readDist('sitemap-0.xml')).urlset.url;

/** A post's frontmatter as written in its file (folder/index.md(x) or slug.md(x)), dates as written. */
function frontmatterOf(slug: string): { pubDate: unknown; updatedDate?: unknown } {
  const candidates = ['index.md', 'index.mdx'].map((name) => join(TEST_CONTENT, 'posts', slug, name));
  candidates.push(join(TEST_CONTENT, 'posts', `${slug}.md`), join(TEST_CONTENT, 'posts', `${slug}.mdx`));
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(candidates.find(existsSync)!, 'utf8'))!;
  return parseYaml(match[1]!) as { pubDate: unknown; updatedDate?: unknown };
}

describe('the sitemap', () => {
  test('validates against the sitemaps.org schema', () => {
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, join(TEST_DIST, 'sitemap-0.xml')], {
      encoding: 'utf8',
    });
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  test('is listed by the sitemap index', () => {
    const index = parser.parse(readDist('sitemap-index.xml')).sitemapindex.sitemap;
    expect(index.map((entry: { loc: string }) => entry.loc)).toEqual([`${SITE}/sitemap-0.xml`]);
  });

  test('lists every page of the build and nothing that does not exist', () => {
    const htmlPages = listDistFiles().filter((file) => file.endsWith('index.html') && !isRedirectPage(file));
    expect(urls.length).toBe(htmlPages.length);
    for (const { loc } of urls) {
      expect(loc.startsWith(`${SITE}/`)).toBe(true);
      // Addresses in other scripts (a tag such as استرخاء) are percent-encoded in the sitemap.
      expect(existsSync(join(TEST_DIST, htmlFileFor(decodeURIComponent(new URL(loc).pathname)))), loc).toBe(true);
    }
    expect(urls.some(({ loc }) => loc.includes('404'))).toBe(false);
  });

  test('gives each post a lastmod equal to the updated or published date its file states', () => {
    for (const slug of Object.values(PUBLISHED)) {
      const entry = urls.find(({ loc }) => loc === `${SITE}/posts/${slug}/`);
      // From the post's file, not from the page the sitemap read it from, so the two cannot agree by construction.
      const { pubDate, updatedDate } = frontmatterOf(slug);
      const expected = parseContentDate(updatedDate ?? pubDate, SITE_CONFIG.timeZone);
      expect(expected, slug).not.toBeNull();
      expect(entry?.lastmod, slug).toBe(expected!.toISOString());
    }
  });
});
