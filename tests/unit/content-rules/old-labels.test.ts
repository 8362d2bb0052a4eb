import { describe, expect, test } from 'vitest';
import { oldLabels } from '../../../src/lib/content-rules/old-labels.ts';
import { post, run } from './helpers.ts';

describe('old-labels', () => {
  test('an old label leading to one of the post’s tags (in any capitals) is fine', () => {
    const fields =
      'tags: [Self-care, "— (em dash)"]\noldLabels: { "self care": Self-care, "SELF CARE": self-care, "—": "— (em dash)" }';
    expect(run(oldLabels, { posts: [post('a.md', fields)] })).toEqual([]);
  });

  test('an old label leading to a tag the post does not have is refused at its line, with the tags to choose from', () => {
    const fields = 'tags:\n  - Selfcare\noldLabels:\n  self care: Self-care';
    expect(run(oldLabels, { posts: [post('a.md', fields)] })).toEqual([
      'content/posts/a.md:10: oldLabels: the old label "self care" leads to the tag "Self-care", which this post does not have (its tags: "Selfcare"); write one of its tags there, or remove the line',
    ]);
  });
});
