import { describe, expect, test } from 'vitest';
import { commentReply, describeMissingReply } from '../../../src/lib/content-rules/comment-reply.ts';
import { threadComments } from '../../../src/lib/comments.ts';
import { comment, post, run } from './helpers.ts';

describe('comment-reply', () => {
  test('a replyTo that names no comment of the post is an error at its line', () => {
    const comments = [comment('a/01.md'), comment('a/02.md', 'author: Bo\ndate: 2025-01-03\nreplyTo: "99"')];
    expect(run(commentReply, { posts: [post('a.md')], comments })).toEqual([
      'content/comments/a/02.md:4: replyTo: "99" is not a comment on this post; use the file name (without .md) of a comment in content/comments/a/',
    ]);
  });

  test('a reply to a comment of another post is refused too', () => {
    const comments = [comment('b/01.md'), comment('a/02.md', 'author: Bo\ndate: 2025-01-03\nreplyTo: "01"')];
    expect(run(commentReply, { posts: [post('a.md'), post('b.md')], comments })).toHaveLength(1);
  });

  test('threadComments refuses the same reply with the same words', () => {
    expect(() => threadComments([{ id: 'x', date: new Date(0), replyTo: 'ghost' }], 'a')).toThrow(
      describeMissingReply('ghost', 'a'),
    );
  });
});
