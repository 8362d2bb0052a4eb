import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { localImagesInRawHtml } from '../../src/integrations/markdown-html-images.ts';
import { findLocalImageTags, isLocalImagePath } from '../../src/lib/markdown-html-images.ts';

describe('isLocalImagePath', () => {
  test.each([
    ['./photo.jpg', true],
    ['photo.jpg', true],
    ['../shared/камни.jpg', true],
    ['./massagem%20nos%20p%C3%A9s.jpg', true],
    ['https://1.bp.blogspot.com/-a/s320/x.jpg', false],
    ['//1.bp.blogspot.com/-a/s320/x.jpg', false],
    ['/favicon.svg', false],
    ['data:image/gif;base64,R0lGODlhAQABAAAAACw=', false],
    ['#top', false],
    ['?w=3', false],
    ['   ', false],
    // A scheme with no site after it is a broken address, not a file called "https:" (the address
    // rule reports it once).
    ['https://', false],
    ['http:/x.jpg', false],
    ['photo:1.jpg', false],
    ['2024:photo.jpg', true],
  ])('%s → %s', (src, local) => {
    expect(isLocalImagePath(src)).toBe(local);
  });
});

describe('findLocalImageTags', () => {
  test('finds each local <img> tag with its exact range, and nothing that only looks like one', () => {
    const html =
      '<table><tr><td><a href="big.jpg"><IMG SRC="./a&amp;b.jpg" alt="x > y"></a></td>' +
      '<td><!-- <img src="./old.jpg"> --><span title="<img src=./no.jpg>">t</span>' +
      '<script>document.write("<img src=./js.jpg>")</script>' +
      '<img src="https://x.example/r.jpg"><img src="/logo.svg"><img src=\'./фото.jpg\'/></td></tr></table>';
    const tags = findLocalImageTags(html);
    expect(tags.map((tag) => tag.src)).toEqual(['./a&b.jpg', './фото.jpg']);
    expect(tags.map((tag) => html.slice(tag.start, tag.end))).toEqual([
      '<IMG SRC="./a&amp;b.jpg" alt="x > y">',
      "<img src='./фото.jpg'/>",
    ]);
  });

  test('a tag cut off at the end of the fragment is not taken', () => {
    expect(findLocalImageTags('<p>text <img src="./a.jpg" alt="b')).toEqual([]);
  });
});

describe('local images in raw HTML, through Astro’s own Markdown processor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'html-images-'));
  mkdirSync(join(dir, 'post'));
  for (const name of ['камни.jpg', 'pés quentes.jpg', 'b.jpg']) writeFileSync(join(dir, 'post', name), 'x');
  const fileURL = pathToFileURL(join(dir, 'post', 'index.md'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const render = async (markdown: string) => {
    const processor = await createSatteriMarkdownProcessor({ hastPlugins: [localImagesInRawHtml()] });
    return processor.render(markdown, { fileURL });
  };
  const marks = (html: string) =>
    [...html.matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map(
      (match) => JSON.parse(match[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as Record<string, unknown>,
    );

  test('an <img> in a table is marked for astro:assets like ![alt](./b.jpg), the HTML around it unchanged', async () => {
    const { code, metadata } = await render(
      '<table style="width: 100%;"><tbody><tr><td style="text-align: center;"><img src="./камни.jpg" width="320" alt="Камни на спине"></td><td>Massagem nos pés</td></tr></tbody></table>\n\n![B](./b.jpg)\n',
    );
    expect(metadata.localImagePaths).toEqual(['./b.jpg', './камни.jpg']);
    expect(code).toContain(
      '<table style="width: 100%;"><tbody><tr><td style="text-align: center;"><img __ASTRO_IMAGE_=',
    );
    expect(code).toContain('</td><td>Massagem nos pés</td></tr></tbody></table>');
    expect(marks(code)).toEqual([
      { src: './камни.jpg', width: 320, alt: 'Камни на спине', index: 0 },
      { src: './b.jpg', alt: 'B', index: 0 },
    ]);
  });

  test('the same picture twice is two images of one file; a percent-encoded name finds its file', async () => {
    const { code, metadata } = await render(
      '<div><img src="./p%C3%A9s%20quentes.jpg" alt="Pés"></div>\n\n<div><img src="./pés quentes.jpg" alt="De novo"></div>\n',
    );
    expect(metadata.localImagePaths).toEqual(['./pés quentes.jpg']);
    expect(marks(code).map((mark) => [mark.src, mark.index])).toEqual([
      ['./pés quentes.jpg', 0],
      ['./pés quentes.jpg', 0],
    ]);
    expect(code.match(/<div>/g)).toHaveLength(2);
  });

  test('a table the Markdown parser split at a blank line keeps its parts where they were', async () => {
    const { code } = await render('<table><tr><td>\n\n<img src="./b.jpg" alt="B">\n\n</td></tr></table>\n');
    expect(code.replace(/__ASTRO_IMAGE_="[^"]+"/, 'MARK')).toBe('<table><tr><td>\n<img MARK>\n</td></tr></table>\n');
  });

  test('remote images, site paths and files that do not exist stay as they were written', async () => {
    const markdown =
      '<p><img src="https://1.bp.blogspot.com/-a/s320/x.jpg" alt="R"><img src="/favicon.svg" alt="F"><img src=x onerror="alert(1)"><img src="./gone.jpg" alt="G"></p>\n';
    const { code, metadata } = await render(markdown);
    expect(code).toBe(markdown);
    expect(metadata.localImagePaths).toEqual([]);
  });
});
