import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { TEST_DIST } from '../paths.ts';
import { htmlFileFor, isRedirectPage, listDistFiles, loadPage, PUBLISHED, readDist } from './dist.ts';

const SITE = 'https://massage-wellness.example';
const XSD = fileURLToPath(new URL('../../node_modules/sitemap/schema/sitemap.xsd', import.meta.url));
const parser = new XMLParser({ isArray: (name) => ['url', 'sitemap'].includes(name) });
const urls: { loc: string; lastmod?: string }[] = parser.parse(readDist('sitemap-0.xml')).urlset.url;

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

  test('gives each post a lastmod equal to its updated or published date', () => {
    for (const slug of Object.values(PUBLISHED)) {
      const entry = urls.find(({ loc }) => loc === `${SITE}/posts/${slug}/`);
      const modified = loadPage(`/posts/${slug}/`).one('meta[property="article:modified_time"]')?.properties.content;
      expect(entry?.lastmod).toBeDefined();
      expect(entry?.lastmod).toBe(modified);
    }
  });
});
