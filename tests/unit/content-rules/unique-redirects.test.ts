import { describe, expect, test } from 'vitest';
import { uniqueRedirects } from '../../../src/lib/content-rules/unique-redirects.ts';
import { post, run } from './helpers.ts';

describe('unique-redirects', () => {
  test('an old address claimed by two posts is reported once, in the second', () => {
    const from = 'redirectFrom: [/2019/05/calm.html]';
    expect(run(uniqueRedirects, { posts: [post('a.md', from), post('b.md', from)] })).toEqual([
      'content/posts/b.md: redirectFrom: the old address /2019/05/calm.html is claimed by content/posts/a.md and content/posts/b.md; keep it in one of them',
    ]);
  });

  test('different old addresses are fine', () => {
    const posts = [post('a.md', 'redirectFrom: [/old-a/]'), post('b.md', 'redirectFrom: [/old-b/]')];
    expect(run(uniqueRedirects, { posts })).toEqual([]);
  });
});
