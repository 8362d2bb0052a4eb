import { describe, expect, test } from 'vitest';
import { bodyAddresses } from '../../../src/lib/content-rules/body-addresses.ts';
import { post, run } from './helpers.ts';

describe('body-addresses', () => {
  test('an unusable link in a published post is an error at its line', () => {
    const lines = run(bodyAddresses, { posts: [post('a.md', '', 'See [my site](http://).')] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/posts\/a\.md:9: the link "http:\/\/"/);
  });

  test('a link broken by a space is explained', () => {
    const lines = run(bodyAddresses, { posts: [post('a.md', '', 'See [x](https://exa mple.com).')] });
    expect(lines[0]).toContain('Markdown ends an address at a space');
  });

  test('in a draft the same problems are notices that do not stop the build', async () => {
    const { checkContent } = await import('../../../src/lib/content-check.ts');
    const { contentInput } = await import('../content-input.ts');
    const problems = checkContent(contentInput({ posts: [post('a.md', 'draft: true', '[x](http://)')] }), [
      bodyAddresses,
    ]);
    expect(problems.map((problem) => problem.severity)).toEqual(['notice']);
  });
});
