import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { planLabels, shortenLabel, tagsForLabels } from '../../src/lib/blogger/plan.ts';
import { tidyAddress } from '../../src/lib/blogger/transforms.ts';
import { checkTagAddresses } from '../../src/lib/content-rules/tag-addresses.ts';
import { MAX_TAG_SLUG_BYTES, slugifyTag } from '../../src/lib/slugs.ts';

describe('addresses are read as a browser reads them', () => {
  test.each([
    [' https://example.org/lead-space', 'https://example.org/lead-space'],
    ['https://example.org/trail-space  ', 'https://example.org/trail-space'],
    ['\nhttps://example.org/newlines\n', 'https://example.org/newlines'],
    ['\thttp://example.org/tab', 'http://example.org/tab'],
    ['https://exam\nple.org/pa\tth', 'https://example.org/path'],
    ['\u0000 /2019/03/old-post.html \r\n', '/2019/03/old-post.html'],
    // A no-break space is not a space to the URL parser: it stays, and the link check judges it.
    ['\u00a0https://example.org/', '\u00a0https://example.org/'],
    ['https://example.org/a%20b', 'https://example.org/a%20b'],
  ])('%j → %j', (written, read) => {
    expect(tidyAddress(written)).toBe(read);
  });

  test('a link padded with spaces, tabs or newlines keeps its address, with no %20 or %0A in it', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Read <a href=" https://example.org/lead-space">the guide</a>, <a href="\nhttps://example.org/nl\n">the notes</a> and <a href="\thttp://example.org/tab">the old page</a>; see <a href="https://example.org/trail-space ">this</a>.</p>',
    );
    expect(markdown.trim()).toBe(
      'Read [the guide](https://example.org/lead-space), [the notes](https://example.org/nl) and [the old page](http://example.org/tab); see [this](https://example.org/trail-space).',
    );
    expect(markdown).not.toMatch(/%20|%0A|%09/);
    expect(notes).toEqual([]);
  });
});

describe('an id a link of the post points at is kept, whatever element held it', () => {
  test('footnotes on paragraphs and list items, a heading’s own id, and one in a block', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Reflexology<a href="#fn1">[1]</a> and shiatsu<a href="#fn2">[2]</a>; see <a href="#notes">the notes</a> and <a href="#box">the box</a>.</p>' +
        '<h2 id="notes">Notes</h2><p id="fn1">1. A first note.</p><ol><li id="fn2">A second note, in a list.</li></ol>' +
        '<div id="box"><p>One.</p><p>Two.</p></div>',
    );
    for (const id of ['fn1', 'fn2', 'box']) expect(markdown).toContain(`<span id="${id}">`);
    // The site gives the heading "Notes" the id "notes" itself: no second element carries it.
    expect(markdown).not.toContain('<span id="notes">');
    expect(markdown).toContain('<span id="fn1"></span>1. A first note.');
    // In a list item Markdown puts the anchor on a line of its own, still before the note's text.
    expect(markdown).toMatch(/1\. <span id="fn2">\s*<\/span>\s*A second note, in a list\./);
    expect(markdown).toMatch(/^## Notes$/m);
  });

  test('the newcomer’s S08: a footnote number that is a link and a target, and a heading’s id', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Text with a note<sup><a href="#fn1" name="r1" id="r1">1</a></sup> and another<sup><a href="#fn2" name="r2">2</a></sup>.</p>' +
        '<p id="fn1">1. FIRST-NOTE. <a href="#r1">↩</a></p><p id="fn2">2. SECOND-NOTE. <a href="#r2">↩</a></p>' +
        '<h2 id="section-a">Section <i>A</i></h2><p>Jump to <a href="#section-a">SECTION-LINK</a>.</p>',
    );
    for (const id of ['r1', 'r2', 'fn1', 'fn2']) expect(markdown).toContain(`<span id="${id}"></span>`);
    expect(markdown).toContain('<sup><span id="r1"></span><a href="#fn1">1</a></sup>');
    // "Section A" gets the id section-a from the site; an old id that differs is kept on a span.
    expect(markdown).toMatch(/^## Section \*A\*$/m);
    expect(htmlToMarkdown('<h2 id="sec1">Section A</h2><p><a href="#sec1">up</a></p>').markdown).toMatch(
      /^## <span id="sec1"><\/span>Section A$/m,
    );
  });

  test('ids nothing points at (an editor’s leftovers) are not kept, and no id is written twice', () => {
    const { markdown } = htmlToMarkdown(
      '<p><b id="docs-internal-guid-5f2a">Pasted from a document.</b></p><p>Jump <a href="#x">there</a>.</p><p id="x">Here.</p><p id="x">Again.</p>',
    );
    expect(markdown).not.toContain('docs-internal-guid');
    expect(markdown.match(/id="x"/g)).toHaveLength(1);
  });
});

