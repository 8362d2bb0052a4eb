import { describe, expect, test } from 'vitest';
import { postAuthor } from '../../../src/lib/content-rules/post-author.ts';
import { post, run } from './helpers.ts';

describe('post-author', () => {
  test('an author with a file in content/authors/ is accepted', () => {
    expect(run(postAuthor, { posts: [post('a.md')] })).toEqual([]);
  });

  test('an unknown author is named with the authors there are', () => {
    expect(run(postAuthor, { posts: [post('a.md', 'author: editorail')], authorIds: ['editorial', 'ann'] })).toEqual([
      'content/posts/a.md:5: author: "editorail" is not an author; use one of "editorial", "ann" (files in content/authors/)',
    ]);
  });
});
