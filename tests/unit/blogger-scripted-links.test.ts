/**
 * Links whose address is in a script: `href="#"` or `javascript:` with the real address in an
 * onclick's window.open(…) or location assignment, or in the javascript: address itself. The link
 * leads to that address, with a warning; anything else is handled as before.
 */
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { scriptedAddress } from '../../src/lib/blogger/transforms.ts';

describe('scriptedAddress: the one address a script sends the reader to', () => {
  test.each([
    ["window.open('https://example.org/price-list'); return false;", 'https://example.org/price-list'],
    [
      'window.open("http://www.calmhands.example/prices.pdf","prices","width=600,height=800,scrollbars=yes");return false',
      'http://www.calmhands.example/prices.pdf',
    ],
    ["location.href='https://example.org/a'", 'https://example.org/a'],
    ["window.location = '/p/prices.html';", '/p/prices.html'],
    ["document.location.href = '//example.org/b'; return false;", '//example.org/b'],
    ["top.location.replace('https://example.org/c')", 'https://example.org/c'],
    ["_gaq.push(['_trackEvent', 'Outbound', 'click']); window.open('https://example.org/d');", 'https://example.org/d'],
    ["if (confirm('Leave the blog?')) { location.href = 'https://example.org/e'; }", 'https://example.org/e'],
  ])('%s → %s', (script, address) => {
    expect(scriptedAddress(script)).toBe(address);
  });

  test.each([
    'return false;',
    'void(0)',
    "window.open(base + '/prices.html')",
    "window.open('https://example.org/' + id)",
    "location.href = 'https://example.org/?q=' + encodeURIComponent(q)",
    'location.href = next;',
    "window.open('https://example.org/a'); window.open('https://example.org/b')",
    "window.open('prices.html')",
    "window.open('mailto:ann@example.org')",
    "location.href='javascript:alert(1)'",
    "alert('https://example.org/')",
    "if (location == 'https://example.org/') return false;",
    "window.open('https://example.org/f'); location.href = 'https://example.org/g';",
  ])('%s → none', (script) => {
    expect(scriptedAddress(script)).toBeUndefined();
  });
});

describe('a link whose address is in a script leads to that address', () => {
  test('href="#" with window.open in its onclick (a price list in a pop-up)', () => {
    const { markdown, notes } = htmlToMarkdown(
      `<p>See our <a href="#" onclick="window.open('https://example.org/price-list'); return false;" style="color: #cc0000;"><b>price list</b></a> before booking.</p>`,
    );
    expect(markdown).toBe('See our [**price list**](https://example.org/price-list) before booking.\n');
    expect(notes).toEqual([
      {
        kind: 'link',
        message: expect.stringMatching(
          /^the link on "price list" led to https:\/\/example\.org\/price-list by a script \(onclick="window\.open\('https:\/\/example\.org\/price-list'\); return false;"\).*now leads to https:\/\/example\.org\/price-list/,
        ),
      },
    ]);
  });

  test('href="javascript:void(0)" with a location assignment in its onclick', () => {
    const { markdown, notes } = htmlToMarkdown(
      `<div><a href="javascript:void(0)" onclick="location.href='https://calmhands.example/booking?from=blog'">Book a session &raquo;</a></div>`,
    );
    expect(markdown).toBe('[Book a session »](https://calmhands.example/booking?from=blog)\n');
    expect(notes.map((note) => note.message)).toEqual([
      expect.stringContaining('https://calmhands.example/booking?from=blog'),
    ]);
  });

  test('the address in the javascript: link itself, percent-encoded quotes and all', () => {
    const { markdown } = htmlToMarkdown(
      `<p><a href="javascript:window.open('https://example.org/map','map','width=640,height=480')">map</a> and <a href="javascript:window.open(%22https://example.org/hours%22)">hours</a></p>`,
    );
    expect(markdown).toBe('[map](https://example.org/map) and [hours](https://example.org/hours)\n');
  });

  test('a pop-up of the full-size photo around a thumbnail: the full-size photo is the image downloaded', () => {
    const { images, markdown } = htmlToMarkdown(
      `<a href="#" onclick="window.open('https://1.bp.blogspot.com/-Q/Xy/s1600/stones.jpg','photo','width=820,height=620');return false;"><img src="https://1.bp.blogspot.com/-Q/Xy/s320/stones.jpg" alt="Warm stones"></a>`,
    );
    expect(images).toMatchObject([{ source: 'https://1.bp.blogspot.com/-Q/Xy/s1600/stones.jpg' }]);
    expect(markdown).not.toContain('onclick');
  });

  test('an onclick with the address, on a link kept as HTML, loses its onclick', () => {
    const { markdown } = htmlToMarkdown(
      `<table><tr><td><a href="#" onclick="window.open('/p/prices.html'); return false;">Prices</a></td><td><div>from 40 €</div></td></tr></table>`,
    );
    expect(markdown).toContain('<a href="/p/prices.html">Prices</a>');
    expect(markdown).not.toContain('onclick');
  });

  test('anything else is handled as before: no address to find, or one built at run time', () => {
    const built = htmlToMarkdown(
      `<p><a href="#" onclick="window.open(base + 'prices.html'); return false;">prices</a> <a href="javascript:void(0)">top</a></p>`,
    );
    expect(built.markdown).toBe('prices top\n');
    expect(built.notes.map((note) => note.message)).toEqual([
      expect.stringContaining('the link "#" (on "prices") leads nowhere'),
      expect.stringContaining('the link "javascript:void(0)" (on "top") is a javascript: address'),
    ]);
    // A link with an address of its own keeps it, whatever its onclick does.
    expect(
      htmlToMarkdown(`<p><a href="https://example.org/x" onclick="window.open('https://example.org/y')">x</a></p>`)
        .markdown,
    ).toBe('[x](https://example.org/x)\n');
  });
});
