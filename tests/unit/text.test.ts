import { describe, expect, test } from 'vitest';
import {
  countWords,
  formatCommentCount,
  formatCount,
  getExcerpt,
  getParagraphText,
  getPlainText,
  getReadingMinutes,
  truncateAtWord,
  getHtmlWordCount,
  getWordCount,
} from '../../src/lib/text.ts';

describe('getParagraphText', () => {
  test('keeps top-level paragraph prose and drops headings, lists, tables, code, HTML and image text', () => {
    const markdown =
      '## A heading\n\nFirst *para* with [a link](https://x.test) ![a photo](p.jpg).\n\n```js\ncode()\n```\n\n<div>html</div>\n\n- a list item\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nLast.';
    expect(getParagraphText(markdown)).toBe('First para with a link. Last.');
  });

  test('ignores the import and export lines of MDX', () => {
    expect(getParagraphText("import Callout from '../c.astro';\nexport const x = 1;\n\nReal text.")).toBe('Real text.');
  });
});

describe('truncateAtWord', () => {
  test('returns short text unchanged, without an ellipsis', () => {
    expect(truncateAtWord('Short and sweet.', 300)).toBe('Short and sweet.');
  });

  test('cuts at the last word boundary that fits and adds an ellipsis', () => {
    const result = truncateAtWord('one two three four five six seven', 20);
    expect(result).toBe('one two three four…');
    expect(result.length).toBeLessThanOrEqual(20);
  });

  test('drops punctuation left dangling before the ellipsis', () => {
    expect(truncateAtWord('Calm, slow, deliberate breathing helps', 19)).toBe('Calm, slow…');
  });

  test('cuts inside a single very long word rather than returning nothing', () => {
    const result = truncateAtWord('a'.repeat(50), 10);
    expect(result).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('getExcerpt', () => {
  test('is about 300 characters of opening prose, ending in an ellipsis at a word', () => {
    const markdown = `## Intro\n\n${'Massage may help you relax and sleep better. '.repeat(20)}`;
    const excerpt = getExcerpt(markdown, 300);
    expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(excerpt.length).toBeGreaterThan(250);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toContain('Intro');
    expect(excerpt.at(-2)).toMatch(/\w/);
  });
});

describe('countWords and getReadingMinutes', () => {
  test('counts words, treating hyphenated and apostrophised words as one', () => {
    expect(countWords("Shepherd's Bush is a well-known area, 5 stops away.")).toBe(9);
  });

  test('reading time is at least one minute and grows with length', () => {
    expect(getReadingMinutes('Just a few words.')).toBe(1);
    expect(getReadingMinutes('word '.repeat(1100))).toBe(5);
  });

  test('getPlainText includes headings and list items', () => {
    expect(getPlainText('## Safety\n\n- Talk to a doctor')).toBe('Safety Talk to a doctor');
  });
});

describe('formatCount', () => {
  test.each([
    [0, 'tag', undefined, '0 tags'],
    [1, 'tag', undefined, '1 tag'],
    [1, 'post', undefined, '1 post'],
    [2, 'post', undefined, '2 posts'],
    [2, 'entry', 'entries', '2 entries'],
  ])('%i %s reads as such', (count, singular, plural, text) => {
    expect(formatCount(count, singular, plural)).toBe(text);
  });
});

describe('formatCommentCount', () => {
  test.each([
    [0, 'No comments yet'],
    [1, '1 comment'],
    [3, '3 comments'],
  ])('%i reads "%s"', (count, text) => {
    expect(formatCommentCount(count)).toBe(text);
  });
});

describe('typography in excerpts', () => {
  test('keeps the space French puts before a colon', () => {
    expect(getParagraphText('Réflexologie : une introduction ![x](a.jpg).')).toBe('Réflexologie : une introduction.');
  });
});

describe('getHtmlWordCount', () => {
  test('counts what a reader reads: paragraphs, headings, lists and tables, not code blocks', () => {
    const html =
      '<h2>Two words</h2><p>One <em>two</em> three, <a href="/x/">four</a>.</p><ul>\n<li>five</li>\n<li>six seven</li>\n</ul>' +
      '<pre><code>const not = counted;</code></pre><table><tr><td>eight</td><th>nine</th></tr></table>';
    expect(getHtmlWordCount(html)).toBe(11);
  });

  test('a word split by inline markup is one word; blocks and line breaks separate words', () => {
    expect(getHtmlWordCount('<p>un<em>usual</em> <code>x</code></p>')).toBe(2);
    expect(getHtmlWordCount('<p>end</p><p>start</p>')).toBe(2);
    expect(getHtmlWordCount('<p>line<br>break</p>')).toBe(2);
  });

  test('decodes entities and ignores image descriptions and comments', () => {
    expect(getHtmlWordCount('<p>Tom &amp; Jerry&#39;s <img alt="not read" src="x.png"><!-- hidden words --></p>')).toBe(
      2,
    );
  });

  test('agrees with the Markdown count for the same text', () => {
    const markdown =
      '## A heading here\n\nSome *emphasised* text with a [link](https://example.com/a-b-c).\n\n- one\n- two\n\n```\ncode is not read\n```\n';
    const html =
      '<h2>A heading here</h2>\n<p>Some <em>emphasised</em> text with a <a href="https://example.com/a-b-c">link</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<pre><code>code is not read\n</code></pre>';
    expect(getHtmlWordCount(html)).toBe(getWordCount(markdown));
  });
});
