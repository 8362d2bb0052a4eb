import { describe, expect, test } from 'vitest';
import { pageLinks } from '../../../src/lib/content-rules/page-links.ts';
import { run } from './helpers.ts';

const page = (body: string) => ({
  path: 'content/pages/about.md',
  entry: 'about.md',
  text: `---\ntitle: About\ndescription: Who writes here.\n---\n\n${body}\n`,
});

describe('page-links', () => {
  test('an unusable link in a page is an error at its line', () => {
    const lines = run(pageLinks, { pages: [page('Write to [us](www.example.com).')] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/pages\/about\.md:6: the link "www\.example\.com"/);
  });

  test('usable links are fine', () => {
    expect(run(pageLinks, { pages: [page('[Archive](/archive/) and [mail](mailto:hi@example.org)')] })).toEqual([]);
  });
});
