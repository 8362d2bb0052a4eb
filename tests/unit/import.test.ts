import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { BloggerImportError, parseBloggerExport, type BloggerExport } from '../../src/lib/blogger/parse.ts';
import { ALT_PLACEHOLDER, planImport, shortId, slugFromOldPath } from '../../src/lib/blogger/plan.ts';
import { mapPageViewsToPosts, parsePageViewsCsv } from '../../src/lib/pageviews.ts';
import {
  getRedirectFilePath,
  mergeRedirects,
  renderRedirectPage,
  renderRedirectsFile,
} from '../../src/lib/redirects.ts';

const feed = (entries: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">${entries}</feed>`;
const post = (id: string, filename: string, title = 'A title') =>
  `<entry><id>tag:blogger.com,1999:blog-1.post-${id}</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><title>${title}</title><content type="html">&lt;p&gt;Text&lt;/p&gt;</content><published>2023-01-01T00:00:00Z</published><blogger:filename>${filename}</blogger:filename></entry>`;
const options = {
  takenPostSlugs: new Set<string>(),
  takenPageSlugs: new Set<string>(),
  existingAuthors: new Set<string>(),
};

describe('parseBloggerExport', () => {
  test('recognises the Takeout format', () => {
    const exported = parseBloggerExport(feed(post('1', '/2023/01/a.html')));
    expect(exported.format).toBe('takeout');
    expect(exported.items[0]).toMatchObject({ kind: 'post', oldPath: '/2023/01/a.html', draft: false });
  });

  test('throws BloggerImportError, never a parser’s own error, for bad XML', () => {
    expect(() => parseBloggerExport('<feed')).toThrow(BloggerImportError);
    expect(() => parseBloggerExport('')).toThrow(BloggerImportError);
  });
});

describe('planning an import', () => {
  test('slugs come from the old file name, and a clash gets a number and a warning', () => {
    const exported = parseBloggerExport(feed(post('1', '/2023/01/same.html') + post('2', '/2024/02/same.html')));
    const plan = planImport(exported, { ...options, takenPostSlugs: new Set(['other']) });
    expect(plan.files.filter((f) => f.path.startsWith('posts/')).map((f) => f.path)).toEqual([
      'posts/same/index.md',
      'posts/same-2/index.md',
    ]);
    expect(plan.warnings).toEqual([
      '"A title" (/2024/02/same.html) is imported as "same-2", because "same" was already taken',
    ]);
  });

  test('a slug taken by existing content is not reused', () => {
    const exported = parseBloggerExport(feed(post('1', '/2023/01/about-massage.html')));
    const plan = planImport(exported, { ...options, takenPostSlugs: new Set(['about-massage']) });
    expect(plan.files[1]!.path).toBe('posts/about-massage-2/index.md');
  });

  test('an image without a description gets the placeholder the build asks about', () => {
    const exported: BloggerExport = {
      ...parseBloggerExport(feed(post('1', '/2023/01/a.html'))),
    };
    exported.items[0]!.html = '<p>Hi</p><img src="https://x.test/a.jpg">';
    const plan = planImport(exported, options);
    expect(plan.files.find((f) => f.path === 'posts/a/index.md')!.text).toContain(
      `![${ALT_PLACEHOLDER}](https://x.test/a.jpg)`,
    );
  });

  test('helpers read Blogger ids and addresses', () => {
    expect(shortId('tag:blogger.com,1999:blog-123.post-456')).toBe('456');
    expect(slugFromOldPath('/2023/05/R%C3%A9flexologie-Guide.html')).toBe('reflexologie-guide');
  });
});

describe('htmlToMarkdown', () => {
  test('keeps a table with merged cells as HTML rather than losing its shape', () => {
    const { markdown } = htmlToMarkdown(
      '<table><tr><td colspan="2">Both</td></tr><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(markdown).toContain('<td colspan="2">Both</td>');
  });

  test('drops scripts but keeps the text around them', () => {
    expect(htmlToMarkdown('<p>Before</p><script>alert(1)</script><p>After</p>').markdown).toBe('Before\n\nAfter\n');
  });
});

describe('redirects', () => {
  test('the first claim on an address wins, and a real page is never redirected', () => {
    expect(
      mergeRedirects(
        [
          [{ from: '/a.html', to: '/posts/a/' }],
          [
            { from: '/a.html', to: '/elsewhere/' },
            { from: '/posts/a/', to: '/x/' },
          ],
        ],
        new Set(['/posts/a/']),
      ),
    ).toEqual([{ from: '/a.html', to: '/posts/a/' }]);
  });

  test('a file address keeps its name; a folder address gets index.html', () => {
    expect(getRedirectFilePath('/2023/05/a.html')).toBe('2023/05/a.html');
    expect(getRedirectFilePath('/search/label/Mobile Massage')).toBe('search/label/Mobile Massage/index.html');
    expect(getRedirectFilePath('/2023/')).toBe('2023/index.html');
  });

  test('the redirect page and _redirects are escaped and encoded', () => {
    expect(renderRedirectPage('https://x.test/a?b=1&c="2"', 'en-GB')).toContain(
      '<meta http-equiv="refresh" content="0; url=https://x.test/a?b=1&amp;c=&quot;2&quot;">',
    );
    expect(renderRedirectsFile([{ from: '/search/label/Réflexologie', to: '/tags/réflexologie/' }])).toBe(
      '/search/label/R%C3%A9flexologie /tags/r%C3%A9flexologie/ 301\n',
    );
  });
});

describe('page-view exports', () => {
  test('reads Universal Analytics style columns and thousands separators', () => {
    const { rows } = parsePageViewsCsv('Page,Pageviews,Unique Pageviews\n/a.html,"1,234",900\n/b/,"12 345",1\n');
    expect(rows).toEqual([
      { path: '/a.html', views: 1234 },
      { path: '/b/', views: 12345 },
    ]);
  });

  test('says which columns it needs when it finds none', () => {
    expect(() => parsePageViewsCsv('Date,Sessions\n2024-01-01,5\n')).toThrow(/no column of pages and views was found/);
  });

  test('sums a post’s old and new addresses and reports the rest', () => {
    const addresses = new Map([
      ['/a.html', '/posts/a/'],
      ['/posts/a/', '/posts/a/'],
    ]);
    expect(
      mapPageViewsToPosts(
        [
          { path: 'https://old.blogspot.com/a.html?m=1', views: 3 },
          { path: '/posts/a', views: 2 },
          { path: '/', views: 9 },
        ],
        addresses,
      ),
    ).toEqual({ snapshot: { '/posts/a/': 5 }, unmatched: [{ path: '/', views: 9 }] });
  });
});
