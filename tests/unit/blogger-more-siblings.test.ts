/**
 * More siblings of the Blogger cases that still failed (B7: a link of only spaces read as a link to the entry itself).
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';

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
