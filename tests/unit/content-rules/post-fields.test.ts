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

  test('frontmatter that is not YAML is reported at its line and nothing else is checked', () => {
    const broken = { path: 'content/posts/b.md', entry: 'b.md', text: '---\ntitle: "open\ndescription: x\n---\n' };
    const lines = run(postFields, { posts: [broken] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/posts\/b\.md:\d+: the frontmatter is not valid YAML \(.+\); check quotes/);
  });
});
