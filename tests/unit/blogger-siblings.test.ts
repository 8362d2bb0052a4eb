/**
 * Siblings of the Blogger cases B1, B8 and B11 that still failed: a link wrapped in no-break
 * spaces, empty headings, a caption with a line break as an image's description, and labels that
 * differ only in the spaces around a symbol.
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { planLabels } from '../../src/lib/blogger/plan.ts';

describe('B1 sibling: an address wrapped in spaces a browser keeps', () => {
  test('a no-break space before and an em space after a full address: the link leads there, and is reported', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Book at <a href="\u00a0https://example.org/book\u2003">the studio</a> today.</p>',
    );
    expect(markdown).toBe('Book at [the studio](https://example.org/book) today.\n');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('U+00A0, U+2003');
    expect(notes[0]!.message).toContain('it now leads to https://example.org/book');
  });

  test('a relative address and an ordinary full one are left as they are', () => {
    expect(htmlToMarkdown('<p><a href="/p/contact.html">contact</a></p>').notes).toEqual([]);
    expect(htmlToMarkdown('<p><a href=" https://example.org/ ">x</a></p>').markdown).toBe(
      '[x](https://example.org/)\n',
    );
  });
});

describe('B8 sibling: headings with nothing in them', () => {
  test("Blogger's empty headings are dropped, not written as headings with no name", () => {
    const { markdown } = htmlToMarkdown(
      '<h2><span><br></span></h2><p>Text.</p><h3></h3><h2>&nbsp;</h2><h4><b></b></h4><h2>Real</h2><p>More.</p>',
    );
    expect(markdown).toBe('Text.\n\n## Real\n\nMore.\n');
  });

  test('an anchor in an empty heading stays, and a heading that is only a picture is kept', () => {
    const anchored = htmlToMarkdown('<p><a href="#top">up</a></p><h2><a name="top"></a></h2><p>Text.</p>').markdown;
    expect(anchored).toContain('<span id="top"></span>Text.');
    expect(anchored).not.toMatch(/^#/m);
    expect(htmlToMarkdown('<h2><img src="https://example.org/leaf.png" alt="Leaf"></h2>').markdown).toContain(
      '## ![Leaf](https://example.org/leaf.png)',
    );
  });
});

describe('B8 sibling: a caption with a line break, as the description of its image', () => {
  test('the words on either side of the <br> stay apart', () => {
    const { markdown } = htmlToMarkdown(
      '<table class="tr-caption-container"><tbody><tr><td><a href="https://blogger.googleusercontent.com/img/b/F/s1600/feet.jpg"><img src="https://blogger.googleusercontent.com/img/b/F/s200/feet.jpg" /></a></td></tr><tr><td class="tr-caption">Feet after <a href="https://example.org/soak">a warm soak</a><br/>photo: J. Doe</td></tr></tbody></table>',
    );
    expect(markdown).toContain('![Feet after a warm soak photo: J. Doe]');
  });
});

describe('B11 sibling: labels that differ only in the spaces around a symbol', () => {
  test.each([
    ['Q&A', 'Q & A'],
    ['50%', '50 %'],
  ])('%j and %j are one tag, spelled as most posts spelled it', (spelling, other) => {
    const plan = planLabels([{ labels: [spelling] }, { labels: [other] }, { labels: [spelling] }]);
    expect(plan.tagOf.get(spelling)).toBe(spelling);
    expect(plan.tagOf.get(other)).toBe(spelling);
    expect(plan.renamed).toEqual([]);
  });

  test('different words that share an address still stay apart', () => {
    const plan = planLabels([{ labels: ['Q&A'] }, { labels: ['Q and A'] }, { labels: ['Q and A'] }]);
    expect(plan.tagOf.get('Q and A')).toBe('Q and A');
    expect(plan.tagOf.get('Q&A')).toBe('Q&A (ampersand)');
  });
});

describe('B6 sibling: a plug-in that played a sound file', () => {
  test('an <embed> of an mp3 is a link to the file, as a remote <audio> is, and is reported', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Before.</p><embed src="http://www.example.org/audio/relax-track.mp3" autostart="false" width="300" height="42"></embed><p>After.</p>',
    );
    expect(markdown).toContain(
      '[Listen to the recording (relax-track.mp3, on www.example.org)](https://www.example.org/audio/relax-track.mp3)',
    );
    expect(notes.map((note) => note.message).join('\n')).toContain('https://www.example.org/audio/relax-track.mp3');
  });

  test("a Flash audio player's file (audioUrl in its flashvars) is the link", () => {
    const { markdown } = htmlToMarkdown(
      '<object type="application/x-shockwave-flash" data="http://www.google.com/reader/ui/3523697345-audio-player.swf" width="400" height="27"><param name="flashvars" value="audioUrl=http://www.example.org/audio/breath.mp3" /></object>',
    );
    expect(markdown).toContain('(https://www.example.org/audio/breath.mp3)');
  });

  test('any other Flash movie is still removed', () => {
    const { markdown, notes } = htmlToMarkdown('<embed src="http://www.example.org/games/tetris.swf"></embed>');
    expect(markdown).toBe('');
    expect(notes[0]!.kind).toBe('flash');
  });
});

describe('B3 sibling: an image without an address', () => {
  test('its description stays as text, the <img> goes, and the report says so', () => {
    const { markdown, notes } = htmlToMarkdown('<p>Before <img alt="missing picture" width="100"> after.</p>');
    expect(markdown).toBe('Before missing picture after.\n');
    expect(notes[0]!.message).toContain('has no address');
  });

  test('one with no description either is removed', () => {
    const { markdown, notes } = htmlToMarkdown('<p>Text.<img src=""></p>');
    expect(markdown).toBe('Text.\n');
    expect(notes).toHaveLength(1);
  });
});

describe('B1 sibling: backslashes and extra slashes, which a browser reads as "/"', () => {
  test.each([
    ['http:\\\\example.com\\spa\\prices.html', 'http://example.com/spa/prices.html'],
    ['https:///example.org/a', 'https://example.org/a'],
    ['http:\\\\example.com', 'http://example.com'],
    ['http://example.com\\a?q=a\\b', 'http://example.com/a?q=a\\b'],
  ])('%j is a link to %j, reported', (href, meant) => {
    const { markdown, notes } = htmlToMarkdown(`<p><a href="${href}">prices</a></p>`);
    expect(markdown).toBe(`[prices](${meant})\n`);
    expect(notes[0]!.message).toContain(`it now leads to ${meant}`);
  });

  test('an image written with backslashes is kept at the address Blogger showed it from', () => {
    const { markdown } = htmlToMarkdown('<p><img src="http:\\\\example.com\\a.jpg" alt="A"></p>');
    expect(markdown).toBe('![A](https://example.com/a.jpg)\n');
  });

  test.each(['https:///', 'https:///y.png'])('%j (no host, or a file name) is still refused', (address) => {
    const { markdown, notes } = htmlToMarkdown(`<p><a href="${address}">x</a><img src="${address}" alt="y"></p>`);
    expect(markdown).toBe('x\n');
    expect(notes.every((note) => !note.message.includes('backslashes'))).toBe(true);
  });
});
