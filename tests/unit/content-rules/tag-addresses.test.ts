import { describe, expect, test } from 'vitest';
import { tagAddresses } from '../../../src/lib/content-rules/tag-addresses.ts';
import { post, run } from './helpers.ts';

describe('tag-addresses', () => {
  test('a tag with nothing to make an address from is refused at its line', () => {
    expect(run(tagAddresses, { posts: [post('a.md', 'tags: [calm, "—"]')] })).toEqual([
      'content/posts/a.md:7: tags: "—" cannot be used as a tag: it has no letter, digit, symbol or emoji to make its address from (dashes, brackets, slashes and bars such as / | \\ only separate the words of an address); write it as a word (e.g. "notes") or remove it',
    ]);
  });

  test('a bar, a slash or a backslash alone is refused too, the message saying that such marks only separate words', () => {
    const lines = run(tagAddresses, { posts: [post('a.md', 'tags: ["|", "/", "\\\\"]')] });
    expect(lines.map((line) => line.split(' cannot be used')[0])).toEqual([
      'content/posts/a.md:7: tags: "|"',
      'content/posts/a.md:7: tags: "/"',
      'content/posts/a.md:7: tags: "\\\\"', // quoted as JSON quotes it
    ]);
    for (const line of lines)
      expect(line).toContain('slashes and bars such as / | \\ only separate the words of an address');
  });

  test('a tag of invisible characters alone (a direction mark, a joiner, a variation selector) is refused at its line, naming them, never dropped in silence', () => {
    expect(
      run(tagAddresses, { posts: [post('a.md', 'tags: [calm, "\\u200F", "\\u200D", "\\u202E\\uFE0F"]')] }),
    ).toEqual([
      'content/posts/a.md:7: tags: a tag holds only characters no one can see (U+200F); write it as a word (e.g. "notes") or remove it',
      'content/posts/a.md:7: tags: a tag holds only characters no one can see (U+200D); write it as a word (e.g. "notes") or remove it',
      'content/posts/a.md:7: tags: a tag holds only characters no one can see (U+202E U+FE0F); write it as a word (e.g. "notes") or remove it',
    ]);
    // A tag with a direction mark beside its word is that word.
    expect(run(tagAddresses, { posts: [post('a.md', 'tags: ["\\u200Fspa"]')] })).toEqual([]);
  });

  test('two different tags that would share an address are one problem, reported once', () => {
    const lines = run(tagAddresses, { posts: [post('a.md', 'tags: [C++]'), post('b.md', 'tags: [C plus plus]')] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'content/posts/b.md:7: tags: "C plus plus" and "C++" (content/posts/a.md:7) would both have the address /tags/c-plus-plus/',
    );
  });

  test('a clash is reported once at the spelling used least, naming every place of the others', () => {
    const twice = [post('a.md', 'tags: [self-care, self care]'), post('b.md', 'tags: [self care]')];
    expect(run(tagAddresses, { posts: twice })).toEqual([
      'content/posts/a.md:7: tags: "self-care" and "self care" (content/posts/a.md:7, content/posts/b.md:7) would both have the address /tags/self-care/, but they are different tags (only capitals, spacing and Unicode forms are ignored when tags are matched); write them the same way if they are one tag, or change one so that their addresses differ',
    ]);
  });

  test('three tags with one address are one problem, at the one used least', () => {
    const posts = [
      post('a.md', 'tags: [self-care, self care]'),
      post('b.md', 'tags: [self care]'),
      post('c.md', 'tags: [Self Care]'),
      post('d.md', 'tags: [self_care]'),
    ];
    expect(run(tagAddresses, { posts })).toEqual([
      'content/posts/d.md:7: tags: "self_care", "self-care" (content/posts/a.md:7) and "self care" (content/posts/a.md:7, content/posts/b.md:7, content/posts/c.md:7) would all have the address /tags/self-care/, but they are different tags (only capitals, spacing and Unicode forms are ignored when tags are matched); write them the same way if they are one tag, or change one so that their addresses differ',
    ]);
  });

  test('the same tag written in other capitals is one tag', () => {
    expect(run(tagAddresses, { posts: [post('a.md', 'tags: [London]'), post('b.md', 'tags: [london]')] })).toEqual([]);
  });
});
