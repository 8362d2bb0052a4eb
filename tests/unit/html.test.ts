import { describe, expect, test } from 'vitest';
import { absolutizeHtmlUrls } from '../../src/lib/html.ts';

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
