/**
 * B11 sibling: a label that differs from another only by the spaces around a symbol ("C #" and
 * "C#") is one tag, even when the space changes how the symbol is spelled in the address ("#"
 * after a space is "hash", after a letter "sharp"), while labels that are different words ("C" and
 * "C#", "Q&A" and "Q and A") stay apart.
 */
import { describe, expect, test } from 'vitest';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { planImport, planLabels, tagsForLabels } from '../../src/lib/blogger/plan.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { slugifyTag } from '../../src/lib/slugs.ts';

describe('labels that differ only by the spaces around a symbol are one tag', () => {
  test.each([
    ['C#', 'C #'],
    ['F#', 'F #'],
    ['C++', 'C ++'],
    ['Node.js', 'Node .js'],
  ])('%j and %j: one tag, at the address of the spelling most posts used', (spelling, spaced) => {
    const plan = planLabels([{ labels: [spaced] }, { labels: [spelling] }, { labels: [spelling] }]);
    expect(plan.tagOf.get(spelling)).toBe(spelling);
    expect(plan.tagOf.get(spaced)).toBe(spelling);
    expect(plan.renamed).toEqual([]);
    // Listed for the report, with both spellings, at the address the tag has.
    expect(plan.merges).toEqual([
      {
        slug: slugifyTag(spelling),
        label: spelling,
        spellings: [
          { label: spaced, posts: 1 },
          { label: spelling, posts: 2 },
        ],
      },
    ]);
  });

  test('on a tie, the spelling without spaces beside its symbol names the tag, whichever came first', () => {
    for (const labels of [
      ['C #', 'C#'],
      ['C#', 'C #'],
    ]) {
      const plan = planLabels(labels.map((label) => ({ labels: [label] })));
      expect(plan.tagOf.get('C #')).toBe('C#');
      expect(plan.tagOf.get('C#')).toBe('C#');
    }
  });

  test('the spaced spelling used by most posts names the tag, and its address is that spelling’s', () => {
    const plan = planLabels([{ labels: ['F #'] }, { labels: ['F #'] }, { labels: ['F#'] }]);
    expect(plan.tagOf.get('F#')).toBe('F #');
    expect(plan.merges[0]).toMatchObject({ slug: slugifyTag('F #'), label: 'F #' });
  });

  test('a post labelled both ways gets the tag once, and the old address of the other spelling leads to it', () => {
    const plan = planLabels([{ labels: ['C #', 'C#'] }, { labels: ['C#'] }]);
    const { tags, oldLabels } = tagsForLabels(['C #', 'C#'], plan);
    expect(tags).toEqual(['C#']);
    expect(oldLabels).toEqual({ 'C #': 'C#' });
    // The build redirects each old label to its tag's address (see getContentRedirectLists).
    expect(slugifyTag(oldLabels['C #']!)).toBe('c-sharp');
  });

  test('different labels stay different: C, C#, C++ and F# are four tags', () => {
    const plan = planLabels([{ labels: ['C', 'C #', 'C++', 'F #'] }, { labels: ['C#', 'C ++', 'F#'] }]);
    expect(new Set(plan.tagOf.values())).toEqual(new Set(['C', 'C#', 'C++', 'F#']));
    expect(plan.renamed).toEqual([]);
  });

  test('a tag the site already has, spelled without the space, keeps its address', () => {
    const plan = planLabels([{ labels: ['C #'] }, { labels: ['C #'] }], new Map([['c-sharp', 'C#']]));
    expect(plan.tagOf.get('C #')).toBe('C#');
  });

  test('the import tags every post with one spelling, keeps the other as an old label, and says so', () => {
    const entry = (id: string, label: string) =>
      `<entry><id>tag:blogger.com,1999:blog-1.post-${id}</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><category scheme="http://www.blogger.com/atom/ns#" term="${label}"/><title>Post ${id}</title><content type="html">&lt;p&gt;Text&lt;/p&gt;</content><published>2023-01-0${id}T00:00:00Z</published><blogger:filename>/2023/01/p${id}.html</blogger:filename></entry>`;
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">${entry('1', 'C #')}${entry('2', 'C#')}${entry('3', 'C')}</feed>`;
    const plan = planImport(parseBloggerExport(xml), {
      takenPostSlugs: new Set(),
      takenPageSlugs: new Set(),
      existingAuthors: new Set(),
    });
    const data = (path: string) => parseFrontmatter(plan.files.find((file) => file.path === path)!.text).data;
    expect(data('posts/p1/index.md')).toMatchObject({ tags: ['C#'], oldLabels: { 'C #': 'C#' } });
    expect(data('posts/p2/index.md')).toMatchObject({ tags: ['C#'] });
    expect(data('posts/p3/index.md')).toMatchObject({ tags: ['C'] });
    expect(plan.warnings.join('\n')).toContain(
      'the labels "C #" (1 post), "C#" (1 post) are one tag here, /tags/c-sharp/: every post is tagged "C#" (the spelling at the address most posts\' spellings make, /tags/c-hash/ or /tags/c-sharp/; on a tie, the one without a space beside its symbol)',
    );
  });
});
