import { describe, expect, test } from 'vitest';
import { tagAddresses } from '../../../src/lib/content-rules/tag-addresses.ts';
import { post, run } from './helpers.ts';

describe('tag-addresses', () => {
  test('a tag with nothing to make an address from is refused at its line', () => {
    expect(run(tagAddresses, { posts: [post('a.md', 'tags: [calm, "—"]')] })).toEqual([
      'content/posts/a.md:7: tags: "—" cannot be used as a tag: it has no letter, digit, symbol or emoji to make its address from; write it as a word (e.g. "notes") or remove it',
    ]);
  });

  test('two different tags that would share an address are reported in each post', () => {
    const lines = run(tagAddresses, { posts: [post('a.md', 'tags: [C++]'), post('b.md', 'tags: [C plus plus]')] });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(
      '"C++" and "C plus plus" (content/posts/b.md:7) would both have the address /tags/c-plus-plus/',
    );
  });

  test('the same tag written in other capitals is one tag', () => {
    expect(run(tagAddresses, { posts: [post('a.md', 'tags: [London]'), post('b.md', 'tags: [london]')] })).toEqual([]);
  });
});
