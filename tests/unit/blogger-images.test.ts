import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createImageDispatcher,
  DEFAULT_DOWNLOAD_OPTIONS,
  downloadImages,
  type DownloadOptions,
} from '../../src/io/image-downloads.ts';
import { largestSrcsetCandidate, upgradeSrcset } from '../../src/lib/blogger/html-images.ts';
import { findImages, htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { planImport } from '../../src/lib/blogger/plan.ts';
import {
  fallbackImageUrl,
  folderImageNames,
  imageFileName,
  isSameImage,
  largestImageUrl,
  upgradeToHttps,
} from '../../src/lib/blogger/image-urls.ts';
import {
  auditPageScripts,
  computeContentSources,
  getSecurityHeaders,
  renderHeadersFile,
  renderNginxServer,
} from '../../src/lib/security-headers.ts';
import { startImageServer, type ImageServer } from '../image-server.ts';

describe('largestImageUrl', () => {
  test.each([
    [
      'https://1.bp.blogspot.com/-abc/XYZ/AAAA/kF3/s320/photo.jpg',
      'https://1.bp.blogspot.com/-abc/XYZ/AAAA/kF3/s0/photo.jpg',
    ],
    ['http://2.bp.blogspot.com/-abc/s1600/photo.jpg', 'http://2.bp.blogspot.com/-abc/s0/photo.jpg'],
    ['http://2.bp.blogspot.com/-abc/s1600-h/photo.jpg', 'http://2.bp.blogspot.com/-abc/s0/photo.jpg'],
    [
      'https://blogger.googleusercontent.com/img/b/R29v/AVvX/w400-h300/x.png',
      'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s0/x.png',
    ],
    [
      'https://blogger.googleusercontent.com/img/b/R29v/AVvX/w640-h480-c-rw/x.png',
      'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s0/x.png',
    ],
    [
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=w400-h300',
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0',
    ],
    [
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s320',
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0',
    ],
    [
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=w400-h300-c',
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0',
    ],
    [
      'https://lh3.googleusercontent.com/-x/Y/Z/s72-c/thumb.jpg',
      'https://lh3.googleusercontent.com/-x/Y/Z/s0/thumb.jpg',
    ],
    [
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0',
      'https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0',
    ],
  ])('%s → %s', (url, largest) => {
    expect(largestImageUrl(url)).toBe(largest);
  });

  test('leaves other hosts alone, even with size-like folders', () => {
    expect(largestImageUrl('https://example.org/s320/photo.jpg')).toBe('https://example.org/s320/photo.jpg');
    expect(largestImageUrl('not a url')).toBe('not a url');
  });

  test('knows a thumbnail and its full-size file are one image, and offers s1600 when s0 is too big', () => {
    expect(isSameImage('http://1.bp.blogspot.com/-a/s320/x.jpg', 'http://1.bp.blogspot.com/-a/s1600/x.jpg')).toBe(true);
    expect(isSameImage('http://1.bp.blogspot.com/-a/s320/x.jpg', 'http://1.bp.blogspot.com/-b/s1600/x.jpg')).toBe(
      false,
    );
    expect(fallbackImageUrl('http://1.bp.blogspot.com/-a/s320/x.jpg')).toBe('http://1.bp.blogspot.com/-a/s1600/x.jpg');
    expect(fallbackImageUrl('https://example.org/x.jpg')).toBeUndefined();
  });

  test('http and protocol-relative addresses are upgraded to https', () => {
    expect(upgradeToHttps('http://1.bp.blogspot.com/x.jpg')).toBe('https://1.bp.blogspot.com/x.jpg');
    expect(upgradeToHttps('//1.bp.blogspot.com/x.jpg')).toBe('https://1.bp.blogspot.com/x.jpg');
    expect(upgradeToHttps('./x.jpg')).toBe('./x.jpg');
  });
});

describe('imageFileName', () => {
  test('names files after the address, with the extension of the bytes, and never twice in a folder', () => {
    const taken = new Set<string>();
    expect(imageFileName('http://1.bp.blogspot.com/-a/s0/stones%20in%20bowl.JPG', 'jpg', taken)).toBe(
      'stones-in-bowl.jpg',
    );
    expect(imageFileName('http://2.bp.blogspot.com/-b/s0/Stones_in_bowl.jpeg', 'jpg', taken)).toBe(
      'stones-in-bowl-2.jpg',
    );
    expect(imageFileName('http://3.bp.blogspot.com/-c/s0/label.jpg', 'png', taken)).toBe('label.png');
    expect(imageFileName('//4.bp.blogspot.com/-c/s0/Masaj%20de%20relaxare%20%C8%99i%20pietre.jpg', 'jpg', taken)).toBe(
      'masaj-de-relaxare-și-pietre.jpg',
    );
    expect(imageFileName('https://blogger.googleusercontent.com/img/a/AVvXsEh7Yc=s0', 'webp', taken)).toBe(
      'avvxseh7yc.webp',
    );
    expect(imageFileName('https://x.test/%%%', 'gif', taken)).toBe('image.gif');
  });

  test('a name with "İ" (Turkish capital dotted I) is lowercased to a plain i, not split at a combining dot', () => {
    expect(imageFileName('https://x.test/%C4%B0stanbul%20K%C3%B6pr%C3%BCs%C3%BC.jpg', 'jpg', new Set())).toBe(
      'istanbul-köprüsü.jpg',
    );
  });
});

describe('images in a post’s HTML', () => {
  const CAPTION_TABLE =
    '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container"><tbody><tr><td style="text-align: center;"><a href="http://1.bp.blogspot.com/-a/s1600/towel.jpg" style="margin-left: auto;"><img border="0" src="http://1.bp.blogspot.com/-a/s320/towel.jpg" width="320" /></a></td></tr><tr><td class="tr-caption" style="text-align: center;">Warm towels &amp; <b>basalt</b></td></tr></tbody></table>';

  test('a Blogger caption table becomes a figure whose image stays Markdown, described by its caption', () => {
    const { markdown, images } = htmlToMarkdown(`<p>Before</p>${CAPTION_TABLE}<p>After</p>`);
    expect(markdown).toBe(
      'Before\n\n<figure>\n\n![Warm towels & basalt](https://1.bp.blogspot.com/-a/s320/towel.jpg)\n\n<figcaption>Warm towels &amp; <b>basalt</b></figcaption>\n</figure>\n\nAfter\n',
    );
    expect(images).toMatchObject([
      {
        source: 'http://1.bp.blogspot.com/-a/s1600/towel.jpg',
        altFrom: 'caption',
        alt: 'Warm towels & basalt',
        inHtml: false,
      },
    ]);
  });

  test('a figure from the export with one image and a caption is written the same way', () => {
    const { markdown } = htmlToMarkdown(
      '<figure><img src="https://x.test/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>',
    );
    expect(markdown).toBe('<figure>\n\n![A](https://x.test/a.jpg)\n\n<figcaption>Cap</figcaption>\n</figure>\n');
  });

  test('a thumbnail linked to its full-size file is one image, and the full-size file is the one to download', () => {
    const images = findImages(
      '<a href="http://1.bp.blogspot.com/-a/s1600/x.jpg"><img src="http://1.bp.blogspot.com/-a/s320/x.jpg"></a>' +
        '<a href="https://example.org/page.html"><img src="https://example.org/y.jpg" title="Y, from the side"></a>',
    );
    expect(images).toEqual([
      {
        shown: 'http://1.bp.blogspot.com/-a/s320/x.jpg',
        source: 'http://1.bp.blogspot.com/-a/s1600/x.jpg',
        alt: '',
        altFrom: 'none',
        inHtml: false,
      },
      {
        shown: 'https://example.org/y.jpg',
        source: 'https://example.org/y.jpg',
        alt: 'Y, from the side',
        altFrom: 'title',
        inHtml: false,
      },
    ]);
  });

  test('images in a table Markdown can hold become Markdown images; in one it cannot, they stay HTML', () => {
    const simple = htmlToMarkdown(
      '<table><tr><th>Photo</th><th>When</th></tr><tr><td><img src="http://x.test/a.jpg"></td><td>Before</td></tr></table>',
    );
    expect(simple.markdown).toContain('| ![](https://x.test/a.jpg) | Before |');
    expect(simple.images[0]).toMatchObject({ inHtml: false, altFrom: 'none' });
    const merged = htmlToMarkdown('<table><tr><td colspan="2"><img src="http://x.test/b.jpg"></td></tr></table>');
    expect(merged.markdown).toContain('<img src="https://x.test/b.jpg" alt="">');
    expect(merged.markdown).not.toContain('data-import');
    expect(merged.images[0]).toMatchObject({ inHtml: true, altFrom: 'none', src: 'https://x.test/b.jpg' });
  });

  test('the address of each image is the one imageSrc gives', () => {
    const { markdown } = htmlToMarkdown('<img src="http://x.test/a.jpg" alt="A">', { imageSrc: () => './a.jpg' });
    expect(markdown).toBe('![A](./a.jpg)\n');
  });
});

describe('images in HTML that stays HTML (layout tables, objects, nested divs)', () => {
  /** A Russian blog's layout table, as Blogger's editor writes it: no header cells, 1990s attributes. */
  const LAYOUT_TABLE =
    '<table border="1" cellpadding="3" cellspacing="0" align="center" width="600"><tbody><tr>' +
    '<td valign="top" width="50%" bgcolor="#FFF8F0" nowrap><a href="http://2.bp.blogspot.com/-k/Uu/s1600/%D0%BA%D0%B0%D0%BC%D0%BD%D0%B8.JPG" imageanchor="1"><img border="0" height="240" width="320" data-original-width="1600" data-original-height="1200" src="http://2.bp.blogspot.com/-k/Uu/s320/%D0%BA%D0%B0%D0%BC%D0%BD%D0%B8.JPG"></a></td>' +
    '<td align="right">Горячие камни — 40&nbsp;минут<br><div style="margin:4px"><div><img src="https://blogger.googleusercontent.com/img/b/R29v/AVvXsE/w400-h300/p%C3%A9s.png?imgmax=800" srcset="https://blogger.googleusercontent.com/img/b/R29v/AVvXsE/w400-h300/p%C3%A9s.png 1x, http://cdn.example.net/p%C3%A9s-2x.png 2x" alt="Pés"></div></div></td>' +
    '</tr></tbody></table>';

  test('their images are found, with the full-size file to download (a link’s, else the srcset’s largest)', () => {
    expect(findImages(LAYOUT_TABLE)).toEqual([
      {
        shown: 'http://2.bp.blogspot.com/-k/Uu/s320/%D0%BA%D0%B0%D0%BC%D0%BD%D0%B8.JPG',
        source: 'http://2.bp.blogspot.com/-k/Uu/s1600/%D0%BA%D0%B0%D0%BC%D0%BD%D0%B8.JPG',
        alt: '',
        altFrom: 'none',
        inHtml: true,
      },
      {
        shown: 'https://blogger.googleusercontent.com/img/b/R29v/AVvXsE/w400-h300/p%C3%A9s.png?imgmax=800',
        source: 'http://cdn.example.net/p%C3%A9s-2x.png',
        alt: 'Pés',
        altFrom: 'alt',
        inHtml: true,
      },
    ]);
  });

  test('a downloaded one gets its local file, its width as shown, and loses what astro:assets makes anew', () => {
    const { markdown } = htmlToMarkdown(LAYOUT_TABLE, {
      imageSrc: (image) => (image.source.includes('cdn.example.net') ? './pés.png' : './камни.jpg'),
    });
    expect(markdown).toBe(
      '<table style="margin-left: auto; margin-right: auto; width: 600px"><tbody><tr>' +
        '<td style="vertical-align: top; width: 50%; background-color: #FFF8F0"><img width="320" src="./камни.jpg" alt=""></td>' +
        '<td style="text-align: right">Горячие камни — 40\u00a0минут<br><div style="margin:4px"><div><img src="./pés.png" alt="Pés"></div></div></td>' +
        '</tr></tbody></table>\n',
    );
  });

  test('obsolete align on blocks and <center> in a table that stays HTML become CSS', () => {
    const { markdown } = htmlToMarkdown(
      '<table><tr><td><center>Массаж</center><div align="right" style="color: #555">Pés</div><p align="justify">Texto</p></td></tr></table>',
    );
    expect(markdown).toBe(
      '<table><tbody><tr><td><div style="text-align: center">Массаж</div><div style="text-align: right; color: #555">Pés</div><p style="text-align: justify">Texto</p></td></tr></tbody></table>\n',
    );
  });

  test('one left remote keeps its srcset, every candidate over https', () => {
    const { markdown } = htmlToMarkdown(LAYOUT_TABLE);
    expect(markdown).toContain(
      'srcset="https://blogger.googleusercontent.com/img/b/R29v/AVvXsE/w400-h300/p%C3%A9s.png 1x, https://cdn.example.net/p%C3%A9s-2x.png 2x"',
    );
    expect(markdown).toContain('src="https://2.bp.blogspot.com/-k/Uu/s320/%D0%BA%D0%B0%D0%BC%D0%BD%D0%B8.JPG"');
  });

  test('a Flash object leaves the picture it showed without its plug-in; an object that is a picture becomes one', () => {
    const { markdown, images, notes } = htmlToMarkdown(
      '<object classid="clsid:D27CDB6E" width="400" height="300"><param name="movie" value="http://www.example.com/tour.swf"><object type="application/x-shockwave-flash" data="http://www.example.com/tour.swf"><img src="http://1.bp.blogspot.com/-t/s400/tour.jpg" alt="A sala de massagem vista da porta"></object></object>' +
        '<p><object data="http://1.bp.blogspot.com/-m/s400/mapa.png" type="image/png" title="Mapa do estúdio"></object></p>' +
        '<object data="http://www.example.com/old.swf"><param name="movie" value="http://www.example.com/old.swf"></object>',
    );
    expect(markdown).toBe(
      '![A sala de massagem vista da porta](https://1.bp.blogspot.com/-t/s400/tour.jpg)\n\n![Mapa do estúdio](https://1.bp.blogspot.com/-m/s400/mapa.png)\n',
    );
    expect(images.map((image) => image.altFrom)).toEqual(['alt', 'alt']);
    expect(notes.map((note) => note.message)).toEqual([
      'a Flash or plug-in player (http://www.example.com/tour.swf) was removed, keeping the picture it showed without the plug-in: browsers no longer play it; embed the content again if it exists elsewhere',
      'a Flash or plug-in player (http://www.example.com/old.swf) was removed: browsers no longer play it; embed the content again if it exists elsewhere',
    ]);
  });

  test('a photo shown twice, and at two sizes, is one download and one file', () => {
    const html =
      '<p>Óleo morno, sempre.</p><p><img src="http://1.bp.blogspot.com/-z/Zz/s320/%C3%B3leo.jpg" alt="Óleo"></p>' +
      '<table><tr><td><img src="http://1.bp.blogspot.com/-z/Zz/s1600/%C3%B3leo.jpg" alt="Óleo de novo"></td></tr></table>' +
      '<table><tr><td><img src="http://1.bp.blogspot.com/-z/Zz/s320/%C3%B3leo.jpg?imgmax=800" alt="Com consulta"></td></tr></table>';
    const plan = planImport(parseBloggerExport(backupFeed(html)), {
      takenPostSlugs: new Set(),
      takenPageSlugs: new Set(),
      existingAuthors: new Set(),
      localImage: () => ({ from: '/tmp/staged/a.jpg', type: 'jpg' }),
    });
    expect(plan.copies).toEqual([
      {
        from: '/tmp/staged/a.jpg',
        to: 'posts/a-post/óleo.jpg',
        url: 'http://1.bp.blogspot.com/-z/Zz/s0/%C3%B3leo.jpg',
      },
      {
        from: '/tmp/staged/a.jpg',
        to: 'posts/a-post/óleo-2.jpg',
        url: 'http://1.bp.blogspot.com/-z/Zz/s0/%C3%B3leo.jpg?imgmax=800',
      },
    ]);
    const body = plan.files.find((file) => file.path === 'posts/a-post/index.md')!.text;
    expect(body).toContain('![Óleo](./óleo.jpg)');
    expect(body).toContain('<img src="./óleo.jpg" alt="Óleo de novo">');
    expect(body).toContain('<img src="./óleo-2.jpg" alt="Com consulta">');
    expect(plan.remoteImages).toEqual([]);
  });
});

/** One post in the "Back up content" format, with the given HTML. */
function backupFeed(html: string): string {
  const escaped = html.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2020-01-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>A post</title><content type='html'>${escaped}</content><link rel='alternate' type='text/html' href='https://x.blogspot.com/2020/01/a-post.html'/><author><name>A. Reader</name></author></entry></feed>`;
}

describe('srcset in imported HTML (@prettier/parse-srcset)', () => {
  test('the largest candidate is the widest, else the densest; a srcset with nothing to compare gives none', () => {
    expect(largestSrcsetCandidate('a-320.jpg 320w, a-1280.jpg 1280w, a-640.jpg 640w')).toBe('a-1280.jpg');
    expect(largestSrcsetCandidate('https://x.test/a.jpg?w=1,2 1x, https://x.test/a.jpg?w=3,4 2x')).toBe(
      'https://x.test/a.jpg?w=3,4',
    );
    expect(largestSrcsetCandidate('a.jpg')).toBe('a.jpg');
    expect(largestSrcsetCandidate('')).toBeUndefined();
    expect(largestSrcsetCandidate('a.jpg 1q')).toBeUndefined();
  });

  test('every candidate is upgraded to https, its descriptor kept; an unreadable srcset gives none', () => {
    expect(upgradeSrcset('http://1.bp.blogspot.com/a/s320/x.jpg 320w,//2.bp.blogspot.com/a/s640/x.jpg 640w')).toBe(
      'https://1.bp.blogspot.com/a/s320/x.jpg 320w, https://2.bp.blogspot.com/a/s640/x.jpg 640w',
    );
    expect(upgradeSrcset('x.jpg 1q')).toBeUndefined();
  });
});

describe('downloading images from a real server', () => {
  let server: ImageServer;
  let options: DownloadOptions;
  beforeAll(async () => {
    server = await startImageServer();
    options = {
      ...DEFAULT_DOWNLOAD_OPTIONS,
      maxBytes: 1024 * 1024,
      // Room for a redirect and a TLS hop on a machine at load 30 (1.5 s was not), still well under /slow/.
      timeoutMs: 4000,
      retries: 1,
      retryDelayMs: 20,
      dispatcher: createImageDispatcher({ httpProxy: server.url, httpsProxy: server.url, ca: server.cert }),
    };
  });
  afterAll(() => server.close());

  test('each address gets its outcome: downloaded at the largest size, or why not', async () => {
    const progress: number[] = [];
    const urls = {
      ok: 'http://1.bp.blogspot.com/-a/s320/ok.jpg',
      png: 'http://1.bp.blogspot.com/-a/png/s320/named-as.jpg',
      tls: 'https://blogger.googleusercontent.com/img/b/R29v/w400-h300/secure.jpg',
      toHttps: 'http://2.bp.blogspot.com/-a/to-https/s320/bowl.jpg',
      moved: 'http://1.bp.blogspot.com/-a/moved/s320/candles.jpg',
      flaky: 'http://1.bp.blogspot.com/-a/gone-for-now/s320/kettle.jpg',
      bigOriginal: 'http://1.bp.blogspot.com/-a/big-original/s320/close-up.jpg',
      missing: 'http://1.bp.blogspot.com/-a/missing/s320/x.jpg',
      html: 'http://1.bp.blogspot.com/-a/page-as-image/s320/x.jpg',
      bmp: 'http://1.bp.blogspot.com/-a/bitmap/s320/x.bmp',
      huge: 'http://1.bp.blogspot.com/-a/huge/s320/x.jpg',
      endless: 'http://1.bp.blogspot.com/-a/endless/s320/x.jpg',
      slow: 'http://1.bp.blogspot.com/-a/slow/s320/x.jpg',
      refused: 'https://images.example.org/x.jpg',
      // YouTube's thumbnails, a video player's poster: the largest, else hqdefault, else none.
      thumbnail: 'https://i.ytimg.com/vi/rHDa8Lm2PqE/maxresdefault.jpg',
      thumbnailFallback: 'https://i.ytimg.com/vi/M7lc1UVf-VE/maxresdefault.jpg',
      thumbnailGone: 'https://i.ytimg.com/vi/xGone4Tq2Zs/maxresdefault.jpg',
    };
    const outcomes = await downloadImages(Object.values(urls), {
      ...options,
      onProgress: (done) => progress.push(done),
    });
    const summary = Object.fromEntries(
      Object.entries(urls).map(([name, url]) => {
        const outcome = outcomes.get(url)!;
        return [
          name,
          outcome.ok === true
            ? `${outcome.type} from ${outcome.fetchedFrom}`
            : outcome.ok === false
              ? outcome.reason
              : 'kept',
        ];
      }),
    );
    expect(summary).toEqual({
      ok: 'jpg from http://1.bp.blogspot.com/-a/s0/ok.jpg',
      png: 'png from http://1.bp.blogspot.com/-a/png/s0/named-as.jpg',
      tls: 'jpg from https://blogger.googleusercontent.com/img/b/R29v/s0/secure.jpg',
      toHttps: 'jpg from http://2.bp.blogspot.com/-a/to-https/s0/bowl.jpg',
      moved: 'jpg from http://1.bp.blogspot.com/-a/moved/s0/candles.jpg',
      flaky: 'jpg from http://1.bp.blogspot.com/-a/gone-for-now/s0/kettle.jpg',
      bigOriginal: 'jpg from http://1.bp.blogspot.com/-a/big-original/s1600/close-up.jpg',
      missing: 'HTTP 404',
      html: 'not an image: the server sent an HTML page',
      bmp: 'a bmp image, which the site cannot optimise',
      huge: 'too big (3.0 MB; the limit is 1.0 MB)',
      endless: 'too big (over 1.0 MB, the limit)',
      slow: 'no answer within 4 s',
      refused: 'the proxy refused to connect to the host (403)',
      thumbnail: 'jpg from https://i.ytimg.com/vi/rHDa8Lm2PqE/maxresdefault.jpg',
      thumbnailFallback: 'jpg from https://i.ytimg.com/vi/M7lc1UVf-VE/hqdefault.jpg',
      thumbnailGone: 'HTTP 404',
    });
    expect(progress).toEqual(Object.keys(urls).map((_name, index) => index + 1));
    // The redirect to https was followed over TLS; the 503 was retried once.
    expect(server.requests).toContain('https://2.bp.blogspot.com/-a/to-https/s0/bowl.jpg');
    expect(server.requests.filter((r) => r.endsWith('/gone-for-now/s0/kettle.jpg'))).toHaveLength(2);
    // Thumbnails came over TLS from the stand-in for i.ytimg.com; a missing one was tried at both sizes.
    expect(server.requests).toContain('CONNECT i.ytimg.com:443');
    expect(server.requests.filter((r) => r.includes('xGone4Tq2Zs'))).toEqual([
      'https://i.ytimg.com/vi/xGone4Tq2Zs/maxresdefault.jpg',
      'https://i.ytimg.com/vi/xGone4Tq2Zs/hqdefault.jpg',
    ]);
  }, 20_000);

  test('an address already downloaded is not fetched again', async () => {
    const before = server.requests.length;
    const outcomes = await downloadImages(['http://1.bp.blogspot.com/-a/s320/again.jpg'], {
      ...options,
      alreadyHave: () => true,
    });
    expect(outcomes.get('http://1.bp.blogspot.com/-a/s320/again.jpg')).toEqual({ ok: 'kept' });
    expect(server.requests.length).toBe(before);
  });
});

describe('the Content-Security-Policy follows the content', () => {
  const page = (path: string, html: string) => ({ page: path, ...auditPageScripts(html) });

  test('img-src lists exactly the https hosts of the remote images the pages show', () => {
    const sources = computeContentSources([
      page(
        '/posts/a/',
        '<img src="/_astro/x.webp"><img src="https://blogger.googleusercontent.com/img/b/x/s320/a.jpg" alt="">' +
          '<picture><source srcset="https://cdn.example.org/fit=contain,width=320/a.avif 1x, https://cdn2.example.org/a@2x.avif 2x"><img src="data:image/png;base64,AA" alt=""></picture>',
      ),
      page('/posts/b/', '<img src="//1.bp.blogspot.com/-a/s320/b.jpg" alt="">'),
      page('/posts/c/', '<img src="http://insecure.example.org/c.jpg" alt="">'),
    ]);
    expect(sources.imageSources).toEqual([
      'https://1.bp.blogspot.com',
      'https://blogger.googleusercontent.com',
      'https://cdn.example.org',
      'https://cdn2.example.org',
    ]);
    expect(sources.warnings).toEqual([
      '/posts/c/ shows the image http://insecure.example.org/c.jpg over http, which the Content-Security-Policy blocks; write it with https://',
    ]);
  });

  test('frame-src allows the known providers the pages embed, and names the page of any other', () => {
    const sources = computeContentSources([
      page(
        '/posts/embeds/',
        [
          'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
          'https://player.vimeo.com/video/11112222?title=0&amp;byline=0',
          'https://docs.google.com/presentation/d/e/2PACX-x/embed',
          'https://www.google.com/maps/embed?pb=!1m18',
          'https://w.soundcloud.com/player/?url=x',
          'https://open.spotify.com/embed/episode/7makk4',
          'https://www.dailymotion.com/embed/video/x7tgad0',
        ]
          .map((src) => `<iframe src="${src}" title="x"></iframe>`)
          .join(''),
      ),
      page(
        '/posts/odd/',
        '<iframe src="https://www.google.com/search?q=x"></iframe><iframe src="https://widgets.example.net/w"></iframe>',
      ),
      page('/posts/old/', '<iframe src="http://player.vimeo.com/video/1"></iframe>'),
    ]);
    expect(sources.frameSources).toEqual([
      'https://docs.google.com',
      'https://open.spotify.com',
      'https://player.vimeo.com',
      'https://w.soundcloud.com',
      'https://www.dailymotion.com',
      'https://www.google.com',
      'https://www.youtube-nocookie.com',
    ]);
    expect(sources.warnings).toEqual([
      '/posts/odd/ embeds https://www.google.com, which is not a known video, map or document provider (YouTube, Vimeo, Google Docs, Sheets and Slides, Google Maps, SoundCloud, Spotify, Dailymotion); the Content-Security-Policy blocks it: replace the embed with a link',
      '/posts/odd/ embeds https://widgets.example.net, which is not a known video, map or document provider (YouTube, Vimeo, Google Docs, Sheets and Slides, Google Maps, SoundCloud, Spotify, Dailymotion); the Content-Security-Policy blocks it: replace the embed with a link',
      '/posts/old/ embeds http://player.vimeo.com/video/1 over http, which the Content-Security-Policy blocks; write it with https://',
    ]);
  });

  test('the headers carry the sources, and _headers and nginx the same policy', () => {
    const headers = getSecurityHeaders([], undefined, {
      imageSources: ['https://b.example', 'https://a.example'],
      frameSources: ['https://docs.google.com'],
    });
    const csp = headers['Content-Security-Policy']!;
    expect(csp).toContain("img-src 'self' data: https://a.example https://b.example;");
    expect(csp).toContain(
      'frame-src https://docs.google.com https://player.vimeo.com https://www.youtube-nocookie.com;',
    );
    expect(getSecurityHeaders([])['Content-Security-Policy']).toContain("img-src 'self' data:;");
    expect(renderHeadersFile(headers)).toContain(`Content-Security-Policy: ${csp}`);
    expect(renderNginxServer(headers, { root: '/srv', port: 80 })).toContain(
      `add_header Content-Security-Policy "${csp}" always;`,
    );
  });
});

describe("the names an image's address may have among the owner's copies", () => {
  test.each([
    ['https://blogger.googleusercontent.com/img/b/R29v/s1600/couch.jpg', ['couch.jpg']],
    ['http://2.bp.blogspot.com/-door/Dd/AAAAAAAAC2k/s1600/blue%2Bdoor.jpg', ['blue+door.jpg', 'blue door.jpg']],
    ['https://1.bp.blogspot.com/-z/Zz/s1600/%C3%B3leo%20quente.jpg', ['óleo quente.jpg']],
    ['https://example.com/photos/100%.jpg', ['100%.jpg']],
    ['https://example.com/photos/', []],
  ])('%s', (url, names) => {
    expect(folderImageNames(url)).toEqual(names);
  });
});
