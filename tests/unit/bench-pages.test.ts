import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkFonts, checkImage, measureBytes, measurePage } from '../../tools/bench/bench-pages.ts';

const files: Record<string, string> = {
  '/_astro/site.css': 'body{color:#222}'.repeat(20),
  '/_astro/app.js': 'console.log(1);',
};
const readFile = (path: string) => (path in files ? Buffer.from(files[path]!) : undefined);

describe('measureBytes', () => {
  test('gives the raw size in UTF-8 bytes and the gzipped size', () => {
    const text = 'é'.repeat(100);
    expect(measureBytes(text)).toEqual({ raw: 200, gzip: gzipSync(Buffer.from(text), { level: 9 }).length });
  });

  test('counts nothing as nothing, not as a gzip header', () => {
    expect(measureBytes('')).toEqual({ raw: 0, gzip: 0 });
  });
});

describe('measurePage', () => {
  const page = [
    '<!doctype html><html><head>',
    '<script>document.documentElement.dataset.theme="dark"</script>',
    '<script type="application/ld+json">{"@type":"Article"}</script>',
    '<link rel="stylesheet" href="/_astro/site.css">',
    '<link rel="stylesheet" href="https://fonts.example/remote.css">',
    '<style>h1{margin:0}</style><style>p{margin:0}</style>',
    '</head><body><h1>Title</h1>',
    '<p title="</script><script>">text</p>',
    '</body></html>',
  ].join('');

  test('counts each inline script a browser runs on its own, and not JSON-LD or attribute text', () => {
    const weight = measurePage(page, '/posts/a/', readFile);
    expect(weight.inlineScripts.map((script) => script.raw)).toEqual([
      'document.documentElement.dataset.theme="dark"'.length,
    ]);
  });

  test('sums inline styles, and same-site stylesheets as files, leaving other sites aside', () => {
    const weight = measurePage(page, '/posts/a/', readFile);
    expect(weight.inlineStyles.raw).toBe('h1{margin:0}p{margin:0}'.length);
    expect(weight.css.files).toEqual(['/_astro/site.css']);
    expect(weight.css.raw).toBe(files['/_astro/site.css']!.length);
    expect(weight.htmlCssGzip).toBe(weight.html.gzip + weight.css.gzip);
    expect(weight.js).toEqual({ raw: 0, gzip: 0, files: [] });
  });

  test('counts script files and module preloads, relative URLs resolved against the page', () => {
    const html =
      '<script type="module" src="../../_astro/app.js"></script><link rel="modulepreload" href="/_astro/app.js">';
    const weight = measurePage(html, '/posts/a/', readFile);
    expect(weight.js.files).toEqual(['/_astro/app.js', '/_astro/app.js']);
    expect(weight.js.raw).toBe(files['/_astro/app.js']!.length);
    expect(weight.inlineScripts).toEqual([]);
  });

  test('names the page and the file when a linked file is not in the build', () => {
    expect(() => measurePage('<link rel="stylesheet" href="/_astro/gone.css">', '/about/', readFile)).toThrow(
      '/about/ links to /_astro/gone.css, which is not in the build',
    );
  });

  test('lists every image with its loading mode and problems', () => {
    const html =
      '<picture><source type="image/avif" srcset="/a.avif 400w"><img src="/a.jpg" srcset="/a.jpg 400w" width="4" height="3" alt=""></picture><img src="/b.png" loading="lazy" alt="">';
    expect(measurePage(html, '/', readFile).images).toEqual([
      { src: '/a.jpg', loading: 'eager', problems: [] },
      {
        src: '/b.png',
        loading: 'lazy',
        problems: [
          'no width and height (the page shifts as it loads)',
          'no srcset (phones download the largest image)',
          'no AVIF or WebP version',
        ],
      },
    ]);
  });
});

describe('checkImage', () => {
  const image = (attributes: Record<string, string>, pictureSources: string[] = []) =>
    checkImage({ attributes, inPicture: pictureSources.length > 0, pictureSources });

  test('accepts a sized WebP with a srcset outside a picture', () => {
    expect(image({ src: '/a.webp', srcset: '/a.webp 400w', width: '4', height: '3' })).toEqual([]);
  });

  test('asks only for width and height on an SVG, which needs no srcset or AVIF', () => {
    expect(image({ src: '/logo.svg' })).toEqual(['no width and height (the page shifts as it loads)']);
    expect(image({ src: '/logo.svg', width: '1', height: '1' })).toEqual([]);
  });

  test('wants an AVIF or WebP source for a JPEG in a picture', () => {
    expect(image({ src: '/a.jpg', srcset: '/a.jpg 1x', width: '1', height: '1' }, ['image/jpeg'])).toEqual([
      'no AVIF or WebP version',
    ]);
    expect(image({ src: '/a.jpg', srcset: '/a.jpg 1x', width: '1', height: '1' }, ['image/webp'])).toEqual([]);
  });
});

describe('checkFonts', () => {
  test('finds no fonts in a stylesheet that uses system fonts', () => {
    expect(checkFonts('body{font-family:system-ui,sans-serif}', '/_astro/a.css')).toEqual([]);
  });

  test('accepts a local subset woff2', () => {
    const css = '@font-face{font-family:S;src:url(./s-latin.woff2) format("woff2");unicode-range:U+0000-00FF}';
    expect(checkFonts(css, '/_astro/a.css')).toEqual([{ url: './s-latin.woff2', problems: [] }]);
  });

  test('names a remote font, a font that is not woff2 and one that is not subset', () => {
    const css = '@font-face{font-family:S;src:url("https://fonts.example/s.ttf")}';
    expect(checkFonts(css, '/_astro/a.css')).toEqual([
      {
        url: 'https://fonts.example/s.ttf',
        problems: ['served from another site', 'not woff2', 'no unicode-range (not subset)'],
      },
    ]);
  });
});
