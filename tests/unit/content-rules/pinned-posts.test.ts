import { describe, expect, test } from 'vitest';
import { checkPinnedPosts, pinnedPosts } from '../../../src/lib/content-rules/pinned-posts.ts';
import { post, run } from './helpers.ts';

describe('pinned-posts', () => {
  test('a pinned slug that is no post is an error in the settings', () => {
    expect(run(pinnedPosts, { posts: [post('a.md')], pinned: ['a', 'ghost'] })).toEqual([
      'src/site.config.ts: popularPosts.pinned: "ghost" is not a published post; use the slug of a post in content/posts/ or remove it',
    ]);
  });

  test('a pinned draft is not a published post', () => {
    expect(run(pinnedPosts, { posts: [post('a.md', 'draft: true')], pinned: ['a'] })).toHaveLength(1);
  });

  test('checkPinnedPosts, which data/popular.ts applies, gives one problem per missing slug', () => {
    expect(checkPinnedPosts(['a', 'x', 'y'], new Set(['a'])).map((problem) => problem.message)).toEqual([
      '"x" is not a published post; use the slug of a post in content/posts/ or remove it',
      '"y" is not a published post; use the slug of a post in content/posts/ or remove it',
    ]);
  });
});
