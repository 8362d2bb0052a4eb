/**
 * More siblings of the Blogger cases that still failed; each group names the case it is a sibling of.
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';

describe('B7 sibling: a link with an address and nothing to show', () => {
  test('an empty link, one of spaces and one holding an empty <b> are removed, keeping their spaces, and listed', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Book<a href="https://example.com/"></a> now<a href="https://example.com/b">  </a>or <a href="https://example.com/c"><b></b></a>later.</p>',
    );
    expect(markdown).toBe('Book now or later.\n');
    expect(notes.map((note) => note.message)).toEqual([
      'the link to https://example.com/ has no text or picture, so readers could not see it; it is removed',
      'the link to https://example.com/b has no text or picture, so readers could not see it; it is removed',
      'the link to https://example.com/c has no text or picture, so readers could not see it; it is removed',
    ]);
  });

  test('a link whose only picture had no address goes with it', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Shop: <a href="https://example.com/shop"><img src=""></a> today</p>',
    );
    expect(markdown).toBe('Shop: today\n');
    expect(notes.map((note) => note.message)).toContain(
      'the link to https://example.com/shop has no text or picture, so readers could not see it; it is removed',
    );
  });

  test('a named one stays a place links land on', () => {
    const { markdown } = htmlToMarkdown(
      '<p><a href="https://example.com/" name="prices"></a>Prices <a href="#prices">here</a></p>',
    );
    expect(markdown).toBe('<span id="prices"></span>Prices [here](#prices)\n');
  });

  test('links with text or a picture are kept', () => {
    const html =
      '<p><a href="https://example.com/"><img src="https://example.com/a.jpg" alt="A couch"></a> <a href="https://example.com/b"><b>bold</b></a></p>';
    const { markdown, notes } = htmlToMarkdown(html);
    expect(markdown).toBe(
      '[![A couch](https://example.com/a.jpg)](https://example.com/) [**bold**](https://example.com/b)\n',
    );
    expect(notes).toEqual([]);
  });
});

describe('B7 sibling: a link of only spaces in an entry read against its old address', () => {
  test('is a link with no address, not a link to the entry itself', () => {
    const address = 'https://calm.blogspot.com/2020/01/a-post.html';
    const { markdown, notes } = htmlToMarkdown('<p>Text <a href="  ">here</a> on.</p>', { address });
    expect(markdown).toBe('Text here on.\n');
    expect(notes).toEqual([
      { kind: 'link', message: 'the link on "here" has no address (href="  "); its text is kept without the link' },
    ]);
  });
});
