/**
 * Lazy-loading markup in imported posts: a placeholder in `src` (a data: GIF, placeholder.gif, a
 * 1×1) and the real picture in data-src, data-lazy-src, data-original or data-srcset, which a script
 * the site does not run swapped in. The real picture is the image, downloaded like any other.
 */
import { describe, expect, test } from 'vitest';
import type { Element } from 'hast';
import { findImages, htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { lazyImageSource } from '../../src/lib/blogger/transforms.ts';

const BLANK_GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const img = (properties: Element['properties']): Element => ({
  type: 'element',
  tagName: 'img',
  properties,
  children: [],
});

describe('lazyImageSource: the picture a lazy-loading script would have shown', () => {
  test.each([
    [
      { src: BLANK_GIF, dataSrc: 'https://4.bp.blogspot.com/-Zq/s400/real.jpg' },
      'https://4.bp.blogspot.com/-Zq/s400/real.jpg',
    ],
    [{ src: '/img/placeholder.gif', dataLazySrc: 'http://example.org/p.jpg' }, 'http://example.org/p.jpg'],
    [{ dataOriginal: ' //example.org/q.jpg\n' }, '//example.org/q.jpg'],
    [{ src: '', dataOriginal: 'https://example.org/q.jpg' }, 'https://example.org/q.jpg'],
    [
      { src: 'https://example.org/theme/grey-loading.svg', dataSrc: 'https://example.org/r.jpg' },
      'https://example.org/r.jpg',
    ],
    [
      { src: 'https://example.org/s.gif', width: '1', height: '1', dataSrc: 'https://example.org/s.jpg' },
      'https://example.org/s.jpg',
    ],
    [
      { src: BLANK_GIF, dataSrcset: 'https://example.org/a-320.jpg 320w, https://example.org/a-1024.jpg 1024w' },
      'https://example.org/a-1024.jpg',
    ],
    // A data-src that is not a web address gives way to the next attribute.
    [
      { src: BLANK_GIF, dataSrc: 'javascript:void(0)', dataOriginal: 'https://example.org/t.jpg' },
      'https://example.org/t.jpg',
    ],
  ])('%j → %s', (properties, src) => {
    expect(lazyImageSource(img(properties))?.src).toBe(src);
  });

  test.each([
    // Its own picture stays, whatever data-src says (a theme's zoom script, a retina copy).
    { src: 'https://1.bp.blogspot.com/-a/s320/neck.jpg', dataSrc: 'https://1.bp.blogspot.com/-a/s1600/neck.jpg' },
    // Nothing usable to take: a relative path, a data: URI, an address with no host.
    { src: BLANK_GIF, dataSrc: 'images/real.jpg' },
    { src: BLANK_GIF, dataSrc: 'data:image/png;base64,iVBOR' },
    { src: '/img/blank.gif', dataOriginal: 'http://' },
    { src: BLANK_GIF },
  ])('%j keeps its src', (properties) => {
    expect(lazyImageSource(img(properties))).toBeUndefined();
  });
});

describe('a lazy-loaded image is imported with its real picture', () => {
  test('the data: placeholder gives way to data-src, which is what gets downloaded', () => {
    const html = `<div class="separator" style="clear: both; text-align: center;">
<img class="lazy aligncenter" src="${BLANK_GIF}" data-src="https://4.bp.blogspot.com/-Zq9/UvW/AAAA/kF3/s400/hot-stones.jpg" alt="Hot stones on a towel" width="400" height="300"></div>`;
    expect(findImages(html).map((image) => image.source)).toEqual([
      'https://4.bp.blogspot.com/-Zq9/UvW/AAAA/kF3/s400/hot-stones.jpg',
    ]);
    const { markdown, notes, images } = htmlToMarkdown(html);
    expect(markdown).not.toContain('data:');
    expect(markdown).not.toMatch(/data-src|lazy/);
    expect(markdown).toContain('src="https://4.bp.blogspot.com/-Zq9/UvW/AAAA/kF3/s400/hot-stones.jpg"');
    expect(images).toMatchObject([{ alt: 'Hot stones on a towel', altFrom: 'alt' }]);
    expect(notes).toEqual([
      {
        kind: 'lazy-image',
        message: expect.stringContaining(
          'data-src in its place; the site runs no scripts from posts, so it shows that picture (https://4.bp.blogspot.com/-Zq9/UvW/AAAA/kF3/s400/hot-stones.jpg)',
        ),
      },
    ]);
  });

  test('a thumbnail linked to its full-size file: the full-size file is downloaded, as for any image', () => {
    const html =
      '<a href="https://blogger.googleusercontent.com/img/b/R29v/AVvX/s1600/couch.jpg" style="margin-left:1em"><img border="0" src="/img/placeholder.gif" data-lazy-src="https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320/couch.jpg" data-original-width="800" data-original-height="600"></a>';
    expect(findImages(html)).toMatchObject([
      {
        shown: 'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320/couch.jpg',
        source: 'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s1600/couch.jpg',
      },
    ]);
  });

  test("jQuery Lazy Load's data-original with its <noscript> copy: one picture, its description kept", () => {
    const html = `<p>Before and after:</p>
<img class="lazy" data-original="http://www.calmhands.example/photos/after.jpg" width="640" height="480">
<noscript><img src="http://www.calmhands.example/photos/after.jpg" alt="Shoulders after the massage" width="640" height="480"></noscript>`;
    const { markdown, images, notes } = htmlToMarkdown(html);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      source: 'http://www.calmhands.example/photos/after.jpg',
      alt: 'Shoulders after the massage',
    });
    expect(markdown.match(/after\.jpg/g)).toHaveLength(1);
    expect(notes).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/data-original.*<noscript>\) is not shown a second time/),
      }),
    ]);
  });

  test("a 1×1 placeholder's size does not shrink the picture, nor make it a tracking pixel", () => {
    const html =
      '<img src="https://www.calmhands.example/wp-content/plugins/lazy-load/images/1x1.trans.gif" data-lazy-src="https://www.calmhands.example/uploads/feet.jpg" width="1" height="1" alt="Feet in warm water">';
    const { markdown, notes } = htmlToMarkdown(html);
    expect(markdown).toBe('![Feet in warm water](https://www.calmhands.example/uploads/feet.jpg)\n');
    expect(notes.map((note) => note.kind)).toEqual(['lazy-image']);
  });

  test('lazysizes data-srcset: the largest candidate is downloaded', () => {
    const html = `<img class="lazyload" src="${BLANK_GIF}" data-sizes="auto" data-srcset="https://example.org/img/oil-320.jpg 320w,
      https://example.org/img/oil-1024.jpg 1024w, https://example.org/img/oil-640.jpg 640w" alt="Massage oils">`;
    expect(findImages(html)).toMatchObject([
      { shown: 'https://example.org/img/oil-1024.jpg', source: 'https://example.org/img/oil-1024.jpg' },
    ]);
    expect(htmlToMarkdown(html).markdown).not.toMatch(/sizes|data:/);
  });

  test('several lazy images make one note; an image with its own picture is left alone', () => {
    const html = `<img src="${BLANK_GIF}" data-src="https://example.org/a.jpg" alt="a"><img src="${BLANK_GIF}" data-src="https://example.org/b.jpg" alt="b"><img src="https://example.org/c.jpg" data-src="https://example.org/c-large.jpg" alt="c">`;
    const { notes, images } = htmlToMarkdown(html);
    expect(images.map((image) => image.source)).toEqual([
      'https://example.org/a.jpg',
      'https://example.org/b.jpg',
      'https://example.org/c.jpg',
    ]);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/^2 images showed a placeholder/);
  });
});