describe('a frame from a host the site does not know becomes a link, never a box the CSP blocks', () => {
  test('with its title, or its host, as the link’s text, and a to-do naming the address', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Our booking widget:</p><iframe src="https://widgets.unknown.example/w?id=1" width="300" height="200"></iframe><iframe title="Opening hours" src="http://calendar.example.net/embed"></iframe>',
    );
    expect(markdown).not.toContain('<iframe');
    expect(markdown).toContain(
      '[Embedded content from widgets.unknown.example](https://widgets.unknown.example/w?id=1)',
    );
    expect(markdown).toContain('[Opening hours](https://calendar.example.net/embed)');
    expect(notes.map((note) => note.kind)).toEqual(['embed-unknown', 'embed-unknown']);
    expect(notes[0]!.message).toContain('it is a link to that address now');
  });

  test('a known provider still becomes its frame', () => {
    const { markdown } = htmlToMarkdown(
      '<iframe src="https://docs.google.com/document/d/e/2PACX-x/pub?embedded=true"></iframe>',
    );
    expect(markdown).toContain('<iframe src="https://docs.google.com/document/');
  });
});

describe('a label too long for an address is cut to its first words, never a build that stops', () => {
  const THAI = 'การนวดแผนไทยแบบราชสำนักเพื่อบรรเทาอาการปวดหลังส่วนล่างและต้นคอจากการทำงานหน้าคอมพิวเตอร์เป็นเวลานาน';
  const ENGLISH = `Deep tissue ${'and sports '.repeat(30)}massage`;
  const ONE_WORD = 'Suboccipital'.repeat(25);
  const bytes = (text: string) => new TextEncoder().encode(slugifyTag(text)).length;

  test.each([
    ['Thai, no spaces between words', THAI],
    ['English, many words', ENGLISH],
    ['one word longer than the limit', ONE_WORD],
  ])('%s', (_name, label) => {
    expect(bytes(label)).toBeGreaterThan(MAX_TAG_SLUG_BYTES);
    const plan = planLabels([{ labels: [label, 'Reflexology'] }]);
    const tag = plan.tagOf.get(label)!;
    expect(label.startsWith(tag)).toBe(true);
    expect(slugifyTag(tag)).not.toMatch(/dot/);
    expect(bytes(tag)).toBeLessThanOrEqual(MAX_TAG_SLUG_BYTES);
    expect(bytes(tag)).toBeGreaterThan(MAX_TAG_SLUG_BYTES - 60);
    expect(plan.shortened).toEqual([{ label, tag }]);
    // The post keeps the old spelling, so its old /search/label/ address still leads to the tag.
    expect(tagsForLabels([label], plan)).toEqual({ tags: [tag], oldLabels: { [label]: tag } });
    expect(checkTagAddresses([{ file: 'x.md', line: 3, label: tag, key: tag, slug: slugifyTag(tag) }])).toEqual([]);
  });

  test('a label that fits is left as it is', () => {
    expect(shortenLabel('Reflexology')).toBeUndefined();
    expect(planLabels([{ labels: ['Reflexology'] }]).shortened).toEqual([]);
  });
});

describe('the post’s headings start at h2 under its title and skip no level', () => {
  test.each([
    ['only h3 (Blogger’s “Heading”)', '<h3>One</h3><p>x</p><h3>Two</h3>', ['## One', '## Two']],
    ['h3 and h4', '<h3>One</h3><h4>Sub</h4><p>x</p>', ['## One', '### Sub']],
    ['h1 and h3', '<h1>Big</h1><h3>Small</h3>', ['## Big', '### Small']],
    ['h2 and h3, already right', '<h2>One</h2><h3>Sub</h3>', ['## One', '### Sub']],
    ['h2, h4 and h6', '<h2>A</h2><h4>B</h4><h6>C</h6>', ['## A', '### B', '#### C']],
  ])('%s', (_name, html, headings) => {
    const { markdown } = htmlToMarkdown(html);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual(headings);
  });
});
