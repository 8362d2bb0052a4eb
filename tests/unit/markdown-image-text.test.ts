import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import type { Element } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, test } from 'vitest';
import { localImagesInRawHtml } from '../../src/integrations/markdown-html-images.ts';
import { exactImageMarks, withExactImageText } from '../../src/integrations/markdown-image-text.ts';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';

/**
 * How the installed Astro reads an image mark back (the expression inside JSON.parse(...) in
 * updateImageReferencesInBody), taken from its own source so the test follows Astro's real reader.
 */
const astroReadsMark: (mark: string) => string = (() => {
  const runtime = readFileSync(
    createRequire(import.meta.url)
      .resolve('astro')
      .replace(/dist\/.*$/, 'dist/content/runtime.js'),
    'utf8',
  );
  const body = /async function updateImageReferencesInBody[\s\S]*?JSON\.parse\(\s*(imagePath\.replace\([^\n]*)\n/.exec(
    runtime,
  )?.[1];
  if (!body) throw new Error('Astro’s image-mark reader was not found in astro/dist/content/runtime.js');
  return new Function('imagePath', `return ${body.trim()};`) as (mark: string) => string;
})();

/**
 * An image's attributes as the built page shows them: a marked image (one astro:assets optimises)
 * as Astro reads its mark back (it writes the same values, escaped, on the optimised <img>); any
 * other as an HTML parser reads the <img>.
 */
function shownImages(html: string): { alt?: string; title?: string }[] {
  const images: { alt?: string; title?: string }[] = [];
  const marks = [...html.matchAll(/__ASTRO_IMAGE_="([^"]+)"/g)].map((m) => {
    const { alt, title } = JSON.parse(astroReadsMark(m[1]!)) as { alt?: string; title?: string };
    return { alt, ...(title === undefined ? {} : { title }) };
  });
  visit(unified().use(rehypeParse, { fragment: true }).parse(html), 'element', (node: Element) => {
    if (node.tagName !== 'img') return;
    if ('__ASTRO_IMAGE_' in node.properties || '__astro_image_' in node.properties) {
      images.push(marks.shift()!);
      return;
    }
    const { alt, title } = node.properties;
    images.push({ alt: alt as string | undefined, ...(title === undefined ? {} : { title: title as string }) });
  });
  return images;
}

/** What a Blogger export holds in an attribute for a text (the HTML inside its <content>). */
const inHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Every character that Markdown, HTML or JSON treats specially, and text no ASCII escape covers.
const DESCRIPTIONS = [
  'In table & `tick`',
  'Tom & Jerry <3 it\'s a=b, 5 > 4, "quoted"',
  'Stars *not bold* and _not italic_, [not a link](x) \\ back | pipe',
  'Emoji 🙂💆‍♀️, RTL עיסוי באבנים חמות, and a\u00a0non-breaking space',
  'Already escaped in the source: &amp; and &#x60; stay as typed',
];

describe('an imported image’s description reaches the page exactly as written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'image-text-'));
  mkdirSync(join(dir, 'post'));
  const names = DESCRIPTIONS.map((_, i) => `photo-${i}.jpg`);
  for (const name of names) writeFileSync(join(dir, 'post', name), 'x');
  const fileURL = pathToFileURL(join(dir, 'post', 'index.md'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A post's HTML, imported with its images downloaded beside it, then rendered as the site does. */
  const importAndRender = async (html: string) => {
    const byName = new Map(
      DESCRIPTIONS.map((_, i) => [`https://blogger.googleusercontent.com/img/b/p${i}/s0/x.jpg`, i]),
    );
    const { markdown } = htmlToMarkdown(html, { imageSrc: (image) => `./${names[byName.get(image.shown)!]}` });
    // The site's processor (astro.config.ts), without typography, which curls quotes in text.
    const processor = withExactImageText(
      satteri({ hastPlugins: [localImagesInRawHtml()], features: { smartPunctuation: false } }),
    );
    const renderer = await processor.createRenderer({});
    return { markdown, html: (await renderer.render(markdown, { fileURL })).code };
  };
  const img = (i: number, attributes = '') =>
    `<img src="https://blogger.googleusercontent.com/img/b/p${i}/s0/x.jpg" alt="${inHtml(DESCRIPTIONS[i]!)}"${attributes}>`;

  test('a Markdown image ![…](…) keeps every character of its alt and title', async () => {
    const html = DESCRIPTIONS.map((text, i) => `<p>Before ${img(i, ` title="${inHtml(text)}"`)} after</p>`).join('');
    const { markdown, html: page } = await importAndRender(html);
    expect(markdown).toContain('![In table & \\`tick\\`](./photo-0.jpg');
    expect(page).not.toMatch(/&#x60;|&#96;/);
    expect(shownImages(page)).toEqual(DESCRIPTIONS.map((text) => ({ alt: text, title: text })));
  });

  test('an <img> kept as HTML (a layout table, a sized image) keeps every character of its alt', async () => {
    const html =
      `<table><tr><td>${DESCRIPTIONS.map((_, i) => img(i)).join('</td><td>')}</td></tr></table>` +
      `<p>${img(0, ' width="320"')}</p>`;
    const { markdown, html: page } = await importAndRender(html);
    expect(markdown).toMatch(/^<table>/);
    expect(shownImages(page)).toEqual([...DESCRIPTIONS, DESCRIPTIONS[0]].map((text) => ({ alt: text })));
  });

  test('a caption table’s figure keeps every character of its image’s alt and of its caption', async () => {
    const caption = 'Caption & `tick` <b> *x* — עברית';
    const html =
      `<table class="tr-caption-container"><tbody><tr><td>${img(0)}</td></tr>` +
      `<tr><td class="tr-caption">${inHtml(caption)}</td></tr></tbody></table>`;
    const { html: page } = await importAndRender(html);
    expect(shownImages(page)).toEqual([{ alt: DESCRIPTIONS[0] }]);
    let shown = '';
    visit(unified().use(rehypeParse, { fragment: true }).parse(page), 'element', (node: Element) => {
      if (node.tagName === 'figcaption')
        visit(node, 'text', (text: { value: string }) => {
          shown += text.value;
        });
    });
    expect(shown).toBe(caption);
  });
});

describe('exactImageMarks', () => {
  test('says a backtick as \\u0060 in image marks only, and leaves an author’s own "&#x60;" text alone', () => {
    const html =
      '<p>`code` &#x60;</p><img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;a &#x60;b&#96; &amp;#x60;&quot;}"><img alt="&#x60;">';
    const fixed = exactImageMarks(html);
    expect(fixed).toBe(
      '<p>`code` &#x60;</p><img __ASTRO_IMAGE_="{&quot;alt&quot;:&quot;a \\u0060b\\u0060 &amp;#x60;&quot;}"><img alt="&#x60;">',
    );
    expect(JSON.parse(astroReadsMark(/__ASTRO_IMAGE_="([^"]+)"/.exec(fixed)![1]!))).toEqual({ alt: 'a `b` &#x60;' });
  });
});
