import { describe, expect, test } from 'vitest';
import { checkContent } from '../../../src/lib/content-check.ts';
import { commentLinks } from '../../../src/lib/content-rules/comment-links.ts';
import { contentInput } from '../content-input.ts';
import { comment, post } from './helpers.ts';

describe('comment-links', () => {
  test("an unusable website or link is a notice: a reader's comment never stops the build", () => {
    const comments = [comment('a/01.md', 'author: Ann\ndate: 2025-01-02\nwebsite: http://', 'My [site](htp://ann)')];
    const problems = checkContent(contentInput({ posts: [post('a.md')], comments }), [commentLinks]);
    expect(problems.map((problem) => [problem.line, problem.field, problem.severity])).toEqual([
      [4, 'website', 'notice'],
      [7, undefined, 'notice'],
    ]);
    expect(problems[0]!.message).toContain('until then the comment is shown without it');
  });

  test('usable addresses are fine', () => {
    const comments = [comment('a/01.md', 'author: Ann\ndate: 2025-01-02\nwebsite: https://ann.example.net')];
    expect(checkContent(contentInput({ posts: [post('a.md')], comments }), [commentLinks])).toEqual([]);
  });
});
