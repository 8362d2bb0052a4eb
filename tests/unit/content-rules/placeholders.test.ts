import { describe, expect, test } from 'vitest';
import { placeholders } from '../../../src/lib/content-rules/placeholders.ts';
import { post, run } from './helpers.ts';

describe('placeholders', () => {
  test('a TODO value in a published post is an error at its line', () => {
    expect(run(placeholders, { posts: [post('a.md', 'description: TODO say what it is about')] })).toEqual([
      'content/posts/a.md:3: description: still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
    ]);
  });

  test('the template body of a new post is named as such', () => {
    expect(run(placeholders, { posts: [post('a.md', '', 'TODO: write the post here.')] })).toEqual([
      'content/posts/a.md:9: the text is still the placeholder of a new post; write the post before publishing (or keep draft: true)',
    ]);
  });

  test('a draft may keep its placeholders', () => {
    expect(run(placeholders, { posts: [post('a.md', 'draft: true\ndescription: TODO', 'TODO later')] })).toEqual([]);
  });
});
