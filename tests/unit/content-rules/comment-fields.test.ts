import { describe, expect, test } from 'vitest';
import { commentFields } from '../../../src/lib/content-rules/comment-fields.ts';
import { comment, post, run } from './helpers.ts';

describe('comment-fields', () => {
  test('a comment without an author says so at the field', () => {
    expect(run(commentFields, { posts: [post('a.md')], comments: [comment('a/01.md', 'date: 2025-01-02')] })).toEqual([
      'content/comments/a/01.md:1: author: missing; a comment needs "author"',
    ]);
  });

  test('a misspelt field is named', () => {
    const comments = [comment('a/01.md', 'author: Zoë\ndate: 2025-01-02\nwebsit: https://zoe.example.net')];
    expect(run(commentFields, { posts: [post('a.md')], comments })[0]).toMatch(
      /^content\/comments\/a\/01\.md:4: websit: not a field of a comment; did you mean "website"\?/,
    );
  });
});
