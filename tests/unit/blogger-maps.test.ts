/**
 * Google Maps embeds in old Blogger posts (the classic `maps.google.com/maps?q=…&output=embed` on
 * any country's host, classic My Maps, Share › Embed a map's `pb=`, the Maps Embed API, My Maps):
 * each is a link to the map in a window of its own, named by its place or route, with a note; never
 * a frame (which would load Google's scripts for every reader) and never lost.
 */
import { describe, expect, test } from 'vitest';
import { commentHtmlToMarkdown, htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { googleMapLinkText, googleMapOf } from '../../src/lib/blogger/maps.ts';

/** The links of a Markdown text, as [text, address], Markdown's escapes undone. */
const linksOf = (markdown: string) =>
  [...markdown.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => [m[1]!, m[2]!.replace(/\\(.)/g, '$1')]);

const PB =
  '!1m18!1m12!1m3!1d2624.991!2d2.2922926!3d48.8583701!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1!3m3!1m2!1s0x47e66e2964e34e2d%3A0x8ddca9ee380ef7e0!2sTour%20Eiffel!5e0!3m2!1sfr!2sfr!4v1600000000000!5m2!1sfr!2sfr';

describe('a Google Maps embed in a post is a link to the map, with a note', () => {
  test.each([
    [
      'the classic embed code, with its "View Larger Map" link',
      '<iframe width="425" height="350" frameborder="0" scrolling="no" marginheight="0" marginwidth="0" src="http://maps.google.com/maps?f=q&amp;source=s_q&amp;hl=en&amp;geocode=&amp;q=Eiffel+Tower,+Paris&amp;ie=UTF8&amp;z=14&amp;output=embed"></iframe><br /><small><a href="http://maps.google.com/maps?f=q&amp;source=embed&amp;q=Eiffel+Tower">View Larger Map</a></small>',
      'Eiffel Tower, Paris on Google Maps',
      'https://maps.google.com/maps?f=q&source=s_q&hl=en&geocode=&q=Eiffel+Tower,+Paris&ie=UTF8&z=14',
    ],
    [
      "a country's host (maps.google.co.uk), scheme-relative",
      '<iframe src="//maps.google.co.uk/maps?q=Big+Ben,+London&amp;output=embed" width="425" height="350"></iframe>',
      'Big Ben, London on Google Maps',
      'https://maps.google.co.uk/maps?q=Big+Ben,+London',
    ],
    [
      'maps.google.com.au, with the place pinned as name@lat,lng',
      '<iframe src="http://maps.google.com.au/maps?q=Sydney+Opera+House@-33.8568,151.2153&amp;output=embed"></iframe>',
      'Sydney Opera House on Google Maps',
      'https://maps.google.com.au/maps?q=Sydney+Opera+House@-33.8568,151.2153',
    ],
    [
      'directions (saddr and daddr)',
      '<iframe src="http://maps.google.de/maps?saddr=Berlin&amp;daddr=Potsdam&amp;output=embed"></iframe>',
      'Directions from Berlin to Potsdam on Google Maps',
      'https://maps.google.de/maps?saddr=Berlin&daddr=Potsdam',
    ],
    [
      "Share › Embed a map's pb= code: the embed page itself, named by the place it holds",
      `<iframe src="https://www.google.com/maps/embed?pb=${PB}" width="600" height="450" style="border:0;" allowfullscreen="" loading="lazy"></iframe>`,
      'Tour Eiffel on Google Maps',
      `https://www.google.com/maps/embed?pb=${PB}`,
    ],
    [
      'a map made in the classic My Maps',
      '<iframe width="425" height="350" src="http://maps.google.com/maps/ms?ie=UTF8&amp;hl=en&amp;msa=0&amp;msid=112345678901234567890.0004abcdef&amp;ll=51.5,-0.12&amp;spn=0.1,0.1&amp;output=embed"></iframe>',
      'The map on Google Maps',
      'https://maps.google.com/maps/ms?ie=UTF8&hl=en&msa=0&msid=112345678901234567890.0004abcdef&ll=51.5,-0.12&spn=0.1,0.1',
    ],
    [
      'a map made in My Maps, titled by its frame',
      '<iframe src="https://www.google.com/maps/d/u/0/embed?mid=1AbCdEfGh&amp;ehbc=2E312F" title="Our walking route" width="640" height="480"></iframe>',
      'Our walking route on Google Maps',
      'https://www.google.com/maps/d/viewer?mid=1AbCdEfGh',
    ],
    [
      'the Maps Embed API: its key stays out of the link',
      '<iframe src="https://www.google.com/maps/embed/v1/place?key=AIzaSyExampleKey&amp;q=Space+Needle,Seattle+WA"></iframe>',
      'Space Needle,Seattle WA on Google Maps',
      'https://www.google.com/maps/search/?api=1&query=Space+Needle%2CSeattle+WA',
    ],
    [
      'an old <object> with a map',
      '<object data="http://maps.google.com/maps?q=Reykjavik&amp;output=embed" width="425" height="350"></object>',
      'Reykjavik on Google Maps',
      'https://maps.google.com/maps?q=Reykjavik',
    ],
  ])('%s', (_name, html, text, href) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Where we met:</p>${html}<p>See you there.</p>`);
    expect(markdown).not.toMatch(/<iframe|<object/);
    expect(linksOf(markdown)[0]).toEqual([text, href]);
    expect(markdown).toMatch(/^Where we met:\n\n\[/);
    expect(markdown).toMatch(/See you there\.\n$/);
    const mapNotes = notes.filter((note) => note.kind === 'map');
    expect(mapNotes).toHaveLength(1);
    expect(notes).toEqual(mapNotes);
    expect(mapNotes[0]!.message).toContain(href);
    expect(mapNotes[0]!.message).toContain('Share › Embed a map');
  });

  test('a map inside a line of text is a link in that line, with its spaces', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Here: <iframe src="http://maps.google.com/maps?q=Bath&amp;output=embed"></iframe> see you.</p><div><b>Map<br><iframe src="http://maps.google.com/maps?q=Bath&amp;output=embed"></iframe></b></div>',
    );
    expect(markdown).toBe(
      'Here: [Bath on Google Maps](https://maps.google.com/maps?q=Bath) see you.\n\n**Map\\\n[Bath on Google Maps](https://maps.google.com/maps?q=Bath)**\n',
    );
  });

  test('the notes say why a classic My Maps link may not open, and that an API key was left out', () => {
    const classic = htmlToMarkdown(
      '<iframe src="http://maps.google.com/maps/ms?msa=0&amp;msid=1.0004&amp;output=embed"></iframe>',
    );
    expect(classic.notes[0]!.message).toContain('classic My Maps');
    const api = htmlToMarkdown(
      '<iframe src="https://www.google.com/maps/embed/v1/place?key=AIzaX&amp;q=Oslo"></iframe>',
    );
    expect(api.notes[0]!.message).toContain('key=');
    expect(linksOf(api.markdown)[0]![1]).not.toContain('AIzaX');
  });

  test('a place name is text, never markup, and a long one is cut', () => {
    const { markdown } = htmlToMarkdown(
      `<iframe src="http://maps.google.com/maps?q=%3Cscript%3Ealert(1)%3C/script%3E&amp;output=embed"></iframe><iframe src="http://maps.google.com/maps?q=${'Lavender+Lane+'.repeat(20)}&amp;output=embed"></iframe>`,
    );
    // Markdown's escape (\<) makes the "<" a character of the text.
    expect(markdown).not.toMatch(/(?<!\\)<script/);
    const [first, second] = linksOf(markdown);
    expect(first![0]).toContain('alert(1)');
    expect(second![0].length).toBeLessThanOrEqual(120 + ' on Google Maps'.length);
    expect(second![0]).toMatch(/… on Google Maps$/);
  });
});

describe('a map in a reader’s comment', () => {
  test('is the same link, named by its place, not "an embedded player" at the embed address', () => {
    const { markdown, notes } = commentHtmlToMarkdown(
      'We are here: <iframe src="http://maps.google.co.uk/maps?q=Bath+Abbey&amp;output=embed"></iframe>',
    );
    expect(linksOf(markdown)).toEqual([['Bath Abbey on Google Maps', 'https://maps.google.co.uk/maps?q=Bath+Abbey']]);
    expect(notes.map((note) => note.kind)).toEqual(['map']);
  });
});

describe('googleMapOf', () => {
  test.each([
    'https://maps.google.com.evil.example/maps?q=x&output=embed',
    'https://www.google.com/search?q=maps',
    'https://docs.google.com/maps/embed?pb=x',
    'https://www.youtube-nocookie.com/embed/abc',
    'https://maps.google.com/mapfiles/ms/icons/red-dot.png',
    'http://maps.google.com/maps?q=x',
  ])('%s is no map embed', (address) => {
    expect(googleMapOf(new URL(address))).toBeUndefined();
  });

  test('a Google Maps page in a frame is named by its place, and links to itself', () => {
    const map = googleMapOf(new URL('https://www.google.com/maps/place/Eiffel+Tower/@48.8583701,2.2922926,17z'));
    expect(map).toEqual({
      form: 'classic',
      href: 'https://www.google.com/maps/place/Eiffel+Tower/@48.8583701,2.2922926,17z',
      place: 'Eiffel Tower',
      route: undefined,
    });
  });

  test('the Embed API’s directions, view and Street View are the Maps URLs of the same', () => {
    expect(
      googleMapOf(
        new URL('https://www.google.com/maps/embed/v1/directions?key=K&origin=Oslo&destination=Bergen&mode=driving'),
      ),
    ).toEqual({
      form: 'embed-api',
      href: 'https://www.google.com/maps/dir/?api=1&origin=Oslo&destination=Bergen&travelmode=driving',
      route: { from: 'Oslo', to: 'Bergen' },
    });
    expect(googleMapOf(new URL('https://www.google.com/maps/embed/v1/view?key=K&center=59.9,10.7&zoom=12'))?.href).toBe(
      'https://www.google.com/maps/@?api=1&map_action=map&center=59.9%2C10.7&zoom=12',
    );
    expect(googleMapOf(new URL('https://www.google.com/maps/embed/v1/streetview?key=K&location=59.9,10.7'))?.href).toBe(
      'https://www.google.com/maps/@?api=1&map_action=pano&viewpoint=59.9%2C10.7',
    );
  });

  test('a title that names nothing ("Google Maps") gives way to the plain text', () => {
    const map = googleMapOf(new URL('https://www.google.com/maps/d/embed?mid=1'))!;
    expect(googleMapLinkText(map, 'Google Maps')).toBe('The map on Google Maps');
    expect(googleMapLinkText(map, 'Google Map of the studio')).toBe('Google Map of the studio');
  });
});
