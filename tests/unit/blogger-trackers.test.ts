/**
 * Hit counters and tracking pixels in imported posts: the counter code old blogs pasted (a script,
 * already removed, and a <noscript> fallback with the counter's image in a link to its site), and
 * Blogger's own 1×1 view tracker. They are removed, with what held nothing else, and reported once
 * per entry; a <noscript> with real content keeps it.
 */
import { describe, expect, test } from 'vitest';
import type { Element } from 'hast';
import { findImages, htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { planImport } from '../../src/lib/blogger/plan.ts';
import { trackingImageHost } from '../../src/lib/blogger/transforms.ts';

/** StatCounter's "Blogger" code, as its site handed it out, pasted at the end of a post. */
const STATCOUNTER = `<p>Thanks for reading, see you next week.</p>
<!-- Start of StatCounter Code -->
<script type="text/javascript">
var sc_project=4567123;
var sc_invisible=0;
var sc_security="1a2b3c4d";
</script>
<script type="text/javascript" src="http://www.statcounter.com/counter/counter_xhtml.js"></script>
<noscript><div class="statcounter"><a title="blogger stats" href="http://statcounter.com/blogger/" target="_blank"><img class="statcounter" src="//c.statcounter.com/4567123/0/1a2b3c4d/1/" alt="blogger stats" ></a></div></noscript>
<!-- End of StatCounter Code -->`;

/** Blogger's post footer, with its view tracker. */
const BLOGGER_FOOTER =
  '<div style="text-align: justify;">Warm oil, slow strokes.</div><div class="blogger-post-footer"><img width="1" height="1" src="https://blogger.googleusercontent.com/tracker/8101234567890123456-1101234567890123456?l=calmhands.blogspot.com" alt="" /></div>';

const img = (properties: Element['properties']): Element => ({
  type: 'element',
  tagName: 'img',
  properties,
  children: [],
});

describe('trackingImageHost: which images are trackers', () => {
  test.each([
    [{ src: '//c.statcounter.com/4567123/0/1a2b3c4d/1/', alt: 'blogger stats' }, 'c.statcounter.com'],
    [{ src: 'https://blogger.googleusercontent.com/tracker/81-11?l=x.blogspot.com' }, 'blogger.googleusercontent.com'],
    [{ src: 'http://s11.sitemeter.com/meter.asp?site=s11calmhands', border: '0' }, 's11.sitemeter.com'],
    [{ src: 'http://sstatic1.histats.com/0.gif?1234567&101', border: '0' }, 'sstatic1.histats.com'],
    [{ src: 'http://www2.clustrmaps.com/counter/index2.php?url=http://calm.blogspot.com/' }, 'www2.clustrmaps.com'],
    [{ src: 'http://s04.flagcounter.com/count/Ab1/bg_FFFFFF/txt_000000/', alt: 'Flag Counter' }, 's04.flagcounter.com'],
    [{ src: 'http://whos.amung.us/swidget/calmhands.gif', width: '80', height: '15' }, 'whos.amung.us'],
    [{ src: 'http://cc.amazingcounters.com/counter.php?i=3101234&c=9123456' }, 'cc.amazingcounters.com'],
    [{ src: 'https://www.google-analytics.com/collect?v=1&tid=UA-1234567-1&t=pageview' }, 'www.google-analytics.com'],
    [
      { src: 'http://feeds.feedburner.com/~r/CalmHands/~4/aBcD123xyz', height: '1', width: '1' },
      'feeds.feedburner.com',
    ],
    [{ src: 'http://feeds.feedburner.com/~ff/CalmHands?d=yIl2AUoC8zA', border: '0' }, 'feeds.feedburner.com'],
    // A 1×1 image, whatever its host and however its size is written.
    [{ src: 'http://www.calmhands.example/images/spacer.gif', width: '1', height: '1' }, 'www.calmhands.example'],
    [{ src: 'https://px.example.net/p.gif?id=9', width: '1px', height: '0' }, 'px.example.net'],
    [{ src: 'https://px.example.net/p.gif', style: 'width:1px; height:1px; border:0' }, 'px.example.net'],
    [{ src: '/counter.gif', width: '1', height: '1' }, '/counter.gif'],
  ])('%j is a tracker from %s', (properties, host) => {
    expect(trackingImageHost(img(properties))).toBe(host);
  });

  test.each([
    { src: 'https://1.bp.blogspot.com/-a/Xy/s320/shoulders.jpg', width: '320', height: '240' },
    // A thin rule or a spacer one pixel wide but tall is layout, not a counter.
    { src: 'http://www.calmhands.example/images/line.gif', width: '1', height: '200' },
    {
      src: 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
      width: '1',
      height: '1',
    },
    { src: 'https://feeds.feedburner.com/images/feed-icon.png' },
    { src: 'https://www.blogger.com/img/icon18_edit_allbkg.gif' },
    { src: 'https://statcounter.com.example.org/photo.jpg' },
  ])('%j is not', (properties) => {
    expect(trackingImageHost(img(properties))).toBeUndefined();
  });
});

describe('tracking images are removed from posts, and reported once', () => {
  test("StatCounter's code: the counter image, its link and the emptied <noscript> and <div> go", () => {
    const { markdown, notes, images } = htmlToMarkdown(STATCOUNTER);
    expect(markdown).not.toMatch(/statcounter\.com|blogger stats|<img|!\[/i);
    expect(markdown).toContain('Thanks for reading, see you next week.');
    expect(images).toEqual([]);
    const trackers = notes.filter((note) => note.kind === 'tracker');
    expect(trackers).toHaveLength(1);
    expect(trackers[0]!.message).toMatch(/^a tracking image .* from c\.statcounter\.com was removed, with the link/);
    expect(trackers[0]!.message).toContain('http://statcounter.com/blogger/');
    // The scripts are still reported as before.
    expect(notes.filter((note) => note.kind === 'script')).toHaveLength(2);
  });

  test("Blogger's own 1×1 view tracker in the post footer goes, with the footer it leaves empty", () => {
    const { markdown, notes, images } = htmlToMarkdown(BLOGGER_FOOTER);
    expect(markdown).toBe('Warm oil, slow strokes.\n');
    expect(images).toEqual([]);
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'tracker', message: expect.stringContaining('blogger.googleusercontent.com') }),
    ]);
  });

  test('several counters in one entry make one note naming their hosts; the words around them stay', () => {
    const html = `<p>Hello!</p>
<p>Visitors since 2008: <a href="http://www.amazingcounters.com"><img border="0" src="http://cc.amazingcounters.com/counter.php?i=3101234&amp;c=9123456" alt="AmazingCounters.com"></a> thank you!</p>
<div id="sitemeter"><a href="http://www.sitemeter.com/stats.asp?site=s11calmhands" target="_top">
  <img src="http://s11.sitemeter.com/meter.asp?site=s11calmhands" alt="Site Meter" border="0"/></a></div>
<img src="http://feeds.feedburner.com/~r/CalmHands/~4/aBcD123xyz" height="1" width="1" alt=""/>
<table><tr><td><img src="http://www.calmhands.example/images/spacer.gif" width="1" height="1"></td><td>Price list</td></tr></table>`;
    const { markdown, notes, images } = htmlToMarkdown(html);
    expect(images).toEqual([]);
    expect(markdown).not.toMatch(/sitemeter|amazingcounters|feedburner|spacer/i);
    expect(markdown).toContain('Visitors since 2008:');
    expect(markdown).toContain('thank you!');
    expect(markdown).toContain('Price list');
    const trackers = notes.filter((note) => note.kind === 'tracker');
    expect(trackers).toHaveLength(1);
    expect(trackers[0]!.message).toMatch(/^4 tracking images/);
    for (const host of [
      'cc.amazingcounters.com',
      's11.sitemeter.com',
      'feeds.feedburner.com',
      'www.calmhands.example',
      'http://www.amazingcounters.com',
      'http://www.sitemeter.com/stats.asp?site=s11calmhands',
    ])
      expect(trackers[0]!.message).toContain(host);
  });

  test('a <noscript> with real content keeps it; a link around a counter and words keeps the words', () => {
    const html = `<script src="http://www.slideshow.example/show.js"></script>
<noscript><p>Turn on JavaScript for the slideshow; here is the first photo:</p><img src="https://1.bp.blogspot.com/-a/Xy/s400/beach.jpg" alt="The beach at dawn"></noscript>
<p><a href="http://www.histats.com">Web counter <img src="http://sstatic1.histats.com/0.gif?1234567&amp;101" border="0"></a></p>`;
    const { markdown, notes, images } = htmlToMarkdown(html);
    expect(markdown).toContain('Turn on JavaScript for the slideshow');
    expect(images.map((image) => image.source)).toEqual(['https://1.bp.blogspot.com/-a/Xy/s400/beach.jpg']);
    expect(markdown).toContain('[Web counter](http://www.histats.com)');
    expect(notes.filter((note) => note.kind === 'tracker')).toHaveLength(1);
  });

  test('a post with no tracker gets no note', () => {
    const { notes } = htmlToMarkdown(
      '<p><a href="https://1.bp.blogspot.com/-a/Xy/s1600/neck.jpg"><img src="https://1.bp.blogspot.com/-a/Xy/s320/neck.jpg" width="320" height="240"></a></p>',
    );
    expect(notes).toEqual([]);
  });

  test('nothing is downloaded from a counter, nor left remote for the CSP to allow', () => {
    expect(findImages(STATCOUNTER + BLOGGER_FOOTER)).toEqual([]);
    expect(htmlToMarkdown(STATCOUNTER + BLOGGER_FOOTER, { imageSrc: (image) => image.shown }).markdown).not.toMatch(
      /https?:|\/\//,
    );
  });

  test('in the plan, the removal is a note of the entry, not a warning', () => {
    const content = (STATCOUNTER + BLOGGER_FOOTER).replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const feed = `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2021-01-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>Oil</title><content type='html'>${content}</content><link rel='alternate' type='text/html' href='https://calmhands.blogspot.com/2021/01/oil.html'/><author><name>A. Reader</name></author></entry></feed>`;
    const plan = planImport(parseBloggerExport(feed), {
      takenPostSlugs: new Set(),
      takenPageSlugs: new Set(),
      existingAuthors: new Set(),
    });
    expect(plan.notes).toEqual([
      expect.stringMatching(
        /^"Oil" \(\/2021\/01\/oil\.html\): 2 tracking images .* from c\.statcounter\.com, blogger\.googleusercontent\.com were removed/,
      ),
    ]);
    expect(plan.warnings.join('\n')).not.toContain('tracking');
    expect(plan.files.find((file) => file.path === 'posts/oil/index.md')!.text).not.toContain('statcounter');
  });
});
