import { describe, expect, test } from 'vitest';
import { checkCommentPost, commentPost } from '../../../src/lib/content-rules/comment-post.ts';
import { comment, post, run } from './helpers.ts';

describe('comment-post', () => {
  test('a comment filed under a missing post is an error naming the folder', () => {
    expect(run(commentPost, { posts: [post('a.md')], comments: [comment('ghost/01.md')] })).toEqual([
      'content/comments/ghost/01.md: this comment is filed under "ghost", but there is no post with that slug; move it to content/comments/<post-slug>/ of an existing post or delete it',
    ]);
  });

  test('a comment under a draft waits with it', () => {
    expect(run(commentPost, { posts: [post('a.md', 'draft: true')], comments: [comment('a/01.md')] })).toEqual([]);
  });

  test('checkCommentPost, which data/comments.ts applies, passes a comment under an existing post', () => {
    expect(checkCommentPost('content/comments/a/01.md', 'a', new Set(['a']))).toBeUndefined();
  });
});
