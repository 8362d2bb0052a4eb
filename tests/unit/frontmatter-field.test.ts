import { describe, expect, test } from 'vitest';
import { addFrontmatterField, parseFrontmatter } from '../../src/lib/frontmatter.ts';

describe('adding one field to a file’s frontmatter (the importer marks the language of posts already there)', () => {
  test.each([
    ['a comment and a body with dashes', '---\ntitle: Calm\n# keep this note\n---\nSTRETCH----Hold\n---\n'],
    ['a block scalar last', '---\ndescription: |\n  Two lines,\n  kept.\n---\n\nText'],
    ['a list last, in quotes', '---\ntags:\n  - \'C#\'\n  - "Q&A"\n---\nText'],
    ['Windows line ends and a byte-order mark', '\uFEFF---\r\ntitle: Calm\r\n---\r\nText\r\n'],
    ['an empty frontmatter', '---\n---\nText'],
  ])('%s: every other byte stays, and the field reads back', (_name, text) => {
    const out = addFrontmatterField(text, 'lang', 'en-GB')!;
    expect(out).toBeDefined();
    const before = parseFrontmatter(text);
    const after = parseFrontmatter(out);
    expect(after.data).toEqual({ ...(before.data as object), lang: 'en-GB' });
    expect(after.body).toBe(before.body);
    expect(out.replace(/\r?\nlang: en-GB(?=\r?\n)/, '')).toBe(text);
  });

  test.each([
    ['no frontmatter', 'Just text'],
    ['the field already there', '---\nlang: ro\n---\nText'],
    ['a flow mapping', '---\n{ title: Calm }\n---\nText'],
    ['a syntax error', '---\ntitle: [unclosed\n---\nText'],
  ])('%s: nothing is written', (_name, text) => {
    expect(addFrontmatterField(text, 'lang', 'en-GB')).toBeUndefined();
  });
});
