import { describe, expect, test } from 'vitest';
import { checkContent, formatProblem, type SourceFile } from '../../src/lib/content-check.ts';
import { contentInput } from './content-input.ts';

const file = (entry: string, text: string): SourceFile => ({ path: `content/posts/${entry}`, entry, text });
const post = (entry: string, frontmatter: string): SourceFile =>
  file(entry, `---\n${frontmatter.trim()}\n---\n\nSome text.\n`);
const ARTICLE = 'description: A summary.\npubDate: 2025-01-01\nauthor: editorial\nkind: article';
const check = (...posts: SourceFile[]) => checkContent(contentInput({ posts })).map(formatProblem);

describe('frontmatter slips that YAML reads differently from what was meant', () => {
  test('a " #" in a bare value would cut it short in silence: the field, the line and the quoted value', () => {
    expect(check(post('a.md', `title: Our #1 studio\n${ARTICLE}\ntags: [notes]`))).toEqual([
      'content/posts/a.md:2: title: YAML reads "#1 studio" as a comment and drops it, so the value is only "Our"; put the whole value in quotes: "Our #1 studio"',
    ]);
    expect(check(post('b.md', `title: Calm\n${ARTICLE}\ntags:\n  - massage\n  - calm #selfcare`))).toEqual([
      'content/posts/b.md:9: tags.1: YAML reads "#selfcare" as a comment and drops it, so the value is only "calm"; put the whole value in quotes: "calm #selfcare"',
    ]);
  });

  test('a note written as a comment (a space after "#") and a quoted value are left alone', () => {
    const review = `title: Calm\ndescription: A summary.\npubDate: 2025-01-01\nauthor: editorial\nkind: review
review:
  subject: Valentina # the therapist or business
  area: "Canada Water #SE16"
  city: London
  services: [Body massage]
  rating: 5 # a whole number from 1 to 5
  visitDate: 2024-03-09`;
    expect(check(post('c.md', review))).toEqual([]);
  });

  test('a colon in a bare value says to quote it, with the value quoted', () => {
    expect(check(post('d.md', `title: Massage: what to expect\n${ARTICLE}`))).toEqual([
      'content/posts/d.md:2: title: a value with ": " in it must be in quotes; write title: "Massage: what to expect"',
    ]);
  });

  test('a field with no space after its colon names the field and the line as meant, not a YAML error', () => {
    expect(check(post('j.md', `title:A calm studio\n${ARTICLE}\ntags: [notes]`))).toEqual([
      'content/posts/j.md:2: title: a field needs a space after its colon, so "title:A calm studio" is not read as the field; write title: A calm studio',
    ]);
    // The last field, a list, a value that also needs quotes, and two slips: each on its own line.
    expect(check(post('k.md', `title: Calm\n${ARTICLE}\ntags:[notes]`))).toEqual([
      'content/posts/k.md:7: tags: a field needs a space after its colon, so "tags:[notes]" is not read as the field; write tags: [notes]',
    ]);
    expect(check(post('l.md', `title:Massage: what to expect\n${ARTICLE}\nauthor:editorial`))).toEqual([
      'content/posts/l.md:2: title: a field needs a space after its colon, so "title:Massage: what to expect" is not read as the field; write title: "Massage: what to expect"',
      'content/posts/l.md:7: author: a field needs a space after its colon, so "author:editorial" is not read as the field; write author: editorial',
    ]);
  });

  test('a full-width colon, as Chinese and Japanese keyboards type it, or a space before the colon only, is named', () => {
    expect(check(post('o.md', `title：按摩入门\n${ARTICLE}\ntags： [按摩]`))).toEqual([
      'content/posts/o.md:2: title: the colon after a field\'s name must be an ordinary ":" (not the full-width "："), with a space after it, so "title：按摩入门" is not read as the field; write title: 按摩入门',
      'content/posts/o.md:7: tags: the colon after a field\'s name must be an ordinary ":" (not the full-width "："), with a space after it, so "tags： [按摩]" is not read as the field; write tags: [按摩]',
    ]);
    expect(check(post('p.md', `title :Calm\n${ARTICLE}\ntags: [notes]`))).toEqual([
      'content/posts/p.md:2: title: a field needs a space after its colon, so "title :Calm" is not read as the field; write title: Calm',
    ]);
    // A full-width colon inside a value is text.
    expect(check(post('q.md', `title: 时间：下午\n${ARTICLE}\ntags: [notes]`))).toEqual([]);
  });

  test('a nested field with no space, which YAML would read as text without an error, is named too', () => {
    const review = `title: Calm\ndescription: A summary.\npubDate: 2025-01-01\nauthor: editorial\nkind: review
review:
  subject: Valentina
  area: Canada Water
  city: London
  services: [Body massage]
  rating:5
  visitDate: 2024-03-09`;
    expect(check(post('m.md', review))).toContainEqual(
      'content/posts/m.md:12: rating: a field needs a space after its colon, so "rating:5" is not read as the field; write rating: 5',
    );
  });

  test('text with a colon and no space is left alone where it is text: a list item, a block, a long value, a URL', () => {
    const text = `title: Calm\n${ARTICLE}\ntags:\n  - C:Drive\nextra:\n  note: >\n    Note:this is text\n  more: a value that runs\n    over:two lines\n  site:\n    https://calm-hands.co.uk/`;
    expect(check(post('n.md', text))).toEqual([]);
  });

  test('a missing, unclosed or misspelt "---" is named, not reported as a missing "kind"', () => {
    expect(check(file('e.md', `---\ntitle: Calm\n${ARTICLE}\n\nSome text.\n`))).toEqual([
      'content/posts/e.md:1: the frontmatter opened by "---" on line 1 is never closed; add a line "---" after its last field',
    ]);
    expect(check(file('f.md', `---\ntitle: Calm\n${ARTICLE}\n----\n\nSome text.\n`))).toEqual([
      'content/posts/f.md:7: "----" does not end the frontmatter: only a line of exactly "---" does; write --- here',
    ]);
    expect(check(file('g.md', ''), file('h.md', 'Just some text.\n'))).toEqual([
      'content/posts/g.md:1: the file has no frontmatter; it must start with a line "---", then its fields (one "name: value" a line), then a line "---"',
      'content/posts/h.md:1: the file has no frontmatter; it must start with a line "---", then its fields (one "name: value" a line), then a line "---"',
    ]);
  });

  test('a tag or title YAML reads as a number or true/false says to quote it', () => {
    expect(check(post('i.md', `title: 1984\n${ARTICLE}\ntags: [2024, true, ~]`))).toEqual([
      'content/posts/i.md:2: title: YAML reads 1984 as a number, not as text; put it in quotes: "1984"',
      'content/posts/i.md:7: tags.0: YAML reads 2024 as a number, not as text; put it in quotes: "2024"',
      'content/posts/i.md:7: tags.1: YAML reads true as a true/false value, not as text; put it in quotes: "true"',
      'content/posts/i.md:7: tags.2: is an empty item; write its text, or remove it',
    ]);
  });
});
