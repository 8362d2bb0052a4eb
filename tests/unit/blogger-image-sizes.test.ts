import { describe, expect, test } from 'vitest';
import { findImages, htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { bloggerImageSize, isSameImage, largestImageUrl, shownImageSize } from '../../src/lib/blogger/image-urls.ts';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { planImport, type LocalImageLookup } from '../../src/lib/blogger/plan.ts';
import { renderImportReport } from '../../src/lib/blogger/report.ts';

const options = {
  takenPostSlugs: new Set<string>(),
  takenPageSlugs: new Set<string>(),
  existingAuthors: new Set<string>(),
};
/** One post in Takeout's feed.atom, with the given HTML. */
const takeoutPost = (html: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018"><entry><id>tag:blogger.com,1999:blog-9.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><title>Pedras quentes</title><content type="html">${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><published>2020-01-01T10:00:00.000Z</published><blogger:filename>/2020/01/pedras-quentes.html</blogger:filename></entry></feed>`;
const bodyOf = (plan: ReturnType<typeof planImport>) => plan.files.find((f) => f.path.startsWith('posts/'))!.text;
/** Every image downloaded, as a landscape photo 1600 × 1067 (Blogger's usual original). */
const downloaded: LocalImageLookup = () => ({
  from: '/tmp/b19b-staged/photo.jpg',
  type: 'jpg',
  width: 1600,
  height: 1067,
});

describe('Blogger’s crop option (-c) is a box cut from the photo, not a fit', () => {
  test.each([
    ['https://1.bp.blogspot.com/-a/Xy/s72-c/thumb.jpg', { s: 72, crop: true }],
    ['https://blogger.googleusercontent.com/img/b/R29v/AVvX/s72-c/thumb.jpg', { s: 72, crop: true }],
    ['https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s72-c', { s: 72, crop: true }],
    ['https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=w400-h300-c', { w: 400, h: 300, crop: true }],
    ['https://blogger.googleusercontent.com/img/b/R29v/AVvX/w640-h480-c-rw/x.png', { w: 640, h: 480, crop: true }],
    ['https://lh3.googleusercontent.com/abc=w300-h300-p-k-no-nu', { w: 300, h: 300, crop: true }],
    ['https://1.bp.blogspot.com/-a/Xy/s320/photo.jpg', { s: 320 }],
    ['https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=w400-h300-rw', { w: 400, h: 300 }],
  ])('%s asks for %j', (url, size) => {
    expect(bloggerImageSize(url)).toEqual(size);
  });

  test('the largest size of a crop is the original photo, one file with the thumbnail and the full size', () => {
    expect(largestImageUrl('https://1.bp.blogspot.com/-a/Xy/s72-c/thumb.jpg')).toBe(
      'https://1.bp.blogspot.com/-a/Xy/s0/thumb.jpg',
    );
    expect(largestImageUrl('https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=w400-h300-c')).toBe(
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0',
    );
    expect(
      isSameImage('https://1.bp.blogspot.com/-a/Xy/s72-c/thumb.jpg', 'https://1.bp.blogspot.com/-a/Xy/s1600/thumb.jpg'),
    ).toBe(true);
  });

  test.each([
    [
      's72-c on a landscape file: a 72 px square',
      {},
      'https://1.bp.blogspot.com/-a/s72-c/x.jpg',
      { width: 72, height: 72, crop: true },
    ],
    [
      '=w400-h300-c on a square file: the 400 × 300 box',
      {},
      'https://blogger.googleusercontent.com/img/a/AVvX=w400-h300-c',
      { width: 400, height: 300, crop: true },
    ],
    [
      'a width attribute scales the box',
      { width: '100' },
      'https://1.bp.blogspot.com/-a/w400-h300-c/x.jpg',
      { width: 100, height: 75, crop: true },
    ],
    [
      'both attributes are the box',
      { width: '150', height: '150' },
      'https://1.bp.blogspot.com/-a/s72-c/x.jpg',
      { width: 150, height: 150, crop: true },
    ],
    [
      'a fit, for comparison: the width only, the height from the file',
      {},
      'https://1.bp.blogspot.com/-a/s72/x.jpg',
      { width: 72 },
    ],
  ])('%s', (_name, attributes, shown, size) => {
    expect(shownImageSize(attributes, shown, { width: 1600, height: 1067 })).toEqual(size);
  });

  test('a box larger than the downloaded file is made smaller, keeping its shape', () => {
    expect(shownImageSize({}, 'https://1.bp.blogspot.com/-a/s72-c/x.jpg', { width: 64, height: 48 })).toEqual({
      width: 48,
      height: 48,
      crop: true,
    });
  });

  test('a downloaded cropped thumbnail is written with its box and cut to it; a fitted one keeps its width only', () => {
    const plan = planImport(
      parseBloggerExport(
        takeoutPost(
          '<p>Últimos posts:</p><p><img src="https://blogger.googleusercontent.com/img/b/R29v/AVvX/s72-c/pedras.jpg" alt="Pedras de basalto"></p>' +
            '<p><img src="https://blogger.googleusercontent.com/img/b/R29v/AVvY/s320/oleo.jpg" alt="Óleo morno"></p>',
        ),
      ),
      { ...options, localImage: downloaded },
    );
    const body = bodyOf(plan);
    expect(body).toContain(
      '<img src="./pedras.jpg" alt="Pedras de basalto" width="72" height="72" style="object-fit: cover">',
    );
    expect(body).toContain('<img src="./oleo.jpg" alt="Óleo morno" width="320">');
    expect(plan.copies.map((copy) => copy.url)).toContain(
      'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s0/pedras.jpg',
    );
  });
});

describe('images left remote (--no-download) keep a size, so the page does not shift as they load', () => {
  test.each([
    [
      'width and height attributes',
      '<img src="http://1.bp.blogspot.com/-a/s320/pes.jpg" width="320" height="213" alt="Pés">',
      '<img src="https://1.bp.blogspot.com/-a/s320/pes.jpg" width="320" height="213" alt="Pés">',
    ],
    [
      'width and height in px',
      '<img src="https://images.example.org/spa/sala.jpg" width="480px" height="320px" alt="Sala">',
      '<img src="https://images.example.org/spa/sala.jpg" width="480" height="320" alt="Sala">',
    ],
    [
      '/s320/ with the proportions Blogger’s editor wrote (data-original-*)',
      '<img src="https://1.bp.blogspot.com/-a/s320/pes.jpg" data-original-width="1600" data-original-height="1067" alt="Pés">',
      'width="320" height="213"',
    ],
    [
      '=w400-h300 fitted, with data-original-*',
      '<img src="https://blogger.googleusercontent.com/img/a/AVvX=w400-h300" data-original-width="2048" data-original-height="1365" alt="Toalha">',
      'width="400" height="267"',
    ],
    [
      'a cropped =s72-c thumbnail, whose box the address says',
      '<img src="https://blogger.googleusercontent.com/img/a/AVvX=s72-c" alt="Miniatura">',
      '<img src="https://blogger.googleusercontent.com/img/a/AVvX=s72-c" alt="Miniatura" width="72" height="72" style="object-fit: cover">',
    ],
  ])('%s', (_name, html, written) => {
    const { markdown, images } = htmlToMarkdown(`<p>Antes.</p><p>${html}</p>`);
    expect(markdown).toContain(written);
    expect(images[0]).toMatchObject({ sized: true });
  });

  test('a shape nothing says is reported as unknown, and sizes HTML does not take are dropped', () => {
    const plan = planImport(
      parseBloggerExport(
        takeoutPost(
          '<p>Antes.</p><p><img src="https://1.bp.blogspot.com/-a/s320/pes.jpg" alt="Pés"></p>' +
            '<table><tr><td><img src="https://1.bp.blogspot.com/-b/s400/mapa.jpg" width="100%" height="auto" alt="Mapa"></td><td>Rua das Flores, 12</td></tr></table>' +
            '<p><img src="https://1.bp.blogspot.com/-c/s320/sala.jpg" width="320" height="240" alt="Sala"></p>',
        ),
      ),
      options,
    );
    const body = bodyOf(plan);
    expect(body).toContain('![Pés](https://1.bp.blogspot.com/-a/s320/pes.jpg)');
    expect(body).toContain('<img src="https://1.bp.blogspot.com/-b/s400/mapa.jpg" alt="Mapa">');
    expect(plan.remoteImages.map((image) => image.sized)).toEqual([false, false, true]);
    const report = renderImportReport(plan, () => 'not downloaded (--no-download)');
    expect(report).toContain('2 of them have no known size');
    expect(body).not.toContain('data-original');
    expect(report).toContain(
      '`https://1.bp.blogspot.com/-a/s320/pes.jpg` → `https://1.bp.blogspot.com/-a/s320/pes.jpg`: not downloaded (--no-download); size unknown (the page shifts when it loads)',
    );
    expect(report).not.toMatch(/sala\.jpg.*size unknown/);
  });
});

describe('a <picture> inside a link to the full-size photo is one image, downloaded at full size', () => {
  const PICTURE =
    '<a href="https://blogger.googleusercontent.com/img/b/R29v/AVvX/s1600/%C3%B3leo.jpg" imageanchor="1"><picture><source type="image/webp" srcset="https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320-rw/%C3%B3leo.webp"><img src="https://blogger.googleusercontent.com/img/b/R29v/AVvX/s320/%C3%B3leo.jpg" alt="Óleo morno nas mãos" width="320" height="213"></picture></a>';

  test('the link’s full-size file is the one to download', () => {
    expect(findImages(`<p>${PICTURE}</p>`)).toEqual([
      expect.objectContaining({ source: 'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s1600/%C3%B3leo.jpg' }),
    ]);
  });

  test.each([
    ['in text', `<p>Primeiro o óleo:</p><p>${PICTURE}</p>`],
    [
      'in a table that stays HTML',
      `<p>Primeiro o óleo:</p><table><tr><td>${PICTURE}</td><td>Depois as pedras.</td></tr></table>`,
    ],
  ])('%s, the post shows the downloaded file and keeps no link to Blogger', (_name, html) => {
    const plan = planImport(parseBloggerExport(takeoutPost(html)), { ...options, localImage: downloaded });
    const body = bodyOf(plan);
    expect(body).toContain('<img src="./óleo.jpg" alt="Óleo morno nas mãos" width="320">');
    expect(body).not.toMatch(/blogger\.googleusercontent|<a |<picture|<source/);
  });
});
