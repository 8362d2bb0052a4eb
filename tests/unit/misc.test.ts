import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { groupByYearAndMonth } from '../../src/lib/archive.ts';
import { absolutizeHtmlUrls } from '../../src/lib/html.ts';
import { paginateItems } from '../../src/lib/pagination.ts';
import { isPostVisible, sortNewestFirst } from '../../src/lib/visibility.ts';
import { escapeXml } from '../../src/lib/xml.ts';
import {
  auditPageScripts,
  CONTENT_TYPES,
  getSecurityHeaders,
  renderHeadersFile,
  renderNginxServer,
} from '../../src/lib/security-headers.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

describe('isPostVisible', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const prod = { now, includeUnpublished: false };

  test('shows a published post dated in the past', () => {
    expect(isPostVisible({ draft: false, pubDate: new Date('2025-05-01') }, prod)).toBe(true);
  });

  test('hides drafts and future posts in production', () => {
    expect(isPostVisible({ draft: true, pubDate: new Date('2025-05-01') }, prod)).toBe(false);
    expect(isPostVisible({ draft: false, pubDate: new Date('2025-06-01T12:00:01Z') }, prod)).toBe(false);
  });

  test('shows both in dev, for the editor to preview', () => {
    expect(isPostVisible({ draft: true, pubDate: new Date('2999-01-01') }, { now, includeUnpublished: true })).toBe(
      true,
    );
  });

  test('sortNewestFirst orders by date, then slug', () => {
    const sorted = sortNewestFirst([
      { slug: 'b', pubDate: new Date('2025-01-01') },
      { slug: 'c', pubDate: new Date('2025-03-01') },
      { slug: 'a', pubDate: new Date('2025-01-01') },
    ]);
    expect(sorted.map((p) => p.slug)).toEqual(['c', 'a', 'b']);
  });
});

describe('paginateItems', () => {
  test('splits into pages and reports the last page', () => {
    const pages = paginateItems([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.every((p) => p.lastPage === 3)).toBe(true);
  });

  test('always has one page, even with nothing to show', () => {
    expect(paginateItems([], 10)).toEqual([{ items: [], currentPage: 1, lastPage: 1 }]);
  });
});

describe('groupByYearAndMonth', () => {
  test('groups by the month in the site zone, not UTC', () => {
    const posts = [
      { pubDate: new Date('2025-05-31T23:30:00Z') }, // 1 June in London
      { pubDate: new Date('2025-05-10T12:00:00Z') },
      { pubDate: new Date('2024-12-01T12:00:00Z') },
    ];
    const years = groupByYearAndMonth(posts, 'Europe/London');
    expect(years.map((y) => [y.year, y.months.map((m) => [m.month, m.posts.length])])).toEqual([
      [
        2025,
        [
          [6, 1],
          [5, 1],
        ],
      ],
      [2024, [[12, 1]]],
    ]);
  });
});

describe('absolutizeHtmlUrls', () => {
  test('makes links, images and srcset absolute against the post URL', () => {
    const html = absolutizeHtmlUrls(
      '<a href="/about/">about</a> <a href="#s">s</a> <img src="/_astro/a.webp" srcset="/a-1.webp 1x, /a-2.webp 2x" alt=""> <a href="https://x.test/">x</a>',
      'https://blog.example/posts/p/',
    );
    expect(html).toContain('href="https://blog.example/about/"');
    expect(html).toContain('href="https://blog.example/posts/p/#s"');
    expect(html).toContain('src="https://blog.example/_astro/a.webp"');
    expect(html).toContain('srcset="https://blog.example/a-1.webp 1x, https://blog.example/a-2.webp 2x"');
    expect(html).toContain('href="https://x.test/"');
  });

  test('rewrites only the tags that change, keeping entities, quotes and everything else intact', () => {
    const html =
      '<p class="x">Tom &amp; Jerry <a href="/a/?x=1&amp;y=2" title="say &quot;hi&quot;">a</a><br/><img src="/i.png" alt="" /></p><!-- <a href="/no/"> -->';
    expect(absolutizeHtmlUrls(html, 'https://blog.example/posts/p/')).toBe(
      '<p class="x">Tom &amp; Jerry <a href="https://blog.example/a/?x=1&amp;y=2" title="say &quot;hi&quot;">a</a><br/><img src="https://blog.example/i.png" alt=""></p><!-- <a href="/no/"> -->',
    );
    const absolute = '<a href="https://x.test/">x</a><img src="https://x.test/i.png" srcset="https://x.test/i.png 1x">';
    expect(absolutizeHtmlUrls(absolute, 'https://blog.example/')).toBe(absolute);
  });
});

describe('escapeXml', () => {
  test('escapes markup characters and removes characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });
});

describe('auditPageScripts', () => {
  test('hashes inline scripts that run, and not data blocks or external scripts', () => {
    const { hashes } = auditPageScripts(
      '<script>a()</script><script type="module">b()</script><script type="application/ld+json">{}</script><script src="/x.js"></script>',
    );
    expect(hashes).toEqual(["'sha256-" + sha256('a()') + "'", "'sha256-" + sha256('b()') + "'"]);
  });

  test('is not fooled by script tags inside attribute values', () => {
    const { hashes } = auditPageScripts('<meta content="</script><script>alert(1)</script>"><script>ok()</script>');
    expect(hashes).toEqual(["'sha256-" + sha256('ok()') + "'"]);
  });

  test('finds inline event handlers', () => {
    expect(auditPageScripts('<p title="onclick=x">a</p><img src=x onerror="y()">').inlineHandlers).toEqual([
      '<img onerror>',
    ]);
  });
});

describe('security headers', () => {
  test('the CSP allows scripts only from the site and by hash, and forbids framing', () => {
    const csp = getSecurityHeaders(["'sha256-b'", "'sha256-a'", "'sha256-a'"])['Content-Security-Policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b';");
    // 'wasm-unsafe-eval' (search's WebAssembly) is allowed; inline script and eval are not.
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('_headers and the nginx block carry the same headers', () => {
    const headers = getSecurityHeaders(["'sha256-a'"]);
    const file = renderHeadersFile(headers);
    const nginx = renderNginxServer(headers, { root: '/srv/blog', port: 8080 });
    for (const [name, value] of Object.entries(headers)) {
      expect(file).toContain(`  ${name}: ${value}`);
      // The site, hashed assets, and each file served with its own type.
      expect(nginx.match(new RegExp(`add_header ${name} "`, 'g'))).toHaveLength(2 + Object.keys(CONTENT_TYPES).length);
    }
    expect(file).toContain('/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    expect(nginx).toContain('add_header Cache-Control "public, max-age=31536000, immutable" always;');
  });

  test('the JSON Feed is served with its own type, in _headers and nginx', () => {
    const file = renderHeadersFile(getSecurityHeaders([]));
    const nginx = renderNginxServer(getSecurityHeaders([]), { root: '/srv/blog', port: 8080 });
    expect(file).toContain('/feed.json\n  Content-Type: application/feed+json; charset=utf-8');
    expect(nginx).toMatch(/location = \/feed\.json \{[^}]*types \{ \}\s*default_type "application\/feed\+json";/);
    expect(file).not.toContain('xsl');
  });
});
