import { describe, expect, test } from 'vitest';
import { postFields } from '../../../src/lib/content-rules/post-fields.ts';
import { post, run } from './helpers.ts';

describe('post-fields', () => {
  test('a valid article has no problem', () => {
    expect(run(postFields, { posts: [post('a.md')] })).toEqual([]);
  });

  test('a misspelt field is named with its line and the field it probably means', () => {
    expect(run(postFields, { posts: [post('a.md', 'drafts: true')] })).toEqual([
      'content/posts/a.md:7: drafts: not a field of a post; did you mean "draft"?',
    ]);
  });

  test.each([
    ['draft: ture', 'takes true or false, not "ture"; write "draft: true"'],
    ['draft: Flase', 'takes true or false, not "Flase"; write "draft: false"'],
    ['draft: yes', 'takes true or false, not "yes"; write "draft: true"'],
    ['draft: off', 'takes true or false, not "off"; write "draft: false"'],
    ['draft: 0', 'takes true or false, not 0; write "draft: false"'],
    ['draft: "true "', 'takes true or false, not "true "; write "draft: true"'],
    ['draft: "false"', 'takes true or false without quotes; write "draft: false"'],
    ["draft: 'True'", 'takes true or false without quotes; write "draft: true"'],
    ['draft:', 'is empty; write "draft: true" or "draft: false", or leave the line out'],
    ['draft: ""', 'is empty; write "draft: true" or "draft: false", or leave the line out'],
    [
      'altTextPending: maybe',
      'takes true or false, not "maybe"; write "altTextPending: true" or "altTextPending: false"',
    ],
    ['draft: 是', 'takes true or false, not "是"; write "draft: true" or "draft: false"'],
  ])('a true/false field written as %s says what it holds and what to write', (line, message) => {
    const field = line.split(':')[0];
    expect(run(postFields, { posts: [post('a.md', line)] })).toEqual([`content/posts/a.md:7: ${field}: ${message}`]);
  });

  test.each([
    ['title: [Hello, World]', 'title: takes one line of text, not a list; write it on one line: title: "Hello World"'],
    [
      'title: {en: Hello}',
      'title: takes one line of text, not fields ("key: value"); write it on one line, in quotes when it has ": ", "[" or "{": title: "…"',
    ],
    ['author: [editorial]', 'author: takes one line of text, not a list; write it on one line: author: "editorial"'],
    [
      'tags: [spa, [london]]',
      'tags.1: takes one line of text, not a list; write each tag as text in the one list, e.g. "london"',
    ],
    [
      'hero: ./hero.jpg',
      'hero: takes fields of its own, not text; write its fields on the lines under "hero:", indented by two spaces (see the README\'s example)',
    ],
    [
      'redirectFrom: /posts/old/',
      'redirectFrom: takes a list, not text; write one line per item under "redirectFrom:", each starting with "- " (see the README\'s example)',
    ],
  ])('a field holding another kind of value (%s) says what it takes and how to write it', (line, message) => {
    // The field's line: a field the template already has keeps its place (title on 2, author on 5).
    const at = { title: 2, author: 5 }[line.split(':')[0]!] ?? 7;
    expect(run(postFields, { posts: [post('a.md', line)] })).toEqual([`content/posts/a.md:${at}: ${message}`]);
  });

  test('a field written twice names the field and both lines, not only "Map keys must be unique"', () => {
    const twice = {
      path: 'content/posts/b.md',
      entry: 'b.md',
      text: '---\ntitle: A post\ndescription: x\npubDate: 2025-01-01\ntitle: Again\n---\n\nText.\n',
    };
    expect(run(postFields, { posts: [twice] })).toEqual([
      'content/posts/b.md:5: title: written twice (line 2 and here); a field can be written once, so keep the one you mean and remove the other',
    ]);
  });

  test('a line indented with a tab says to indent it with spaces, at its line', () => {
    const tabbed = {
      path: 'content/posts/c.md',
      entry: 'c.md',
      text: '---\ntitle: A post\ndescription: x\npubDate: 2025-01-01\ntags:\n\t- spa\n---\n\nText.\n',
    };
    expect(run(postFields, { posts: [tabbed] })).toEqual([
      'content/posts/c.md:6: the line starts with a tab, which YAML does not allow for indenting; use spaces instead, as many as the lines at the same level (none for a field of its own)',
    ]);
  });

  test('frontmatter that is not YAML is reported at its line and nothing else is checked', () => {
    const broken = { path: 'content/posts/b.md', entry: 'b.md', text: '---\ntitle: "open\ndescription: x\n---\n' };
    const lines = run(postFields, { posts: [broken] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/posts\/b\.md:\d+: the frontmatter is not valid YAML \(.+\); check quotes/);
  });
});
