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

  test('fixed routes, pages and tags that exist are fine', () => {
    const posts = [post('a.md', 'tags: [calm]', '[a](/archive/) [b](/about/) [c](/tags/calm/2/)')];
    expect(run(internalLinks, { posts, pageIds: ['about'], staticPaths: new Set(['/archive/']) })).toEqual([]);
  });
});
