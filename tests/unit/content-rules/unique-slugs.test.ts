import { describe, expect, test } from 'vitest';
import { uniqueSlugs } from '../../../src/lib/content-rules/unique-slugs.ts';
import { post, run } from './helpers.ts';

describe('unique-slugs', () => {
  test('a file and a slug that would share an address are one problem, reported once at the slug', () => {
    expect(run(uniqueSlugs, { posts: [post('calm.md'), post('other.md', 'slug: calm')] })).toEqual([
      'content/posts/other.md:7: slug: "calm" is already the slug of content/posts/calm.md, so they would both be published at /posts/calm/; choose a different slug',
    ]);
    // The slug: field is where the clash is made, whichever file comes first.
    expect(run(uniqueSlugs, { posts: [post('a.md', 'slug: z'), post('z.md')] })).toEqual([
      'content/posts/a.md:7: slug: "z" is already the slug of content/posts/z.md, so they would both be published at /posts/z/; choose a different slug',
    ]);
  });

  test('three files with one address are one problem naming the other two', () => {
    expect(run(uniqueSlugs, { posts: [post('calm.md'), post('calm/index.md'), post('calm/index.mdx')] })).toEqual([
      'content/posts/calm/index.mdx:1: has the same slug "calm" as content/posts/calm.md and content/posts/calm/index.md, so they would all be published at /posts/calm/; rename one of the files, or give one of them a different "slug:" field',
    ]);
  });

  test('different slugs are fine', () => {
    expect(run(uniqueSlugs, { posts: [post('a.md'), post('b/index.md')] })).toEqual([]);
  });
});
