import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { resolveContentDir } from '../../src/lib/content-dir.ts';
import { CONTENT_TYPES, FIXED_ROUTES, MAIN_FEEDS, RSS_MEDIA_TYPE } from '../../src/lib/routes.ts';
import { renderHeadersFile, renderNginxServer } from '../../src/lib/security-headers.ts';

describe('the routes registry', () => {
  test('every main feed has its route in src/pages/ under its own path', () => {
    for (const feed of MAIN_FEEDS) {
      expect(existsSync(new URL(`../../src/pages${feed.path}.ts`, import.meta.url)), feed.path).toBe(true);
    }
  });

  test('every main feed is a fixed route, so posts may link to it', () => {
    for (const feed of MAIN_FEEDS) expect(FIXED_ROUTES).toContain(feed.path);
    expect(FIXED_ROUTES).toEqual(expect.arrayContaining(['/search/', '/feeds/', '/sitemap-index.xml']));
  });

  test('a feed whose extension gives the wrong type gets its own Content-Type in _headers and nginx', () => {
    expect(CONTENT_TYPES).toEqual({ '/feed.json': 'application/feed+json; charset=utf-8' });
    expect(renderHeadersFile({})).toContain('/feed.json\n  Content-Type: application/feed+json; charset=utf-8');
    const nginx = renderNginxServer({}, { root: '/srv/blog', port: 8080 });
    expect(nginx).toMatch(/location = \/feed\.json \{[\s\S]*?default_type "application\/feed\+json";/);
  });

  test('nginx compresses and declares the charset of every feed format', () => {
    const nginx = renderNginxServer({}, { root: '/srv/blog', port: 8080 });
    const gzip = /gzip_types ([^;]+);/.exec(nginx)![1]!.split(' ');
    const charset = /charset_types ([^;]+);/.exec(nginx)![1]!.split(' ');
    for (const type of [RSS_MEDIA_TYPE, ...MAIN_FEEDS.map((feed) => feed.mediaType)]) {
      expect(gzip).toContain(type);
      expect(charset).toContain(type);
    }
    expect(new Set(gzip).size).toBe(gzip.length);
  });
});

describe('resolveContentDir', () => {
  test('is content/ in the working folder when BLOG_CONTENT_DIR is unset or empty', () => {
    expect(resolveContentDir({}, '/srv/blog')).toBe('/srv/blog/content');
    expect(resolveContentDir({ BLOG_CONTENT_DIR: '  ' }, '/srv/blog')).toBe('/srv/blog/content');
  });

  test('reads a relative BLOG_CONTENT_DIR from the working folder and keeps an absolute one', () => {
    expect(resolveContentDir({ BLOG_CONTENT_DIR: 'tests/site/content' }, '/srv/blog')).toBe(
      '/srv/blog/tests/site/content',
    );
    expect(resolveContentDir({ BLOG_CONTENT_DIR: '/tmp/Blog mit Umlaut/content' }, '/srv/blog')).toBe(
      '/tmp/Blog mit Umlaut/content',
    );
  });
});
