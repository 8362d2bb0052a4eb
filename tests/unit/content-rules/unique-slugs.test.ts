import { describe, expect, test } from 'vitest';
import { uniqueSlugs } from '../../../src/lib/content-rules/unique-slugs.ts';
import { post, run } from './helpers.ts';

describe('unique-slugs', () => {
  test('a file and a slug that would share an address are both reported', () => {
    expect(run(uniqueSlugs, { posts: [post('calm.md'), post('other.md', 'slug: calm')] })).toEqual([
      'content/posts/calm.md:1: has the same slug "calm" as content/posts/other.md; rename one of the files or set a different slug:',
      'content/posts/other.md:7: has the same slug "calm" as content/posts/calm.md; rename one of the files or set a different slug:',
    ]);
  });

  test('different slugs are fine', () => {
    expect(run(uniqueSlugs, { posts: [post('a.md'), post('b/index.md')] })).toEqual([]);
  });
});
