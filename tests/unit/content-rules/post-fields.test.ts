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

  test('frontmatter that is not YAML is reported at its line and nothing else is checked', () => {
    const broken = { path: 'content/posts/b.md', entry: 'b.md', text: '---\ntitle: "open\ndescription: x\n---\n' };
    const lines = run(postFields, { posts: [broken] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/posts\/b\.md:\d+: the frontmatter is not valid YAML \(.+\); check quotes/);
  });
});
