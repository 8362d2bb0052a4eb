import { describe, expect, test } from 'vitest';
import { internalLinks } from '../../../src/lib/content-rules/internal-links.ts';
import { post, run } from './helpers.ts';

describe('internal-links', () => {
  test('a link to a missing post suggests the nearest slug', () => {
    const posts = [post('a.md', '', '[overview](/posts/reflexology/)'), post('comprehensive-reflexology.md')];
    expect(run(internalLinks, { posts })).toEqual([
      'content/posts/a.md:9: links to /posts/reflexology/, but there is no post "reflexology"; did you mean /posts/comprehensive-reflexology/?',
    ]);
  });

  test('a link to a post with a letter or two wrong suggests the post', () => {
    const posts = [
      post('a.md', '', '[r](/posts/valentina-massage-reveiw/) [o](/posts/comprehensive-overveiw/) [x](/posts/zzz/)'),
      post('valentina-massage-review.md'),
      post('comprehensive-overview.md'),
    ];
    expect(run(internalLinks, { posts })).toEqual([
      'content/posts/a.md:9: links to /posts/valentina-massage-reveiw/, but there is no post "valentina-massage-reveiw"; did you mean /posts/valentina-massage-review/?',
      'content/posts/a.md:9: links to /posts/comprehensive-overveiw/, but there is no post "comprehensive-overveiw"; did you mean /posts/comprehensive-overview/?',
      'content/posts/a.md:9: links to /posts/zzz/, but there is no post "zzz"; fix the address or remove the link',
    ]);
  });

  test('a link to a draft says it will not be published', () => {
    const posts = [post('a.md', '', '[soon](/posts/b/)'), post('b.md', 'draft: true')];
    expect(run(internalLinks, { posts })[0]).toContain('which is a draft and will not be published');
  });

  test('a tag written as its label points at its real address', () => {
    const posts = [post('a.md', 'tags: [C++]', '[C++ posts](/tags/C++/)')];
    expect(run(internalLinks, { posts })).toEqual([
      "content/posts/a.md:10: links to /tags/C++/, but that tag's page is at /tags/c-plus-plus/; link to that address instead",
    ]);
  });

  test('links written as HTML, in raw HTML or MDX, and link definitions are checked like Markdown links', () => {
    const body = [
      '<p>See <a href="/p/about.html">about us</a> and <a href="/posts/no-such-post/">this</a>.</p>',
      '',
      'A [reference link][old].',
      '',
      '[old]: /search/label/Nope',
    ].join('\n');
    const mdx = post('b.mdx', '', '<Callout>Read <a href="/tags/gone/">the old tag</a>.</Callout>');
    expect(
      run(internalLinks, { posts: [post('a.md', '', body), { ...mdx, entry: 'b.mdx', path: 'content/posts/b.mdx' }] }),
    ).toEqual([
      'content/posts/a.md:9: links to /p/about.html, which is not a page of this site; fix the address or remove the link (an address of the old blog: add it to "redirectFrom" of the post now there)',
      'content/posts/a.md:9: links to /posts/no-such-post/, but there is no post "no-such-post"; fix the address or remove the link',
      'content/posts/a.md:13: links to /search/label/Nope, which is not a page of this site; fix the address or remove the link (an address of the old blog: add it to "redirectFrom" of the post now there)',
      'content/posts/b.mdx:9: links to /tags/gone/, which is not a page of this site; fix the address or remove the link (an address of the old blog: add it to "redirectFrom" of the post now there)',
    ]);
    // The same HTML links to pages that exist are fine.
    const fine = post('c.md', 'tags: [calm]', '<a href="/tags/calm/">calm</a> <a href="/archive/">archive</a>');
    expect(run(internalLinks, { posts: [fine], staticPaths: new Set(['/archive/']) })).toEqual([]);
  });

  test('a mistyped address of this site suggests the nearest one; a far one says how to fix or redirect it', () => {
    const body =
      '[a](/archve/) [b](/abuot/) [c](/tags/calmm/) [d](/posts/b-post) [e](/nothing-like-it/) [f](/tags/lomdon/)';
    // Several tags, so that a tag's place in the list cannot pass for a page number (/tags/london/4/).
    const tags = 'tags: [calm, sleep, back pain, London]';
    const posts = [post('a.md', tags, body), post('b-post.md')];
    expect(run(internalLinks, { posts, pageIds: ['about'], staticPaths: new Set(['/archive/', '/search/']) })).toEqual([
      'content/posts/a.md:10: links to /archve/, which is not a page of this site; did you mean /archive/?',
      'content/posts/a.md:10: links to /abuot/, which is not a page of this site; did you mean /about/?',
      'content/posts/a.md:10: links to /tags/calmm/, which is not a page of this site; did you mean /tags/calm/?',
      'content/posts/a.md:10: links to /nothing-like-it/, which is not a page of this site; fix the address or remove the link (an address of the old blog: add it to "redirectFrom" of the post now there)',
      'content/posts/a.md:10: links to /tags/lomdon/, which is not a page of this site; did you mean /tags/london/?',
    ]);
  });

  test('fixed routes, pages and tags that exist are fine', () => {
    const posts = [post('a.md', 'tags: [calm]', '[a](/archive/) [b](/about/) [c](/tags/calm/2/)')];
    expect(run(internalLinks, { posts, pageIds: ['about'], staticPaths: new Set(['/archive/']) })).toEqual([]);
  });

  test('an imported post’s links to its blog’s old addresses are fine where the build redirects them, and only there', () => {
    const links = [
      '[older post](/2021/03/other_post.html)',
      '[all labels](/search/label/)',
      '[label](/search/label/Hot%20Stones)',
      '[old spelling](/search/label/hot-stones)',
      '[May](/2019_05_01_archive.html)',
      '[its week](/2019_04_28_archive.html)',
      '[its year](/2019/)',
      '[its month](/2019/05/)',
      '[the feed](/feeds/posts/default)',
      '[nothing that month](/2018_01_01_archive.html)',
      '[no such label](/search/label/Reiki)',
      '[no such post](/2021/03/gone.html)',
    ].join('\n\n');
    const posts = [
      post(
        'may-day/index.md',
        'pubDate: 2019-05-01T10:00:00+01:00\ntags: [Hot Stones]\noldLabels: { hot-stones: Hot Stones }\nfeedId: tag:blogger.com,1999:blog-1.post-2',
        links,
      ),
      post('other/index.md', 'redirectFrom: [/2021/03/other_post.html]'),
    ];
    const problems = run(internalLinks, { posts, timeZone: 'Europe/London' });
    expect(problems.map((line) => /links to (\S+),/.exec(line)?.[1])).toEqual([
      '/2018_01_01_archive.html',
      '/search/label/Reiki',
      '/2021/03/gone.html',
    ]);
  });
});
