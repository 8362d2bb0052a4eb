import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import {
  BloggerImportError,
  parseBloggerExport,
  toLanguageTag,
  type BloggerExport,
} from '../../src/lib/blogger/parse.ts';
import {
  ALT_PLACEHOLDER,
  planImport,
  planLabels,
  tagsForLabels,
  renderMarkdownFile,
  describeInvisibleLabel,
  shortId,
  slugForItem,
  slugFromOldPath,
} from '../../src/lib/blogger/plan.ts';
import { slugFromAnyTitle } from '../../src/lib/new-post.ts';
import { shownImageWidth } from '../../src/lib/blogger/image-urls.ts';
import { renderImportReport } from '../../src/lib/blogger/report.ts';
import { compareSettings, STARTER_SETTINGS, writeSettings } from '../../src/lib/blogger/settings.ts';
import { getEmbedTitle, startSeconds, toHttpsEmbedUrl } from '../../src/lib/blogger/transforms.ts';
import { checkContent, formatProblem } from '../../src/lib/content-check.ts';
import { oldLabels as oldLabelsRule } from '../../src/lib/content-rules/old-labels.ts';
import { tagAddresses } from '../../src/lib/content-rules/tag-addresses.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { oldLabelsField } from '../../src/lib/schemas/fields.ts';
import { contentInput } from './content-input.ts';
import { playersIn } from './players.ts';
import { slugifyTag } from '../../src/lib/slugs.ts';
import { getExcerpt } from '../../src/lib/text.ts';
import { mapPageViewsToPosts, parsePageViewsCsv } from '../../src/lib/pageviews.ts';
import {
  getRedirectFilePath,
  mergeRedirects,
  renderRedirectPage,
  renderRedirectsFile,
} from '../../src/lib/redirects.ts';

const feed = (entries: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:blogger="http://schemas.google.com/blogger/2018">${entries}</feed>`;
const post = (id: string, filename: string, title = 'A title') =>
  `<entry><id>tag:blogger.com,1999:blog-1.post-${id}</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><title>${title}</title><content type="html">&lt;p&gt;Text&lt;/p&gt;</content><published>2023-01-01T00:00:00Z</published><blogger:filename>${filename}</blogger:filename></entry>`;
const options = {
  takenPostSlugs: new Set<string>(),
  takenPageSlugs: new Set<string>(),
  existingAuthors: new Set<string>(),
};

describe('parseBloggerExport', () => {
  test('a post Blogger was to publish later (SCHEDULED) is kept with its date, and said so; a trashed one is still skipped', () => {
    const scheduled = post('2', '/2031/04/later.html', 'Spring reflexology')
      .replace('<blogger:status>LIVE</blogger:status>', '<blogger:status>SCHEDULED</blogger:status>')
      .replace('2023-01-01T00:00:00Z', '2031-04-01T08:00:00Z');
    const trashed = post('3', '/2023/02/gone.html').replace('LIVE', 'SOFT_TRASHED');
    const exported = parseBloggerExport(feed(scheduled + trashed));
    expect(exported.items).toHaveLength(1);
    expect(exported.items[0]).toMatchObject({ kind: 'post', title: 'Spring reflexology', draft: false });
    expect(exported.items[0]!.published).toMatch(/^2031-04-01/);
    expect(exported.problems.join('\n')).toContain(
      'the post "Spring reflexology" (/2031/04/later.html) was scheduled on Blogger for 2031-04-01',
    );
    expect(exported.skipped.map((item) => item.reason)).toEqual([
      'a post with status SOFT_TRASHED (deleted or in the bin)',
    ]);
  });

  test('recognises the Takeout format', () => {
    const exported = parseBloggerExport(feed(post('1', '/2023/01/a.html')));
    expect(exported.format).toBe('takeout');
    expect(exported.items[0]).toMatchObject({ kind: 'post', oldPath: '/2023/01/a.html', draft: false });
  });

  test('throws BloggerImportError, never a parser’s own error, for bad XML', () => {
    expect(() => parseBloggerExport('<feed')).toThrow(BloggerImportError);
    expect(() => parseBloggerExport('')).toThrow(BloggerImportError);
    expect(() => parseBloggerExport('hello, world')).toThrow(/is not well-formed XML/);
    // An empty download says so, not that an XML root element is missing.
    for (const empty of ['', '  \n']) expect(() => parseBloggerExport(empty)).toThrow(/^the file is empty: /);
    expect(() =>
      parseBloggerExport('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>'),
    ).toThrow(/has no Blogger entries/);
  });
});

describe('planning an import', () => {
  test('slugs come from the old file name, and a clash gets a number and a warning', () => {
    const exported = parseBloggerExport(feed(post('1', '/2023/01/same.html') + post('2', '/2024/02/same.html')));
    const plan = planImport(exported, { ...options, takenPostSlugs: new Set(['other']) });
    expect(plan.files.filter((f) => f.path.startsWith('posts/')).map((f) => f.path)).toEqual([
      'posts/same/index.md',
      'posts/same-2/index.md',
    ]);
    expect(plan.warnings).toEqual([
      '"A title" (/2024/02/same.html) is imported as "same-2", because "same" was already taken',
    ]);
  });

  test('a slug taken by existing content is not reused', () => {
    const exported = parseBloggerExport(feed(post('1', '/2023/01/about-massage.html')));
    const plan = planImport(exported, { ...options, takenPostSlugs: new Set(['about-massage']) });
    expect(plan.files[1]!.path).toBe('posts/about-massage-2/index.md');
  });

  test('an image without a description is written without one, on the to-do list, and the post is marked', () => {
    const exported: BloggerExport = {
      ...parseBloggerExport(feed(post('1', '/2023/01/a.html'))),
    };
    exported.items[0]!.html = '<p>Hi</p><img src="http://x.test/a.jpg"><img src="http://x.test/b.jpg" alt="A towel">';
    const plan = planImport(exported, options);
    const text = plan.files.find((f) => f.path === 'posts/a/index.md')!.text;
    // No placeholder a screen reader would read aloud: an empty description until the owner writes one.
    expect(text).toContain('![](https://x.test/a.jpg)');
    expect(text).not.toContain(ALT_PLACEHOLDER);
    expect(text).toContain('\naltTextPending: true\n');
    expect(plan.altToDo).toEqual([
      { file: 'posts/a/index.md', entry: '"A title" (/2023/01/a.html)', src: 'https://x.test/a.jpg', inHtml: false },
    ]);
    exported.items[0]!.html = '<img src="http://x.test/b.jpg" alt="A towel">';
    expect(planImport(exported, options).files.find((f) => f.path === 'posts/a/index.md')!.text).not.toContain(
      'altTextPending',
    );
  });

  test.each([
    ['90', 90],
    ['90s', 90],
    ['1m30s', 90],
    ['2h', 7200],
    ['1H2M', 3720],
    ['0', undefined],
    ['', undefined],
    ['1:30', undefined],
    ['soon', undefined],
  ])('the start time %j is %s seconds', (value, seconds) => {
    expect(startSeconds(value)).toBe(seconds);
  });

  test('helpers read Blogger ids and addresses', () => {
    expect(shortId('tag:blogger.com,1999:blog-123.post-456')).toBe('456');
    expect(slugFromOldPath('/2023/05/R%C3%A9flexologie-Guide.html')).toBe('reflexologie-guide');
    // An underscore is a word break, never glued away (deep_tissue is not deeptissue).
    expect(slugFromOldPath('/2023/05/deep_tissue__massage.html')).toBe('deep-tissue-massage');
    expect(slugFromOldPath('/2023/05/my-post_25.html')).toBe('my-post-25');
  });
});

describe('htmlToMarkdown', () => {
  test('keeps a table with merged cells as HTML rather than losing its shape', () => {
    const { markdown } = htmlToMarkdown(
      '<table><tr><td colspan="2">Both</td></tr><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(markdown).toContain('<td colspan="2">Both</td>');
  });

  test('drops scripts but keeps the text around them', () => {
    expect(htmlToMarkdown('<p>Before</p><script>alert(1)</script><p>After</p>').markdown).toBe('Before\n\nAfter\n');
  });
});

describe('redirects', () => {
  test('the first claim on an address wins, and a real page is never redirected', () => {
    expect(
      mergeRedirects(
        [
          [{ from: '/a.html', to: '/posts/a/' }],
          [
            { from: '/a.html', to: '/elsewhere/' },
            { from: '/posts/a/', to: '/x/' },
          ],
        ],
        new Set(['/posts/a/']),
      ),
    ).toEqual([{ from: '/a.html', to: '/posts/a/' }]);
  });

  test('a file address keeps its name; a folder address gets index.html', () => {
    expect(getRedirectFilePath('/2023/05/a.html')).toBe('2023/05/a.html');
    expect(getRedirectFilePath('/search/label/Mobile Massage')).toBe('search/label/Mobile Massage/index.html');
    expect(getRedirectFilePath('/2023/')).toBe('2023/index.html');
  });

  test('no page for a label too long to be a folder name (255 bytes): _redirects and nginx answer it', () => {
    const thai = 'การนวดแผนไทย'.repeat(8); // 96 letters, 288 bytes
    expect(getRedirectFilePath(`/search/label/${thai}`)).toBeUndefined();
    expect(getRedirectFilePath(`/search/label/${'Supercalifragilistic'.repeat(13)}`)).toBeUndefined();
    expect(getRedirectFilePath(`/search/label/${'การนวดแผนไทย'.repeat(7)}`)).toBe(
      `search/label/${'การนวดแผนไทย'.repeat(7)}/index.html`,
    );
    expect(renderRedirectsFile([{ from: `/search/label/${thai}`, to: '/tags/x/' }])).toContain(' /tags/x/ 301');
  });

  test('the redirect page and _redirects are escaped and encoded', () => {
    expect(renderRedirectPage('https://x.test/a?b=1&c="2"', 'en-GB')).toContain(
      '<meta http-equiv="refresh" content="0; url=https://x.test/a?b=1&amp;c=&quot;2&quot;">',
    );
    expect(renderRedirectsFile([{ from: '/search/label/Réflexologie', to: '/tags/réflexologie/' }])).toBe(
      '/search/label/R%C3%A9flexologie /tags/r%C3%A9flexologie/ 301\n',
    );
  });
});

describe('page-view exports', () => {
  test('reads Universal Analytics style columns and thousands separators', () => {
    const { rows } = parsePageViewsCsv('Page,Pageviews,Unique Pageviews\n/a.html,"1,234",900\n/b/,"12 345",1\n');
    expect(rows).toEqual([
      { path: '/a.html', views: 1234, line: 2 },
      { path: '/b/', views: 12345, line: 3 },
    ]);
  });

  test('says which columns it needs when it finds none', () => {
    expect(() => parsePageViewsCsv('Date,Sessions\n2024-01-01,5\n')).toThrow(/no column of pages and views was found/);
  });

  test('sums a post’s old and new addresses and reports the rest', () => {
    const addresses = new Map([
      ['/a.html', '/posts/a/'],
      ['/posts/a/', '/posts/a/'],
    ]);
    expect(
      mapPageViewsToPosts(
        [
          { path: 'https://old.blogspot.com/a.html?m=1', views: 3 },
          { path: '/posts/a', views: 2 },
          { path: '/', views: 9 },
        ],
        addresses,
      ),
    ).toEqual({ snapshot: { '/posts/a/': 5 }, unmatched: [{ path: '/', views: 9 }] });
  });

  test('counts /posts/a/index.html (the file a static host serves for /posts/a/) for the post, not as another page', () => {
    const addresses = new Map([['/posts/a/', '/posts/a/']]);
    expect(
      mapPageViewsToPosts(
        [
          { path: '/posts/a/index.html', views: 4 },
          { path: 'https://blog.example/posts/a/INDEX.HTM?x=1', views: 1 },
          { path: '/posts/a/', views: 2 },
          { path: '/posts/a/photo.html', views: 7 },
        ],
        addresses,
      ),
    ).toEqual({ snapshot: { '/posts/a/': 7 }, unmatched: [{ path: '/posts/a/photo.html', views: 7 }] });
  });
});

// The cases of issue 19 (tests/fixtures/blogger/cases/, copied from the shared case folders), each
// with siblings of its kind, in both export formats where the format matters.
const CASES = fileURLToPath(new URL('../fixtures/blogger/cases/', import.meta.url));
const readCase = (name: string) => parseBloggerExport(readFileSync(join(CASES, name), 'utf8'));
const planCase = (name: string, more: Partial<Parameters<typeof planImport>[1]> = {}) =>
  planImport(readCase(name), { ...options, ...more });
const fileOf = (plan: ReturnType<typeof planImport>, path: string) => {
  const file = plan.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in ${plan.files.map((f) => f.path).join(', ')}`);
  return { text: file.text, ...parseFrontmatter(file.text) };
};
/** One post in the "Back up content" format, with the given HTML. */
const backupPost = (html: string, { title = 'A post', path = '/2020/01/a-post.html' } = {}) =>
  `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2020-01-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>${title}</title><content type='html'>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><link rel='alternate' type='text/html' href='https://x.blogspot.com${path}'/><author><name>A. Reader</name></author></entry></feed>`;
const takeoutPost = (html: string, { title = 'A post', path = '/2020/01/a-post.html' } = {}) =>
  feed(
    `<entry><id>tag:blogger.com,1999:blog-9.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><title>${title}</title><content type="html">${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><published>2020-01-01T10:00:00.000Z</published><blogger:filename>${path}</blogger:filename></entry>`,
  );

describe('comments with HTML a comment cannot show', () => {
  const withComments = (...bodies: string[]) =>
    backupPost('<p>A post.</p>').replace(
      '</feed>',
      `${bodies
        .map(
          (html, i) =>
            `<entry><id>tag:blogger.com,1999:blog-9.post-${100 + i}</id><published>2020-01-0${2 + i}T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/><title type='text'>c</title><content type='html'>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><author><name>Reader ${i}</name></author><thr:in-reply-to xmlns:thr='http://purl.org/syndication/thread/1.0' ref='tag:blogger.com,1999:blog-9.post-1' type='text/html'/></entry>`,
        )
        .join('')}</feed>`,
    );

  test('an image becomes a link to it, a frame a link to its player, a table its text; scripts go with a warning; an empty comment is listed, not published blank', () => {
    const plan = planImport(
      parseBloggerExport(
        withComments(
          '<p>Look: <img src="http://1.bp.blogspot.com/-a/s320/my-feet.jpg" alt="My feet after"></p>',
          '<p>Here:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
          '<table><tr><td>Mon</td><td>10:00</td></tr><tr><td>Tue</td><td>closed</td></tr></table>',
          '<br><br>',
          '<p>Hi<script>alert(1)</script> there</p>',
        ),
      ),
      options,
    );
    const bodies = plan.files.filter((f) => f.path.startsWith('comments/')).map((f) => parseFrontmatter(f.text).body);
    expect(bodies).toHaveLength(4);
    expect(bodies[0]).toContain('[My feet after](https://1.bp.blogspot.com/-a/s320/my-feet.jpg)');
    expect(bodies[1]).toContain('[YouTube video](https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ)');
    expect(bodies[2]).toContain('Mon · 10:00');
    expect(bodies[2]).toContain('Tue · closed');
    expect(bodies.join('\n')).not.toMatch(/TODO|<iframe|<table|<img|<script|alert/);
    expect(plan.skipped).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/Reader 3 .*showed nothing/) }),
    ]);
    expect(plan.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^the comment by Reader 4 .*script/i)]),
    );
  });
});

describe('B1: a link that is not a web address', () => {
  test('is reported with the post’s title and old address, and its text is kept without the link', () => {
    const plan = planCase('B1-feed.atom');
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^"Chair Massage on Friday Afternoons" \(\/\d{4}\/\d{2}\/[\w-]+\.html\): the link "http:\/\/calm%20hands%20chair%20massage\/" \(on "booking page"\) is not a valid web address: its host name "calm hands chair massage" has spaces, and a host name cannot; its text is kept without the link$/,
      ),
      expect.stringMatching(
        /^"Warming Up Before a Sports Massage" \(.+\): the link "http:\/\/" \(on "old studio"\) is not a valid web address/,
      ),
    ]);
    const bodies = plan.files.filter((f) => f.path.startsWith('posts/')).map((f) => f.text);
    expect(bodies.join('\n')).toContain('kept a booking page that');
    expect(bodies.join('\n')).toContain('Our old studio closed');
    expect(bodies.join('\n')).not.toMatch(/\]\(http:\/\//);
  });

  test.each([
    ['javascript:alert(1)', 'is a javascript: address, which would run code'],
    ['http://localhost/booking', 'points at "localhost"'],
    [
      'http://exa mple.com/',
      'has spaces, and a host name cannot; its text is kept without the link (perhaps http://example.com/ was meant)',
    ],
    ['https://', 'is not a valid web address'],
    ['http://[::1/', 'is not a valid web address'],
  ])('%s in either format loses its link and is reported', (href, reason) => {
    for (const xml of [
      backupPost(`<p>See <a href="${href}">this</a>.</p>`),
      takeoutPost(`<p>See <a href="${href}">this</a>.</p>`),
    ]) {
      const plan = planImport(parseBloggerExport(xml), options);
      expect(plan.warnings.join('\n')).toContain(reason);
      expect(fileOf(plan, 'posts/a-post/index.md').body).toContain('See this.');
    }
  });

  test('good addresses stay links: relative, fragment, mailto, scheme-relative and ordinary web addresses', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p><a href="/p/about.html">a</a> <a href="#fn1">b</a> <a href="mailto:x@example.org">c</a> <a href="//example.org/x">d</a> <a href="https://exemple.fr/é?q=1">e</a></p><p id="fn1">1. A note.</p>',
    );
    expect(notes).toEqual([]);
    expect(markdown).toContain('[a](/p/about.html)');
    expect(markdown).toContain('[b](#fn1)');
    expect(markdown).toContain('[e](https://exemple.fr/é?q=1)');
  });

  test('a link within the post to a place it does not have is kept and named; #top, #comments, a heading and a named anchor are places', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<h2>Déjà vu &amp; Hot Stones</h2><p><a href="#top">Back to top</a> · <a href="#Sidebar-Archive">archive</a> · <a href="#déjà-vu--hot-stones">up</a> · <a href="#fn%201">1</a> · <a href="#comments">comments</a></p><p><a name="fn 1"></a>A note.</p>',
    );
    expect(markdown).toContain('[archive](#Sidebar-Archive)');
    expect(notes).toEqual([
      {
        kind: 'link',
        message:
          'the link "archive" leads to #Sidebar-Archive, but nothing in the post has that id, so it goes nowhere (on Blogger it may have led to the blog\'s sidebar); point it at a heading of the post or remove the link',
      },
    ]);
  });
});

describe('B2: frontmatter is read and written by a YAML library, and only a line of exactly --- ends it', () => {
  test('the case’s dash run stays in the description, and every field after it is read', () => {
    const post = fileOf(planCase('B2-blog-backup.xml'), 'posts/simple-routine-stiff-neck/index.md');
    expect(post.data).toMatchObject({
      kind: 'article',
      description: expect.stringMatching(/^STRETCH----Hold each position/),
    });
  });

  test.each([
    ['a dash run inside a value', 'title: A\ndescription: WORD----More\nkind: article'],
    ['a value that starts with three dashes', "title: '--- stretch'\nkind: article"],
    ['a line of dashes with trailing text', 'title: A\nnote: |\n  ---x\nkind: article'],
  ])('%s does not end the frontmatter', (_name, yaml) => {
    const parsed = parseFrontmatter(`---\n${yaml}\n---\n\nBody ---\n`);
    expect((parsed.data as Record<string, unknown>).kind).toBe('article');
    expect(parsed.body).toBe('\nBody ---\n');
  });

  test('an empty frontmatter, CRLF line ends and a byte-order mark are read', () => {
    expect(parseFrontmatter('---\n---\nText').body).toBe('Text');
    expect(parseFrontmatter('---\r\ntitle: A\r\n---\r\nText').data).toEqual({ title: 'A' });
    expect(parseFrontmatter('\uFEFF---\ntitle: A\n---\nText').data).toEqual({ title: 'A' });
  });

  test('whatever a title or description holds, the file the importer writes reads back as written', () => {
    for (const value of ['---', 'a\n---\nb', 'it\'s "quoted": yes', '# not a comment', '- not a list', '2021-03-05']) {
      const text = renderMarkdownFile({ title: value, description: value }, 'Body\n');
      expect(parseFrontmatter(text).data).toEqual({ title: value, description: value });
    }
  });
});

describe('B4: Flash YouTube players become the site’s click-to-load video player', () => {
  test('the case’s <object>/<embed> becomes the player, named after the post (its id is too short for a thumbnail)', () => {
    const plan = planCase('B4-blog-backup.xml');
    const post = fileOf(plan, 'posts/video-self-massage-tired-feet/index.md');
    expect(playersIn(post.body)).toEqual([
      {
        watch: 'https://www.youtube.com/watch?v=VIDEOID',
        embed: 'https://www.youtube-nocookie.com/embed/VIDEOID?autoplay=1',
        title: 'Video in “Video: Self-Massage for Tired Feet”',
        poster: undefined,
      },
    ]);
    expect(post.body).not.toMatch(/<object|<embed|<param|<iframe/);
    expect(plan.counts.embeds).toBe(1);
    expect(plan.warnings).toEqual([]);
  });

  test.each([
    [
      'https, params after ?',
      '<object><param name="movie" value="https://www.youtube.com/v/dQw4w9WgXcQ?version=3&amp;hl=en_US"></object>',
    ],
    [
      'scheme-relative nocookie',
      '<embed src="//www.youtube-nocookie.com/v/dQw4w9WgXcQ&hl=en" type="application/x-shockwave-flash">',
    ],
    [
      'object data, no www',
      '<object data="http://youtube.com/v/dQw4w9WgXcQ" type="application/x-shockwave-flash"></object>',
    ],
    [
      'upper-case tags and attributes, as 2006 editors wrote them',
      '<OBJECT WIDTH="425" HEIGHT="350"><PARAM NAME="movie" VALUE="http://www.youtube.com/v/dQw4w9WgXcQ"></PARAM><EMBED SRC="http://www.youtube.com/v/dQw4w9WgXcQ" TYPE="application/x-shockwave-flash" WIDTH="425" HEIGHT="350"></EMBED></OBJECT>',
    ],
  ])('%s', (_name, html) => {
    const { markdown, notes, posters } = htmlToMarkdown(`<p>Watch:</p>${html}`, { title: 'Pés cansados' });
    expect(playersIn(markdown)).toEqual([
      {
        watch: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        embed: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
        title: 'Video in “Pés cansados”',
        poster: undefined,
      },
    ]);
    expect(posters).toEqual([
      { title: 'Video in “Pés cansados”', source: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg' },
    ]);
    expect(notes).toEqual([]);
  });

  test.each([
    [
      'youtube-nocookie.com/v/ID with options after &',
      '<object width="425" height="344"><param name="movie" value="http://www.youtube-nocookie.com/v/dQw4w9WgXcQ&amp;hl=en_GB&amp;fs=1&amp;rel=0"></param><param name="allowFullScreen" value="true"></param><embed src="http://www.youtube-nocookie.com/v/dQw4w9WgXcQ&amp;hl=en_GB&amp;fs=1&amp;rel=0" type="application/x-shockwave-flash" allowfullscreen="true" width="425" height="344"></embed></object>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'www.youtube.com/v/ID&hl=en&fs=1 in an <embed> alone',
      '<embed src="http://www.youtube.com/v/dQw4w9WgXcQ&hl=en&fs=1" type="application/x-shockwave-flash" width="480" height="385">',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'youtube.googleapis.com/v/ID (the 2010 embed code)',
      '<object data="http://youtube.googleapis.com/v/dQw4w9WgXcQ?start=42" type="application/x-shockwave-flash"></object>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42&autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    ],
    [
      'Vimeo moogaloop.swf?clip_id=ID&server=… in <object> and <embed>',
      '<object width="400" height="225"><param name="allowfullscreen" value="true" /><param name="movie" value="http://vimeo.com/moogaloop.swf?clip_id=7100569&amp;server=vimeo.com&amp;show_title=1&amp;show_byline=1&amp;color=00adef&amp;fullscreen=1" /><embed src="http://vimeo.com/moogaloop.swf?clip_id=7100569&amp;server=vimeo.com&amp;show_title=1&amp;color=00adef&amp;fullscreen=1" type="application/x-shockwave-flash" allowfullscreen="true" width="400" height="225"></embed></object>',
      'https://player.vimeo.com/video/7100569?autoplay=1&dnt=1',
      'https://vimeo.com/7100569',
    ],
    [
      'Vimeo moogaloop.swf?clip_id=ID alone',
      '<embed src="//www.vimeo.com/moogaloop.swf?clip_id=7100569" type="application/x-shockwave-flash">',
      'https://player.vimeo.com/video/7100569?autoplay=1&dnt=1',
      'https://vimeo.com/7100569',
    ],
    [
      'Vimeo moogaloop.swf with the clip in flashvars',
      '<embed src="http://vimeo.com/moogaloop.swf" flashvars="clip_id=7100569&amp;server=vimeo.com" type="application/x-shockwave-flash">',
      'https://player.vimeo.com/video/7100569?autoplay=1&dnt=1',
      'https://vimeo.com/7100569',
    ],
  ])('siblings: %s becomes the player', (_name, html, embed, watch) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Watch:</p>${html}<p>After.</p>`);
    expect(playersIn(markdown)).toEqual([expect.objectContaining({ embed, watch })]);
    expect(markdown).not.toMatch(/<object|<embed|<param|<iframe|moogaloop|swf/);
    expect(notes).toEqual([]);
  });

  test('Dailymotion’s Flash player, which the site has no player for, becomes its frame', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Watch:</p><object width="480" height="270"><param name="movie" value="http://www.dailymotion.com/swf/video/x7tgad0?additionalInfos=0"></param><embed type="application/x-shockwave-flash" src="http://www.dailymotion.com/swf/video/x7tgad0?additionalInfos=0" width="480" height="270"></embed></object><p>After.</p>',
    );
    expect(markdown).toContain(
      '<iframe src="https://www.dailymotion.com/embed/video/x7tgad0" title="Dailymotion video" loading="lazy"',
    );
    expect(markdown).not.toMatch(/<object|<embed|<param|swf/);
    expect(notes).toEqual([]);
  });

  test('a Vimeo Flash player that names no clip is removed and reported like any other Flash object', () => {
    const { markdown, notes } = htmlToMarkdown('<embed src="http://vimeo.com/moogaloop.swf"><p>After</p>');
    expect(markdown).toBe('After\n');
    expect(notes[0]).toMatchObject({ kind: 'flash', message: expect.stringContaining('moogaloop.swf') });
  });

  test('any other Flash object is removed and reported, never kept for the CSP to block', () => {
    const { markdown, notes } = htmlToMarkdown('<object data="http://example.org/game.swf"></object><p>After</p>');
    expect(markdown).toBe('After\n');
    expect(notes[0]).toMatchObject({ kind: 'flash', message: expect.stringContaining('http://example.org/game.swf') });
  });
});

describe('B5: embeds are https and titled by their provider', () => {
  test('the case’s Vimeo, Slides and Docs frames', () => {
    const plan = planCase('B5-feed.atom');
    const body = plan.files.find((f) => f.path.startsWith('posts/'))!.text;
    // The Vimeo frame is the site's player; Google's frames stay frames.
    expect(playersIn(body)).toEqual([
      {
        watch: 'https://vimeo.com/11112222',
        embed: 'https://player.vimeo.com/video/11112222?autoplay=1&dnt=1',
        title: 'Video in “Gentle Lymphatic Drainage: Slides and a Demo”',
        poster: undefined,
      },
    ]);
    expect(body).toMatch(/src="https:\/\/docs\.google\.com\/presentation\/[^"]+" title="Google Slides presentation"/);
    expect(body).toMatch(/src="https:\/\/docs\.google\.com\/document\/[^"]+" title="Google Docs document"/);
    expect(body).not.toContain('http://');
    expect(plan.counts.embeds).toBe(3);
    expect(plan.warnings).toEqual([]);
  });

  test.each([
    ['//player.vimeo.com/video/1', 'https://player.vimeo.com/video/1', 'Vimeo video'],
    [
      'http://www.youtube.com/embed/dQw4w9WgXcQ?start=30',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30',
      'YouTube video',
    ],
    [
      'https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
      'https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
      'YouTube video',
    ],
    [
      'http://www.youtube.com/v/dQw4w9WgXcQ&hl=en&fs=1&start=45',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=45',
      'YouTube video',
    ],
    // YouTube's t= in hours, minutes and seconds is the player's start in seconds.
    [
      'http://www.youtube.com/embed/ZyXwVuTsRq9?t=1m30s&showinfo=0',
      'https://www.youtube-nocookie.com/embed/ZyXwVuTsRq9?start=90',
      'YouTube video',
    ],
    [
      'https://youtu.be/ZyXwVuTsRq9?t=1h2m3s',
      'https://www.youtube-nocookie.com/embed/ZyXwVuTsRq9?start=3723',
      'YouTube video',
    ],
    // A Google Maps frame is a link to the map, with a note (see blogger-maps.test.ts).
    [
      'http://docs.google.com/spreadsheets/d/e/2PACX-x/pubhtml?widget=true',
      'https://docs.google.com/spreadsheets/d/e/2PACX-x/pubhtml?widget=true',
      'Google Sheets spreadsheet',
    ],
    ['https://w.soundcloud.com/player/?url=x', 'https://w.soundcloud.com/player/?url=x', 'SoundCloud audio player'],
    ['https://open.spotify.com/embed/track/abc', 'https://open.spotify.com/embed/track/abc', 'Spotify player'],
  ])('%s', (src, https, title) => {
    expect(toHttpsEmbedUrl(src)?.href).toBe(https);
    expect(getEmbedTitle(new URL(https))).toBe(title);
    expect(htmlToMarkdown(`<iframe src="${src}"></iframe>`).notes).toEqual([]);
  });

  test('a frame from an unknown provider becomes a link, upgraded to https, and is listed for the owner', () => {
    const { markdown, notes } = htmlToMarkdown('<iframe src="http://charts.example.net/c/1"></iframe>');
    expect(markdown).toContain('[Embedded content from charts.example.net](https://charts.example.net/c/1)');
    expect(notes).toEqual([
      expect.objectContaining({
        kind: 'embed-unknown',
        message: expect.stringContaining('https://charts.example.net'),
      }),
    ]);
  });
});

describe('B6: scripts', () => {
  test('the case’s gist becomes a link, and the page of only scripts is an error and a draft, not a blank page', () => {
    const plan = planCase('B6-feed.atom');
    const post = plan.files.find((f) => f.path.startsWith('posts/'))!.text;
    expect(post).toContain('[the gist someone/abc123 on GitHub](https://gist.github.com/someone/abc123)');
    const page = fileOf(plan, 'pages/sessions-per-month.md');
    expect(page.data).toMatchObject({ draft: true, title: 'Sessions per Month' });
    expect(page.body).toContain('google.charts.load');
    expect(plan.errors).toEqual([
      expect.stringContaining('"Sessions per Month" (/p/sessions-per-month.html) has nothing a reader could see'),
    ]);
    expect(plan.warnings.filter((w) => w.includes('a script was removed'))).toHaveLength(2);
    expect(plan.warnings.every((w) => w.startsWith('"Sessions per Month" (/p/sessions-per-month.html): '))).toBe(true);
  });

  test('a gist followed by the code the export held keeps that code as a code block', () => {
    const { markdown } = htmlToMarkdown(
      '<script src="https://gist.github.com/ann/0f9e8d.js?file=timer.sh"></script><noscript><pre>sleep 3000 &amp;&amp; echo "stretch --now"</pre></noscript>',
    );
    expect(markdown).toBe(
      'Code: [the gist ann/0f9e8d on GitHub](https://gist.github.com/ann/0f9e8d#file-timer-sh)\n\n```\nsleep 3000 && echo "stretch --now"\n```\n',
    );
  });

  test('a <noscript> that only asks to turn JavaScript on is removed, so a page of a script and that request is an empty page', () => {
    const plan = planImport(
      parseBloggerExport(
        backupPost(
          '<script src="https://example.org/map.js"></script><noscript><p>Bitte <b>JavaScript</b> aktivieren, um die Karte zu sehen.</p></noscript>',
        ),
      ),
      options,
    );
    expect(plan.errors).toEqual([
      expect.stringContaining('has nothing a reader could see once its scripts were removed'),
    ]);
    expect(plan.warnings).toContainEqual(
      '"A post" (/2020/01/a-post.html): a message for readers without JavaScript ("Bitte JavaScript aktivieren, um die Karte zu sehen.") is removed: it was about a script the site does not run, and every reader would see it',
    );
    // A fallback with something to see (a link, a picture) stays, whatever it says.
    const { markdown } = htmlToMarkdown(
      '<p>Clients:</p><noscript><a href="https://example.org/map.png">The map</a> (JavaScript is off)</noscript>',
    );
    expect(markdown).toContain('[The map](https://example.org/map.png) (JavaScript is off)');
  });

  test('Word’s conditional comments and AdSense ad boxes, which show nothing, are removed; an author’s comment stays', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--><p class="MsoNormal">Warm the <!-- check the temperature -->stones.<!--[if !supportLists]--> ·<!--[endif]--></p><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-123"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script><p>Then rest.</p>',
    );
    expect(markdown).toBe('Warm the <!-- check the temperature -->stones. ·\n\nThen rest.\n');
    expect(notes.map((note) => note.message)).toContain(
      'an AdSense ad box was removed (<ins class="adsbygoogle">): the ad script that filled it does not run here',
    );
  });

  test('in the backup format too, any other script is removed and named in a warning', () => {
    const plan = planImport(
      parseBloggerExport(
        backupPost('<p>Hi</p><script src="https://ads.example/x.js"></script><script>document.write(1)</script>'),
      ),
      options,
    );
    expect(plan.warnings).toEqual([
      '"A post" (/2020/01/a-post.html): a script was removed (https://ads.example/x.js); the site runs no scripts from posts',
      '"A post" (/2020/01/a-post.html): a script was removed (inline: document.write(1)); the site runs no scripts from posts',
    ]);
    expect(plan.errors).toEqual([]);
  });
});

describe('B7: named anchors and the jump break', () => {
  test('the case’s anchors become ids, the jump break the excerpt marker, and no empty link is left', () => {
    const post = fileOf(planCase('B7-blog-backup.xml'), 'posts/reflexology-session-feels-like/index.md');
    expect(post.body).toContain('<span id="ref1"></span>');
    expect(post.body).toContain('<span id="fn1"></span>');
    expect(post.body).toContain('\n<!-- more -->\n');
    expect(post.body).not.toContain('[]()');
    expect((post.data as { description: string }).description).toBe(
      'The first ten minutes are mostly warm towels and slow pressure on the heel.[1]',
    );
  });

  test('siblings: an anchor with text keeps it, an inline jump break ends the excerpt there, a repeated id is dropped', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Intro words.<a name="more"></a> Rest of it.</p><h2><a name="steps">Steps</a></h2><p><a id="steps"></a>x <a href="">empty</a></p>',
    );
    expect(markdown).toContain('Intro words.<!-- more --> Rest of it.');
    expect(markdown).toContain('## <span id="steps">Steps</span>');
    expect(markdown).toContain('\n\nx empty\n');
    expect(getExcerpt(markdown)).toBe('Intro words.');
  });
});

describe('links with no address', () => {
  test.each([
    [
      'href=" " (only a space)',
      '<p>Book <a href=" ">here</a> today.</p>',
      'Book here today.',
      'the link on "here" has no address (href=" ")',
    ],
    [
      'href="" (empty)',
      '<p>Book <a href="">here</a> today.</p>',
      'Book here today.',
      'the link on "here" has no address (href="")',
    ],
    [
      'href with a tab and a no-break space',
      '<p>Book <a href="\t&nbsp;">here</a>.</p>',
      'Book here.',
      'the link on "here" has no address',
    ],
    [
      'around an image',
      '<p><a href=" "><img src="https://example.org/a.jpg" alt="A bowl"></a></p>',
      '![A bowl](https://example.org/a.jpg)',
      'a link around an image has no address',
    ],
    [
      'with nothing inside',
      '<p>Text<a href="  "></a> on.</p>',
      'Text on.',
      'an empty link, with no address and no text (href="  "), was removed',
    ],
  ])('%s keeps what it held, loses the link, and is reported', (_name, html, kept, message) => {
    const { markdown, notes } = htmlToMarkdown(html);
    expect(markdown).toContain(kept);
    expect(markdown).not.toMatch(/\]\(\s*\)|href=/);
    expect(notes).toEqual([{ kind: 'link', message: expect.stringContaining(message) }]);
    const plan = planImport(parseBloggerExport(backupPost(html)), options);
    expect(plan.warnings).toEqual([expect.stringMatching(/^"A post" \(\/2020\/01\/a-post\.html\): /)]);
  });

  test('a named anchor or the jump break with an empty href is an anchor, not a link to report', () => {
    const { markdown, notes } = htmlToMarkdown(
      '<p>Intro<a href="" name="more"></a> more <a href=" " id="fn1"></a>[1]</p>',
    );
    expect(markdown).toContain('<!-- more -->');
    expect(markdown).toContain('<span id="fn1"></span>');
    expect(notes).toEqual([]);
  });
});

describe('B8: block elements inside a heading keep word boundaries', () => {
  test('the case and its siblings (<br>, <p>, nested <div>)', () => {
    const body = planCase('B8-feed.atom').files.find((f) => f.path.startsWith('posts/'))!.text;
    expect(body).toContain('## Deep Tissue\n');
    expect(body).toContain('### Hot Stone\n');
    expect(htmlToMarkdown('<h2>Warm<br>Up</h2><h3><p>Cool</p><div><div>Down</div></div></h3>').markdown).toBe(
      '## Warm Up\n\n### Cool Down\n',
    );
  });
});

describe('B9: a table without header cells stays a table without an empty header', () => {
  test('the case’s table is kept as HTML, two rows and no <th>', () => {
    const body = planCase('B9-blog-backup.xml').files.find((f) => f.path.startsWith('posts/'))!.text;
    expect(body).toContain('<table');
    expect(body).toContain('<td>30 minutes</td>');
    expect(body).not.toMatch(/<th|\| *\|/);
  });

  test('a table whose first row is header cells becomes a Markdown table; one with a <th> only in a later row stays HTML', () => {
    expect(
      htmlToMarkdown('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>').markdown,
    ).toContain('| A | B |');
    expect(htmlToMarkdown('<table><tr><td>A</td></tr><tr><th>B</th></tr></table>').markdown).toMatch(/^<table>/);
  });
});

describe('B10: drafts and untitled entries', () => {
  test('the case’s draft page is imported as a draft page', () => {
    const plan = planCase('B10-blog-backup.xml');
    const page = fileOf(plan, 'pages/cancellation-policy.md');
    expect(page.data).toMatchObject({ title: 'Cancellation Policy', draft: true });
    expect(page.body).toContain('twenty-four hours notice');
    expect(plan.counts).toMatchObject({ posts: 1, pages: 1, pageDrafts: 1 });
    expect(plan.skipped).toEqual([]);
  });

  test('an untitled post and an untitled page get a title from their first words, a readable slug and a report line', () => {
    for (const xml of [
      takeoutPost('<p>Three quick stretches for the wrists between clients, every hour.</p>', {
        title: '',
        path: '/2020/01/blog-post.html',
      }),
      backupPost('<p>Three quick stretches for the wrists between clients, every hour.</p>', {
        title: '',
        path: '/2020/01/blog-post.html',
      }),
    ]) {
      const plan = planImport(parseBloggerExport(xml), options);
      const post = fileOf(plan, 'posts/three-quick-stretches-for-the-wrists-between-clients/index.md');
      expect((post.data as { title: string }).title).toBe('Three quick stretches for the wrists between clients');
      expect(plan.warnings).toEqual([
        expect.stringContaining('the untitled post /2020/01/blog-post.html of 2020-01-01 is titled'),
      ]);
    }
    const empty = planImport(
      parseBloggerExport(takeoutPost('<p>🙂</p>', { title: '', path: '/2020/01/blog-post_5.html' })),
      options,
    );
    expect(fileOf(empty, 'posts/slightly-smiling-face/index.md').data).toMatchObject({ title: '🙂' });
  });

  test('an empty untitled post is reported as empty (not as removed scripts), titled from its date, and kept as a draft saying so', () => {
    for (const html of ['', '<div><br /></div>', '<p>&nbsp;</p>\n<!-- nothing -->']) {
      for (const xml of [
        takeoutPost(html, { title: '', path: '/2020/01/blog-post_7.html' }),
        backupPost(html, { title: '', path: '/2020/01/blog-post_7.html' }),
      ]) {
        const plan = planImport(parseBloggerExport(xml), options);
        const post = fileOf(plan, 'posts/post-of-2020-01-01/index.md');
        expect(post.data).toMatchObject({ title: 'Post of 2020-01-01', draft: true });
        expect(post.body.trimStart()).toBe(
          'This post was empty in the Blogger export, and had no title. Write it, or delete this file.\n',
        );
        expect(plan.errors).toEqual([
          '"Post of 2020-01-01" (/2020/01/blog-post_7.html) is empty in the export: no title and no text; it is imported as a draft in posts/post-of-2020-01-01/index.md: write it or delete it',
        ]);
        expect(plan.warnings).toEqual([
          'the untitled post /2020/01/blog-post_7.html of 2020-01-01 is titled "Post of 2020-01-01" from its date (it has no text to take a title from); change the title if you like',
        ]);
        expect(plan.errors.join(' ')).not.toContain('script');
      }
    }
  });

  test('siblings: a titled empty post is "empty", one of only a Flash object names the plug-in, one of only scripts names the scripts', () => {
    const run = (html: string) => planImport(parseBloggerExport(backupPost(html)), options).errors;
    expect(run('<p> </p>')).toEqual([
      '"A post" (/2020/01/a-post.html) is empty in the export: it has no text; it is imported as a draft in posts/a-post/index.md: write it or delete it',
    ]);
    expect(run('<object data="http://example.org/game.swf"></object>')).toEqual([
      expect.stringContaining(
        'has nothing a reader could see once its plug-in objects were removed; it is imported as a draft with its original HTML',
      ),
    ]);
    expect(run('<script>drawChart()</script>')).toEqual([
      expect.stringContaining('has nothing a reader could see once its scripts were removed'),
    ]);
  });

  test('an entry without a published date is dated by its update, and one with neither is kept as a draft; the rest goes on', () => {
    const xml = readFileSync(join(CASES, 'B10-blog-backup.xml'), 'utf8')
      .replace('<published>2020-01-05T10:00:00.000Z</published>', '')
      .replace('<published>2020-01-06T10:00:00.000Z</published>', '')
      .replace('<updated>2020-01-06T10:00:00.000Z</updated>', '');
    const exported = parseBloggerExport(xml);
    const today = new Date().toISOString().slice(0, 10);
    expect(exported.items.map((i) => [i.published, i.draft])).toEqual([
      ['2020-01-05T10:00:00.000Z', false],
      [today, true],
    ]);
    expect(exported.problems).toEqual([
      'the post "Welcome to Kind Knuckles" (/2020/01/welcome.html): it has no published date; it is dated by its last update, 2020-01-05T10:00:00.000Z',
      `the page "Cancellation Policy": it has no published date; it is imported as a draft dated ${today}; set its pubDate and remove draft: true to publish it`,
    ]);
  });

  test('an entry with no date and no old address keeps the day of its first import on a later import', () => {
    const xml = readFileSync(join(CASES, 'B10-blog-backup.xml'), 'utf8')
      .replace('<published>2020-01-06T10:00:00.000Z</published>', '')
      .replace('<updated>2020-01-06T10:00:00.000Z</updated>', '');
    const first = parseBloggerExport(xml, { today: '2026-11-30' });
    const page = first.items.find((item) => item.kind === 'page')!;
    expect(page).toMatchObject({ published: '2026-11-30', draft: true, datedByImport: true });
    const later = parseBloggerExport(xml, {
      today: '2026-12-01',
      undatedDays: new Map([[page.id, page.published]]),
    });
    expect(later.items.find((item) => item.kind === 'page')).toEqual(page);
    expect(planImport(later, options).files).toEqual(planImport(first, options).files);
    // Without the remembered day, another day would write another file: what the memory is for.
    expect(parseBloggerExport(xml, { today: '2026-12-01' }).items.find((item) => item.kind === 'page')!.published).toBe(
      '2026-12-01',
    );
    expect(first.items.find((item) => item.kind === 'post')).not.toHaveProperty('datedByImport');
  });

  test('a truncated or foreign file still stops the import with a message', () => {
    const xml = readFileSync(join(CASES, 'B10-blog-backup.xml'), 'utf8');
    expect(() => parseBloggerExport(xml.slice(0, 900))).toThrow(/not well-formed XML/);
    expect(() => parseBloggerExport('{"posts": []}')).toThrow(BloggerImportError);
  });
});

describe('B11: labels', () => {
  test('every label a post has is kept as a tag, even two that an address rule could confuse', () => {
    const post = planCase('B11-variant-one-post-both-labels.xml').files.find((f) => f.path.startsWith('posts/'))!;
    expect((parseFrontmatter(post.text).data as { tags: string[] }).tags).toEqual(['C', 'C++']);
    const three = planCase('B11-blog-backup.xml');
    expect(three.counts.labels).toBe(3);
  });

  test('C, C# and C++ get three tag addresses by the site’s one tag rule, so no label clashes', () => {
    const three = planCase('B11-blog-backup.xml');
    expect(three.labelMerges).toEqual([]);
    expect(['C', 'C#', 'C++'].map(slugifyTag)).toEqual(['c', 'c-sharp', 'c-plus-plus']);
  });

  test('spellings of one address become one tag, the most used spelling (the first met on a tie), with the others as oldLabels', () => {
    const plan = planCase('B15-label-spellings.xml');
    const tagsOf = (name: string) =>
      fileOf(plan, `posts/${name}/index.md`).data as { tags: string[]; oldLabels?: Record<string, string> };
    // "Self-care" and "self care" are used by two posts each: "Self-care" came first in the export.
    // "Q&A" and "Q and A" are different words with one address: "Q and A" keeps it (a tie, and no
    // symbols), and "Q&A" is named by its symbol.
    expect(tagsOf('self-care-sunday')).toMatchObject({
      tags: ['Self-care', '— (em dash)', 'Massagem-Relaxante', 'Q&A (ampersand)'],
      oldLabels: { '—': '— (em dash)', 'Q&A': 'Q&A (ampersand)' },
    });
    expect(tagsOf('hand-massage-between-clients')).toEqual(
      expect.objectContaining({
        tags: ['Self-care', '• (bullet)', 'Massagem-Relaxante'],
        oldLabels: { 'self care': 'Self-care', '•': '• (bullet)', 'massagem relaxante': 'Massagem-Relaxante' },
      }),
    );
    expect(tagsOf('jaw-tension-at-the-desk')).toMatchObject({
      tags: ['Self-care', '★', '!!!', 'Mindfulness'],
      oldLabels: { 'SELF CARE': 'Self-care' },
    });
    // Two spellings in one post are one tag; C keeps its own address.
    expect(tagsOf('reader-questions-april')).toMatchObject({
      tags: ['Self-care', 'Q and A', 'Mindfulness', 'C'],
      oldLabels: { 'Self Care': 'Self-care', mindfulness: 'Mindfulness' },
    });
    expect(plan.labelMerges.map((m) => [m.slug, m.label, m.spellings.map((s) => `${s.label}:${s.posts}`)])).toEqual([
      ['self-care', 'Self-care', ['Self-care:2', 'self care:2', 'SELF CARE:1', 'Self Care:1']],
      ['massagem-relaxante', 'Massagem-Relaxante', ['Massagem-Relaxante:1', 'massagem relaxante:1']],
      ['mindfulness', 'Mindfulness', ['Mindfulness:2', 'mindfulness:1']],
    ]);
    expect(plan.warnings).toContain(
      'the labels "Self-care" (2 posts), "self care" (2 posts), "SELF CARE" (1 post), "Self Care" (1 post) are one tag here, /tags/self-care/: every post is tagged "Self-care" (the spelling most posts used, the first met on a tie), and the old /search/label/ address of each other spelling leads to it (the posts\u2019 oldLabels); to show another spelling, write it in the posts\u2019 tags and oldLabels'.replaceAll(
        '\u2019',
        "'",
      ),
    );
    expect(plan.warnings).toContain(
      'the label "—" has no letter or digit to make an address from; it is the tag "— (em dash)" (/tags/em-dash/), named after its characters, and its old address leads there',
    );
  });

  test.each([
    [
      ['.NET', 'dot.net'],
      ['.NET', 'dot.net (full stop)'],
      ['dot-net', 'dot-net-full-stop'],
    ],
    [
      ['Q&A', 'Q and A'],
      ['Q&A (ampersand)', 'Q and A'],
      ['q-and-a-ampersand', 'q-and-a'],
    ],
    [
      ['100%', '100 percent'],
      ['100% (percent sign)', '100 percent'],
      ['100-percent-percent-sign', '100-percent'],
    ],
    [
      ['C++', 'C plus plus'],
      ['C++ (plus sign)', 'C plus plus'],
      ['c-plus-plus-plus-sign', 'c-plus-plus'],
    ],
    [
      ['Node.js', 'Node js'],
      ['Node.js (full stop)', 'Node js'],
      ['node-js-full-stop', 'node-js'],
    ],
    [
      ['C plus plus', 'c-plus-plus', 'C++'],
      ['C plus plus', 'C plus plus', 'C++ (plus sign)'],
      ['c-plus-plus', 'c-plus-plus', 'c-plus-plus-plus-sign'],
    ],
  ])('different words that make one address stay different tags at different addresses: %j', (labels, tags, slugs) => {
    const plan = planLabels([{ labels }]);
    expect(labels.map((label) => plan.tagOf.get(label))).toEqual(tags);
    expect(tags.map(slugifyTag)).toEqual(slugs);
    expect(plan.renamed).toHaveLength(1);
  });

  test('the label more posts used keeps the address; a tie goes to the first met when both have symbols', () => {
    const tie = planLabels([{ labels: ['dot.net'] }, { labels: ['.NET'] }]);
    expect(tie.tagOf.get('dot.net')).toBe('dot.net');
    expect(tie.tagOf.get('.NET')).toBe('.NET (full stop)');
    const used = planLabels([{ labels: ['dot.net'] }, { labels: ['.NET'] }, { labels: ['.net'] }]);
    expect([...used.tagOf]).toEqual([
      ['dot.net', 'dot.net (full stop)'],
      ['.NET', '.NET'],
      ['.net', '.NET'],
    ]);
    // The site's own tag at that address keeps it, whichever label the export used more.
    const site = planLabels([{ labels: ['.NET'] }, { labels: ['.NET'] }], new Map([['dot-net', 'dot.net']]));
    expect(site.tagOf.get('.NET')).toBe('.NET (full stop)');
    expect(site.renamed).toEqual([{ label: '.NET', tag: '.NET (full stop)', holder: 'dot.net', slug: 'dot-net' }]);
  });

  test('a renamed label is reported, its posts keep their old label, and the site’s tag check passes', () => {
    const xml = feed(
      [
        ['1', '/2023/01/a.html', ['.NET', 'Sleep']],
        ['2', '/2023/01/b.html', ['dot.net']],
        ['3', '/2023/01/c.html', ['ＡＢＣ']],
        ['4', '/2023/01/d.html', ['ABC', 'C#', 'C♯']],
      ]
        .map(([id, path, labels]) =>
          post(id as string, path as string, `Post ${id as string}`).replace(
            '<title>',
            `${(labels as string[]).map((l) => `<category scheme="http://www.blogger.com/atom/ns#" term="${l}"/>`).join('')}<title>`,
          ),
        )
        .join(''),
    );
    const plan = planImport(parseBloggerExport(xml), options);
    expect(plan.warnings).toContain(
      `the labels ".NET" and "dot.net" are different words that would share the address /tags/dot-net/; ".NET" keeps it (the label more posts used; on a tie, one without symbols, then the first met), and "dot.net" is the tag "dot.net (full stop)" at /tags/dot-net-full-stop/, where its old address leads; to name it otherwise, change it in the posts' tags and oldLabels`,
    );
    // Fullwidth and ASCII letters are one word: one tag, with the merge reported.
    expect(plan.labelMerges).toEqual([
      {
        slug: 'abc',
        label: 'ABC',
        spellings: [
          { label: 'ＡＢＣ', posts: 1 },
          { label: 'ABC', posts: 1 },
        ],
      },
    ]);
    expect(plan.warnings.join('\n')).toContain(
      'the labels "ＡＢＣ" (1 post), "ABC" (1 post) are one tag here, /tags/abc/: every post is tagged "ABC"',
    );
    const data = (path: string) => fileOf(plan, path).data as { tags: string[]; oldLabels?: Record<string, string> };
    expect(data('posts/b/index.md')).toMatchObject({
      tags: ['dot.net (full stop)'],
      oldLabels: { 'dot.net': 'dot.net (full stop)' },
    });
    // C# and C♯ are written differently and make different addresses: two tags, nothing renamed.
    expect(data('posts/d/index.md')).toMatchObject({ tags: ['ABC', 'C#', 'C♯'] });
    expect(data('posts/c/index.md')).toMatchObject({ tags: ['ABC'], oldLabels: { ＡＢＣ: 'ABC' } });
    expect(['C#', 'C♯'].map(slugifyTag)).toEqual(['c-sharp', 'c♯']);
    const posts = plan.files
      .filter((file) => file.path.startsWith('posts/'))
      .map((file) => ({ path: `content/${file.path}`, entry: file.path.slice(6), text: file.text }));
    expect(checkContent(contentInput({ posts }), [tagAddresses, oldLabelsRule]).map(formatProblem)).toEqual([]);
  });

  test('the merges are on the owner’s to-do list in the import report', () => {
    const report = renderImportReport(planCase('B15-label-spellings.xml'), () => '');
    expect(report).toMatch(/## Changes to check\n\n[^]*labels\nwritten several ways that became one tag:/);
    expect(report).toContain('- [ ] the labels "Self-care" (2 posts), "self care" (2 posts), "SELF CARE" (1 post)');
  });

  test('the written tags pass the site’s own tag check: no address shared by two tags, none empty', () => {
    const plan = planCase('B15-label-spellings.xml');
    const posts = plan.files
      .filter((file) => file.path.startsWith('posts/'))
      .map((file) => ({ path: `content/${file.path}`, entry: file.path.slice(6), text: file.text }));
    const problems = checkContent(contentInput({ posts }), [tagAddresses, oldLabelsRule]).map(formatProblem);
    expect(problems).toEqual([]);
    // Without the merge, the same labels fail that check (the build would stop).
    const unmerged = readCase('B15-label-spellings.xml').items.map((item, index) => ({
      path: `content/posts/p${index}.md`,
      entry: `p${index}.md`,
      text: renderMarkdownFile(
        {
          title: item.title,
          description: 'D',
          pubDate: item.published,
          author: 'editorial',
          kind: 'article',
          tags: item.labels,
        },
        'Text.\n',
      ),
    }));
    expect(checkContent(contentInput({ posts: unmerged }), [tagAddresses]).length).toBeGreaterThan(0);
  });

  test('an existing tag of the site that would clash gives its spelling to the labels of its address', () => {
    const plan = planCase('B15-label-spellings.xml', { existingTags: new Map([['self-care', 'Self Care']]) });
    expect((fileOf(plan, 'posts/self-care-sunday/index.md').data as { tags: string[] }).tags[0]).toBe('Self Care');
    expect(plan.labelMerges[0]).toMatchObject({ slug: 'self-care', label: 'Self Care' });
    expect(plan.warnings.join('\n')).toContain(
      'every post is tagged "Self Care" (the spelling this site already uses)',
    );
    // A site tag in other capitals only is the same tag to the site: the import keeps its own spelling.
    const sameTag = planCase('B15-label-spellings.xml', { existingTags: new Map([['self-care', 'self-care']]) });
    expect(sameTag.labelMerges[0]).toMatchObject({ slug: 'self-care', label: 'Self-care' });
  });

  test.each([
    ['—', '— (em dash)', 'em-dash'],
    ['•', '• (bullet)', 'bullet'],
    ['()', '() (left parenthesis, right parenthesis)', 'left-parenthesis-right-parenthesis'],
    ['§', '§ (section sign)', 'section-sign'],
    ['、', '、 (ideographic comma)', 'ideographic-comma'],
    ['———', '——— (em dash)', 'em-dash'],
  ])('a label of symbols only, %s, is named by its characters’ Unicode names', (label, tag, slug) => {
    const labels = planLabels([{ labels: [label] }]);
    expect(labels.tagOf.get(label)).toBe(tag);
    expect(slugifyTag(tag)).toBe(slug);
  });

  test('labels that already make an address are kept as written: C, C#, C++, ★, !!!, emoji', () => {
    const labels = planLabels([{ labels: ['C', 'C#', 'C++', '★', '!!!', '💆'] }]);
    expect([...labels.tagOf]).toEqual(['C', 'C#', 'C++', '★', '!!!', '💆'].map((l) => [l, l]));
    expect(labels.merges).toEqual([]);
  });

  test.each([
    ['\u00a0', 'U+00A0 NO-BREAK SPACE'],
    ['\u200b', 'U+200B ZERO WIDTH SPACE'],
    ['\u2060', 'U+2060 WORD JOINER'],
    ['\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['\u00ad', 'U+00AD SOFT HYPHEN'],
    ['   ', 'U+0020 SPACE'],
    ['\u00a0\u200b\u00a0', 'U+00A0 NO-BREAK SPACE, U+200B ZERO WIDTH SPACE, U+00A0 NO-BREAK SPACE'],
  ])(
    'a label of spaces or invisible characters only (%j) is no tag, but kept as an old label with no tag, so its address leads somewhere',
    (label, described) => {
      const labels = planLabels([{ labels: [label, 'calm'] }]);
      expect(labels.dropped).toEqual([label]);
      expect(tagsForLabels([label, 'calm'], labels)).toEqual({ tags: ['calm'], oldLabels: { [label]: '' } });
      expect(describeInvisibleLabel(label)).toBe(described);
    },
  );

  test('a Takeout export keeps a no-break-space label too, and reports it with the post', () => {
    const xml = feed(
      post('7', '/2023/02/rest-days.html', 'Rest Days').replace(
        '<title>',
        '<category term="&#160;"/><category term="&#8203;&#160;"/><category term="Rest"/><title>',
      ),
    );
    const exported = parseBloggerExport(xml);
    expect(exported.items[0]!.labels).toEqual(['\u00a0', '\u200b\u00a0', 'Rest']);
    const plan = planImport(exported, options);
    expect(fileOf(plan, 'posts/rest-days/index.md').data).toMatchObject({
      tags: ['Rest'],
      oldLabels: { '\u00a0': '', '\u200b\u00a0': '' },
    });
    expect(
      plan.warnings.filter((w) => w.includes('"Rest Days" (/2023/02/rest-days.html) is only spaces')),
    ).toHaveLength(2);
  });

  test('B17: a no-break-space label is read from the export, never dropped in silence: the report names each post and the label, and where its old address leads', () => {
    const exported = readCase('B17-invisible-labels.xml');
    expect(exported.items.map((item) => item.labels)).toEqual([
      ['\u00a0', 'Sleep'],
      ['\u00a0', '\u200b'],
      ['\u2060', '\ufeff', '\u00ad', '   ', 'Sleep'],
    ]);
    const plan = planImport(exported, options);
    expect(plan.warnings).toContain(
      'the label "\u00a0" (U+00A0 NO-BREAK SPACE) of "Lavender on the Pillow, or Not?" (/2022/02/lavender-on-pillow.html), "Warm Feet, Faster Sleep" (/2022/02/warm-feet-faster-sleep.html) is only spaces or invisible characters, so it cannot be a tag: it is left out of the tags, and its old address /search/label/%C2%A0 leads to the list of tags, /tags/, since 2 posts had it (oldLabels)',
    );
    expect(plan.warnings).toContain(
      'the label "\u200b" (U+200B ZERO WIDTH SPACE) of "Warm Feet, Faster Sleep" (/2022/02/warm-feet-faster-sleep.html) is only spaces or invisible characters, so it cannot be a tag: it is left out of the tags, and its old address /search/label/%E2%80%8B leads to that post (oldLabels)',
    );
    for (const label of ['\u2060', '\ufeff', '\u00ad', '   ']) {
      expect(plan.warnings.join('\n')).toContain(`the label ${JSON.stringify(label)} (`);
    }
    const report = renderImportReport(plan, () => '');
    expect(report).toMatch(/## Changes to check[^]*U\+00A0 NO-BREAK SPACE\) of "Lavender on the Pillow/);
    // The frontmatter keeps the old labels as written, reads back the same, and passes the site's checks.
    const written = plan.files.filter((file) => file.path.startsWith('posts/'));
    expect(fileOf(plan, 'posts/warm-feet-faster-sleep/index.md').data).toMatchObject({
      tags: [],
      oldLabels: { '\u00a0': '', '\u200b': '' },
    });
    expect(fileOf(plan, 'posts/why-3am-wake-up/index.md').data).toMatchObject({
      tags: ['Sleep'],
      oldLabels: { '\u2060': '', '\ufeff': '', '\u00ad': '', '   ': '' },
    });
    const posts = written.map((file) => ({ path: `content/${file.path}`, entry: file.path.slice(6), text: file.text }));
    expect(checkContent(contentInput({ posts }), [tagAddresses, oldLabelsRule]).map(formatProblem)).toEqual([]);
    // The site's schema keeps them as written (trimming would leave nothing to redirect from).
    const oldLabelsOf = (path: string) =>
      oldLabelsField.parse((fileOf(plan, path).data as { oldLabels: unknown }).oldLabels);
    expect(oldLabelsOf('posts/warm-feet-faster-sleep/index.md')).toEqual({ '\u00a0': '', '\u200b': '' });
    expect(oldLabelsOf('posts/why-3am-wake-up/index.md')).toEqual({
      '\u2060': '',
      '\ufeff': '',
      '\u00ad': '',
      '   ': '',
    });
    expect(oldLabelsField.parse({ ' self care ': 'Self-care' })).toEqual({ 'self care': 'Self-care' });
  });

  test('the _redirects file encodes every character a label may hold, so # and ? are not cut off', () => {
    expect(
      renderRedirectsFile([
        { from: '/search/label/C#', to: '/tags/c-sharp/' },
        { from: '/search/label/Q&A?', to: '/tags/q-a/' },
        { from: '/search/label/C++', to: '/tags/c-plus-plus/' },
        { from: '/2024/09/', to: '/archive/#2024-09' },
      ]),
    ).toBe(
      '/search/label/C%23 /tags/c-sharp/ 301\n/search/label/Q%26A%3F /tags/q-a/ 301\n/search/label/C%2B%2B /tags/c-plus-plus/ 301\n/2024/09/ /archive/#2024-09 301\n',
    );
  });
});

describe('B12: the blog’s time zone and language', () => {
  test('are read from the settings entries, and a post’s day matches Blogger’s only in the blog’s zone', () => {
    const exported = readCase('B12-blog-backup.xml');
    expect(exported.settings).toEqual({
      title: 'Mãos que Acalmam',
      language: 'pt-BR',
      timeZone: 'America/Los_Angeles',
    });
    expect(exported.skipped).toEqual([]);
    const inLondon = planImport(exported, {
      ...options,
      site: { language: 'en-GB', timeZone: 'Europe/London' },
      langField: { posts: true, pages: true },
    });
    expect(inLondon.dateShifts).toEqual([
      expect.stringContaining('Blogger showed 2021-03-05, this site would show 2021-03-06'),
    ]);
    const post = fileOf(inLondon, 'posts/massagem-nos-pes-antes-de-dormir/index.md');
    expect(post.data).toMatchObject({ lang: 'pt-BR', pubDate: '2021-03-05T23:30:00.000-08:00' });
    const inBlogZone = planImport(exported, {
      ...options,
      site: { language: 'pt-BR', timeZone: 'America/Los_Angeles' },
    });
    expect(inBlogZone.dateShifts).toEqual([]);
    expect(fileOf(inBlogZone, 'posts/massagem-nos-pes-antes-de-dormir/index.md').data).not.toHaveProperty('lang');
    // Before posts can state a language, the difference is reported rather than written.
    const noField = planImport(exported, { ...options, site: { language: 'en-GB', timeZone: 'America/Los_Angeles' } });
    expect(fileOf(noField, 'posts/massagem-nos-pes-antes-de-dormir/index.md').data).not.toHaveProperty('lang');
    expect(noField.warnings).toEqual([expect.stringContaining("set language: 'pt-BR' in src/site.config.ts")]);
  });

  test('a Takeout time in UTC is compared with the day Blogger showed in the blog’s zone (given by --time-zone)', () => {
    // 05:30 UTC on the 6th was 21:30 on the 5th in Los Angeles, the day Blogger showed.
    const exported = parseBloggerExport(
      takeoutPost('<p>Late post.</p>').replace('2020-01-01T10:00:00.000Z', '2020-01-06T05:30:00.000Z'),
    );
    const london = { ...options, site: { language: 'en-GB', timeZone: 'Europe/London' } };
    expect(planImport(exported, { ...london, blogTimeZone: 'America/Los_Angeles' }).dateShifts).toEqual([
      expect.stringContaining('Blogger showed 2020-01-05, this site would show 2020-01-06'),
    ]);
    expect(
      planImport(exported, {
        ...options,
        site: { language: 'en-GB', timeZone: 'America/Los_Angeles' },
        blogTimeZone: 'America/Los_Angeles',
      }).dateShifts,
    ).toEqual([]);
  });

  test('Blogger’s underscore locales and Takeout settings entries are read too; a bad value is ignored', () => {
    expect(toLanguageTag('pt_BR')).toBe('pt-BR');
    expect(toLanguageTag('zh_TW')).toBe('zh-TW');
    expect(toLanguageTag('not a locale!')).toBeUndefined();
    const takeout = parseBloggerExport(
      feed(
        `<entry><id>tag:blogger.com,1999:blog-9.settings.BLOG_LOCALE</id><blogger:type>SETTINGS</blogger:type><content type="text">ru</content></entry><entry><id>tag:blogger.com,1999:blog-9.settings.BLOG_TIME_ZONE</id><blogger:type>SETTINGS</blogger:type><content type="text">Mars/Olympus</content></entry>${post('1', '/2023/01/a.html')}`,
      ),
    );
    expect(takeout.settings).toEqual({ language: 'ru' });
  });

  test('settings still at their shipped values are written into site.config.ts; ones the owner chose are only shown', () => {
    const source = readFileSync(fileURLToPath(new URL('../../src/site.config.ts', import.meta.url)), 'utf8');
    const changes = compareSettings(
      { title: 'Mãos que Acalmam', language: 'pt-BR', timeZone: 'America/Los_Angeles' },
      { ...STARTER_SETTINGS, title: 'My Own Title' },
    );
    expect(changes).toEqual([
      { key: 'title', from: 'My Own Title', to: 'Mãos que Acalmam', write: false },
      { key: 'language', from: 'en-GB', to: 'pt-BR', write: true },
      { key: 'timeZone', from: 'Europe/London', to: 'America/Los_Angeles', write: true },
    ]);
    const written = writeSettings(
      source,
      changes.filter((c) => c.write),
    );
    expect(written).toContain("language: 'pt-BR',");
    expect(written).toContain("timeZone: 'America/Los_Angeles',");
    expect(written.replace("language: 'pt-BR'", '').replace("timeZone: 'America/Los_Angeles'", '')).toBe(
      source
        .replace(`language: '${STARTER_SETTINGS.language}'`, '')
        .replace(`timeZone: '${STARTER_SETTINGS.timeZone}'`, ''),
    );
    expect(compareSettings({ language: 'en-GB' }, STARTER_SETTINGS)).toEqual([]);
  });
});

describe('B13: titles in other scripts get readable addresses', () => {
  test('the case’s Cyrillic and Japanese titles keep their script; the old blog-post_NN address redirects', () => {
    const plan = planCase('B13-feed.atom');
    expect(fileOf(plan, 'posts/массаж-шеи-для-начинающих/index.md').data).toMatchObject({
      redirectFrom: ['/2021/03/blog-post_20.html'],
    });
    expect(fileOf(plan, 'posts/足裏マッサージの基本/index.md').data).toMatchObject({
      redirectFrom: ['/2021/04/blog-post.html'],
    });
  });

  test('the Russian post, too short to tell its language, is not silently marked with the blog’s Japanese: the owner is asked', () => {
    const plan = planCase('B13-feed.atom', {
      blogLanguage: 'ja',
      site: { language: 'ja', timeZone: 'Asia/Tokyo' },
      langField: { posts: true, pages: true },
    });
    expect(plan.warnings).toContainEqual(
      expect.stringMatching(
        /^"Массаж шеи для начинающих" \(\/2021\/03\/blog-post_20\.html\) is written in Cyrillic letters, which ja is not, but is too short to tell its language; it is marked as ja: set its lang field/,
      ),
    );
    expect(plan.warnings.filter((line) => line.includes('letters, which'))).toHaveLength(1);
  });

  test('siblings: Greek, Arabic, a mixed title, and a Latin title whose old name Blogger made up', () => {
    expect(slugFromAnyTitle('Μασάζ για αρχάριους')).toBe('μασάζ-για-αρχάριους');
    expect(slugFromAnyTitle('تدليك القدمين')).toBe('تدليك-القدمين');
    expect(slugFromAnyTitle('Shiatsu 指圧 basics')).toBe('shiatsu-指圧-basics');
    expect(slugForItem({ oldPath: '/2020/01/blog-post_3.html', title: 'Café Massage', published: '2020-01-01' })).toBe(
      'cafe-massage',
    );
    expect(slugForItem({ oldPath: '/2020/01/neck.html', title: 'Массаж', published: '2020-01-01' })).toBe('neck');
  });

  test.each([
    ['🌿🌿🌿', 'herb'],
    ['★★★', 'black-star'],
    ['!!!', 'exclamation-mark'],
    ['💆‍♀️ ✨', 'woman-getting-massage-sparkles'],
    ['🇬🇧 ☕', 'flag-united-kingdom-hot-beverage'],
    ['→ ← ↑', 'rightwards-arrow-leftwards-arrow-upwards-arrow'],
    ['§§ — ¶', 'section-sign-em-dash-pilcrow-sign'],
  ])(
    'a title of symbols only, %s, gets an address from the Unicode names of its characters, and a line in the report',
    (title, slug) => {
      const plan = planImport(
        parseBloggerExport(takeoutPost('<p>Breathe out slowly.</p>', { title, path: '/2021/05/blog-post_7.html' })),
        options,
      );
      expect(fileOf(plan, `posts/${slug}/index.md`).data).toMatchObject({
        title,
        redirectFrom: ['/2021/05/blog-post_7.html'],
      });
      expect(plan.warnings).toContain(
        `"${title}" (/2021/05/blog-post_7.html): its title has no letter or digit to make an address from, so its address /posts/${slug}/ is made from the Unicode names of its characters; set \`slug\` to choose another`,
      );
      expect(renderImportReport(plan, () => '')).toMatch(
        new RegExp(`## Changes to check[^]*/posts/${slug}/ is made from the Unicode names`),
      );
    },
  );

  test('a title with nothing to name (spaces and invisible characters) gets its date, and the report says so', () => {
    const plan = planImport(
      parseBloggerExport(
        takeoutPost('<p>Breathe out slowly.</p>', { title: '\u200b\u2060', path: '/2021/05/blog-post_8.html' }),
      ),
      options,
    );
    expect(plan.files.some((file) => file.path === 'posts/post-2020-01-01/index.md')).toBe(true);
    expect(plan.warnings).toContainEqual(
      expect.stringContaining(
        '(/2021/05/blog-post_8.html): its title has nothing to make an address from, so its address /posts/post-2020-01-01/ is made from its date',
      ),
    );
  });

  test('a title with words keeps its words; the report has no address line for it', () => {
    const plan = planImport(
      parseBloggerExport(takeoutPost('<p>Text.</p>', { title: 'Calm 🌿 hands', path: '/2021/05/blog-post_9.html' })),
      options,
    );
    expect(plan.files.some((file) => file.path === 'posts/calm-hands/index.md')).toBe(true);
    expect(plan.warnings.join('\n')).not.toContain('make an address from');
  });
});

describe('B14: imported text keeps the characters its author wrote', () => {
  test('the case’s --verbose, quotes and -- reach the Markdown unchanged, in prose and in code', () => {
    const body = planCase('B14-blog-backup.xml').files.find((f) => f.path.startsWith('posts/'))!.text;
    expect(body).toContain(
      `run it with --verbose to hear each interval; she said 'relax' and "breathe" -- then pressed.`,
    );
    expect(body).toContain('`stretch-timer --verbose \'neck roll\' "slow" -- done`');
    expect(body).toContain('```\nstretch-timer --verbose \'shoulder shrug\' "twice" -- end\n```');
  });
});

describe('a damaged export: one bad entry never stops the import, and each is in the report', () => {
  const DAMAGED = fileURLToPath(new URL('../fixtures/blogger/damaged-entries.xml', import.meta.url));
  const plan = planImport(parseBloggerExport(readFileSync(DAMAGED, 'utf8')), options);
  const comment = (path: string) => fileOf(plan, `comments/${path}.md`).data as { author: string; date: string };

  test('comments with no date, a date that is not one, or 30 February are dated by their post and listed', () => {
    expect(comment('pressao-nos-pes/2019-07-14-rita-9001')).toMatchObject({
      author: 'Rita',
      date: '2019-07-14T18:20:00.000-03:00',
    });
    expect(comment('pressao-nos-pes/2019-07-14-bia-9002').date).toBe('2019-07-14T18:20:00.000-03:00');
    expect(comment('pressao-nos-pes/2019-07-14-caio-9003').date).toBe('2019-07-14T18:20:00.000-03:00');
    // The post it belongs to had no date either: the comment follows the post's mended date.
    expect(comment('oleos-essenciais/2018-11-01-fabio-9005').date).toBe('2018-11-01');
    expect(plan.errors).toEqual(
      expect.arrayContaining([
        'the comment by Rita (tag:blogger.com,1999:blog-5150.post-9001): it has no published date; it is dated by its post, 2019-07-14T18:20:00.000-03:00',
        'the comment by Bia (tag:blogger.com,1999:blog-5150.post-9002): its published date "ontem à noite" is not a date; it is dated by its post, 2019-07-14T18:20:00.000-03:00',
        'the comment by Caio (tag:blogger.com,1999:blog-5150.post-9003): its published date "2019-02-30T10:00:00.000-03:00" is not a date; it is dated by its post, 2019-07-14T18:20:00.000-03:00',
      ]),
    );
  });

  test('Takeout: a comment with a date that is no date is dated by its post; one with no parent is listed', () => {
    const comment = (id: string, published: string, parent: string) =>
      `<entry><id>tag:blogger.com,1999:blog-1.post-${id}</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status><content type="html">Спасибо за статью!</content><published>${published}</published>${parent ? `<blogger:parent>tag:blogger.com,1999:blog-1.post-${parent}</blogger:parent>` : ''}<author><name>Оля</name></author></entry>`;
    const takeout = planImport(
      parseBloggerExport(
        feed(
          post('1', '/2023/01/massazh.html', 'Массаж шеи') +
            comment('5', '31.01.2023', '1') +
            comment('6', '', '1') +
            comment('7', '2023-02-01T00:00:00Z', ''),
        ),
      ),
      options,
    );
    expect(takeout.files.filter((f) => f.path.startsWith('comments/')).map((f) => f.path)).toEqual([
      'comments/massazh/2023-01-01-reader-5.md',
      'comments/massazh/2023-01-01-reader-6.md',
    ]);
    expect(takeout.errors).toEqual([
      expect.stringMatching(/^the comment by Оля of 2023-02-01 \(tag:blogger.com,1999:blog-1.post-7\) names no post/),
      'the comment by Оля (tag:blogger.com,1999:blog-1.post-5): its published date "31.01.2023" is not a date; it is dated by its post, 2023-01-01T00:00:00Z',
      'the comment by Оля (tag:blogger.com,1999:blog-1.post-6): it has no published date; it is dated by its post, 2023-01-01T00:00:00Z',
    ]);
  });

  test('a comment on a page, or on an entry the export lacks, is not lost: its words go into the report under the entry it answered', () => {
    const comment = (id: string, parent: string, html: string) =>
      `<entry><id>tag:blogger.com,1999:blog-1.post-${id}</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status><content type="html">${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><published>2023-02-0${id.slice(-1)}T10:00:00Z</published><blogger:parent>tag:blogger.com,1999:blog-1.post-${parent}</blogger:parent><author><name>Ana Maria</name></author></entry>`;
    const page = post('2', '/p/contact.html', 'Contact').replace(
      '<blogger:type>POST</blogger:type>',
      '<blogger:type>PAGE</blogger:type>',
    );
    const plan = planImport(
      parseBloggerExport(
        feed(
          post('1', '/2023/01/a.html') +
            page +
            comment('5', '2', '<p>Do you open on <b>Sundays</b>?</p><p>Thanks!</p>') +
            comment('6', '99', 'Lovely post'),
        ),
      ),
      options,
    );
    expect(plan.files.filter((f) => f.path.startsWith('comments/'))).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'the comment by Ana Maria of 2023-02-05 on the page "Contact" (/p/contact.html): pages here take no comments; its text is in the report',
      'the comment by Ana Maria of 2023-02-06 on an entry the export does not hold (tag:blogger.com,1999:blog-1.post-99): it has no page here; its text is in the report',
    ]);
    const report = renderImportReport(plan, () => '');
    expect(report).toContain(
      '## Comments the site does not show\n\nReaders wrote these on a page (pages here take no comments) or on an entry the export does not hold.',
    );
    expect(report).toContain(
      '- [ ] the comment by Ana Maria of 2023-02-05 on the page "Contact" (/p/contact.html) (tag:blogger.com,1999:blog-1.post-5):\n\n  > Do you open on **Sundays**?\n  >\n  > Thanks!\n',
    );
    expect(report).toContain('  > Lovely post');
  });

  test('a comment without an id is imported under a made-up one; a comment that names no post is reported with its text', () => {
    expect(comment('pressao-nos-pes/2019-08-02-eva-6').author).toBe('Eva');
    expect(plan.errors).toContain(
      'the comment by Duda of 2019-08-01 (tag:blogger.com,1999:blog-5150.post-9004) names no post it belongs to, so it was not imported; its text is in the export file: "Onde fica o estúdio novo?"',
    );
    expect(plan.counts.comments).toBe(5);
  });

  test('posts without an id or a date are imported, dated by their old address’s month, or kept as drafts', () => {
    expect(fileOf(plan, 'posts/pedras-quentes/index.md').data).toMatchObject({ title: 'Massagem com pedras quentes' });
    expect(fileOf(plan, 'posts/oleos-essenciais/index.md').data).toMatchObject({ pubDate: '2018-11-01' });
    expect(fileOf(plan, 'posts/oleos-essenciais/index.md').data).not.toHaveProperty('draft');
    expect(fileOf(plan, 'posts/alongamento/index.md').data).toMatchObject({ pubDate: '2021-03-06T07:30:00.000Z' });
    expect(fileOf(plan, 'pages/contato.md').data).toMatchObject({ title: 'Contato', draft: true });
    expect(fileOf(plan, 'pages/contato.md').body).toContain('Escreva para contato');
    // A made-up date is no shift of the day Blogger showed.
    expect(plan.dateShifts).toEqual([]);
    expect(plan.counts).toMatchObject({ posts: 4, drafts: 0, pages: 1, pageDrafts: 1 });
    expect(plan.errors).toEqual(
      expect.arrayContaining([
        'the post "Massagem com pedras quentes" (/2020/01/pedras-quentes.html) has no id; it is imported as entry-without-id-7',
        'the post "Óleos essenciais: cuidado com a lavanda" (/2018/11/oleos-essenciais.html): it has no published date; it is dated 2018-11-01, the month its old address names; set its pubDate if you know the day',
        'the post "Alongamento para quem trabalha sentado" (/2021/03/alongamento.html): its published date "Tue, 05 Mar 2021 23:30:00 -0800" is not written as Blogger writes dates; it is read as 2021-03-06T07:30:00.000Z',
      ]),
    );
  });

  test('unknown elements, a made-up entity and an image with no address are made harmless, and the image reported', () => {
    const post = fileOf(plan, 'posts/pressao-nos-pes/index.md');
    expect(post.body).toMatch(/A primeira sessão\sé sempre\sestranha/);
    expect(post.body).toContain('Promoção!');
    expect(post.body).not.toMatch(/<o:p|<blink|\]\(https?:\/\/\)/);
    expect(plan.warnings).toEqual([
      expect.stringContaining('the image "http://" is not a valid web address'),
      expect.stringContaining('the link "http://mãos leves/agenda" (on "agenda") is not a valid web address'),
    ]);
  });

  test('an entry the converter fails on is kept as a draft with its original HTML, and the others are imported', () => {
    const kept = planImport(
      parseBloggerExport(
        readFileSync(DAMAGED, 'utf8').replace(
          'As pedras de basalto',
          '&lt;img src="https://1.bp.blogspot.com/x/s320/pedras.jpg"&gt;As pedras de basalto',
        ),
      ),
      {
        ...options,
        // One post's image cannot be read (its file is locked, say): that post alone is affected.
        localImage: (image) => {
          if (image.source.includes('pedras.jpg')) throw new Error('EACCES: permission denied, open pedras.jpg');
          return undefined;
        },
      },
    );
    const post = fileOf(kept, 'posts/pedras-quentes/index.md');
    expect(post.data).toMatchObject({ title: 'Massagem com pedras quentes', draft: true });
    expect(post.body).toContain(
      '```html\n<p><img src="https://1.bp.blogspot.com/x/s320/pedras.jpg">As pedras de basalto',
    );
    expect(kept.errors).toContain(
      '"Massagem com pedras quentes" (/2020/01/pedras-quentes.html) could not be converted (EACCES: permission denied, open pedras.jpg); it is imported as a draft holding its original HTML in posts/pedras-quentes/index.md: rewrite it or delete it',
    );
    expect(kept.files.map((f) => f.path).sort()).toEqual(plan.files.map((f) => f.path).sort());
  });
});

describe('a downloaded image keeps the size the old blog showed it at', () => {
  const FILE = { width: 1200, height: 900 };
  test.each([
    ['w400-h300 in the path', {}, 'https://blogger.googleusercontent.com/img/b/R29v/AVvX/w400-h300/stones.jpg', 400],
    ['=w400-h300 after the address', {}, 'https://blogger.googleusercontent.com/img/a/AVvXsEh7=w400-h300', 400],
    ['/s320/ (the longer side)', {}, 'http://1.bp.blogspot.com/-a/Xy/AAAA/s320/stones.jpg', 320],
    ['=s320', {}, 'https://lh3.googleusercontent.com/abc=s320', 320],
    ['/h150/ (a height: the width follows)', {}, 'https://1.bp.blogspot.com/-a/h150/stones.jpg', 200],
    ['w640-h200 (fitted in the box: the height decides)', {}, 'https://1.bp.blogspot.com/-a/w640-h200/x.jpg', 267],
    ['/s1600/ (larger than the file: shown whole)', {}, 'https://1.bp.blogspot.com/-a/s1600/x.jpg', undefined],
    ['/s0/ (the original)', {}, 'https://1.bp.blogspot.com/-a/s0/x.jpg', undefined],
    ['a width attribute, whatever the address says', { width: '250' }, 'https://1.bp.blogspot.com/-a/s320/x.jpg', 250],
    ['a height attribute only', { height: '300' }, 'https://1.bp.blogspot.com/-a/s1600/x.jpg', 400],
    ['a width in percent (not a size)', { width: '100%' }, 'https://1.bp.blogspot.com/-a/s320/x.jpg', 320],
    ['another host, no size in the address', {}, 'https://images.example.org/w400-h300/x.jpg', undefined],
  ])('%s', (_name, attributes, shown, width) => {
    expect(shownImageWidth(attributes, shown, FILE)).toBe(width);
  });

  test('/s320/ on a portrait photo bounds its height: 240 wide', () => {
    expect(shownImageWidth({}, 'https://1.bp.blogspot.com/-a/s320/x.jpg', { width: 900, height: 1200 })).toBe(240);
  });

  test('a sized image is written as an <img> with that width (Markdown has none), in text, a figure and a Markdown table; its address is the original', () => {
    const html =
      '<p>Intro.</p><p><img src="https://blogger.googleusercontent.com/img/b/R29v/AVvX/w400-h300/stones.jpg" alt="Stones in a bowl"></p>' +
      '<table class="tr-caption-container"><tr><td><a href="https://1.bp.blogspot.com/-t/s1600/towel.jpg"><img src="https://1.bp.blogspot.com/-t/s320/towel.jpg"></a></td></tr><tr><td class="tr-caption">Warm towels</td></tr></table>' +
      '<table><tr><th>Before</th></tr><tr><td><img src="https://1.bp.blogspot.com/-b/s200/before.jpg" alt="Before"></td></tr></table>' +
      '<p><img src="https://1.bp.blogspot.com/-w/s1600/wide.jpg" alt="Whole"></p>';
    const plan = planImport(parseBloggerExport(backupPost(html)), {
      ...options,
      localImage: () => ({ from: '/tmp/staged/photo.jpg', type: 'jpg', width: 1200, height: 900 }),
    });
    const body = fileOf(plan, 'posts/a-post/index.md').body;
    expect(body).toContain('\n<img src="./stones.jpg" alt="Stones in a bowl" width="400">\n');
    expect(body).toContain(
      '<figure>\n\n<img src="./towel.jpg" alt="Warm towels" width="320">\n\n<figcaption>Warm towels</figcaption>',
    );
    expect(body).toContain('| <img src="./before.jpg" alt="Before" width="200"> |');
    // Shown at the file's own size or more on the old blog: Markdown, shown whole.
    expect(body).toContain('![Whole](./wide.jpg)');
    expect(plan.copies.map((copy) => copy.url)).toContain(
      'https://blogger.googleusercontent.com/img/b/R29v/AVvX/s0/stones.jpg',
    );
  });

  test('a link around an image to a page, a shop or an address keeps its image inside it; a link to the full-size file is dropped for the file', () => {
    const html =
      '<p>Intro.</p><p><a href="https://shop.example/stones"><img src="https://1.bp.blogspot.com/-s/s320/shop.jpg" alt="Our stones"></a></p>' +
      '<p><a href="mailto:hello@example.com"><img src="https://1.bp.blogspot.com/-m/s320/mail.jpg" alt="Write to us"></a></p>' +
      '<p><a href="https://1.bp.blogspot.com/-f/s1600/full.jpg"><img src="https://1.bp.blogspot.com/-f/s320/full.jpg" alt="Full"></a></p>';
    const plan = planImport(parseBloggerExport(backupPost(html)), {
      ...options,
      localImage: () => ({ from: '/tmp/staged/photo.jpg', type: 'jpg', width: 1200, height: 900 }),
    });
    const body = fileOf(plan, 'posts/a-post/index.md').body;
    expect(body).toMatch(
      /\[(!\[Our stones\]\(\.\/shop\.jpg\)|<img src="\.\/shop\.jpg"[^>]*>)\]\(https:\/\/shop\.example\/stones\)|<a href="https:\/\/shop\.example\/stones"><img src="\.\/shop\.jpg"/,
    );
    expect(body).toContain('mailto:hello@example.com');
    expect(body).not.toContain('s1600/full.jpg');
  });

  test('a width the downloaded file cannot fill is dropped, in text and in HTML that stays HTML (no upscaling, no sizes without srcset)', () => {
    // Blogger's markup says 320 wide, but the file that came is 64 px: the page shows it whole.
    const html =
      '<p>Intro.</p><p><img src="https://1.bp.blogspot.com/-a/s320/tiny.jpg" width="320" height="213" alt="Tiny"></p>' +
      '<table><tr><td><img src="https://1.bp.blogspot.com/-b/s320/small.jpg" width="320" height="213" alt="Small"></td><td>Text</td></tr></table>';
    const plan = planImport(parseBloggerExport(backupPost(html)), {
      ...options,
      localImage: () => ({ from: '/tmp/staged/photo.jpg', type: 'jpg', width: 64, height: 48 }),
    });
    const body = fileOf(plan, 'posts/a-post/index.md').body;
    expect(body).toContain('![Tiny](./tiny.jpg)');
    expect(body).toContain('<img src="./small.jpg" alt="Small">');
    expect(body).not.toMatch(/width="320"|height="213"/);
  });

  test('a <picture> with Blogger <source> formats is its <img>, downloaded, in text and in HTML that stays HTML', () => {
    const picture = (name: string) =>
      `<picture><source type="image/webp" srcset="https://1.bp.blogspot.com/-${name}/s640/${name}.webp 1x, https://1.bp.blogspot.com/-${name}/s1280/${name}.webp 2x"><img src="https://1.bp.blogspot.com/-${name}/s320/${name}.jpg" alt="${name}"></picture>`;
    const plan = planImport(
      parseBloggerExport(
        backupPost(`<p>Intro.</p>${picture('oil')}<table><tr><td>${picture('bowl')}</td></tr></table>`),
      ),
      { ...options, localImage: () => ({ from: '/tmp/staged/photo.jpg', type: 'jpg', width: 1200, height: 900 }) },
    );
    const body = fileOf(plan, 'posts/a-post/index.md').body;
    expect(body).toContain('<img src="./oil.jpg" alt="oil" width="320">');
    expect(body).toContain('<td><img src="./bowl.jpg" alt="bowl" width="320"></td>');
    expect(body).not.toMatch(/<picture|<source|blogspot/);
    expect(plan.remoteImages).toEqual([]);
  });

  test('imported posts and pages keep their punctuation as typed (typography: false)', () => {
    const text = `<p>She said "relax"... it's fine</p>`;
    const page = takeoutPost(text, { path: '/p/about.html' }).replace(
      '<blogger:type>POST</blogger:type>',
      '<blogger:type>PAGE</blogger:type>',
    );
    for (const [xml, path] of [
      [takeoutPost(text), undefined],
      [page, 'pages/about.md'],
    ] as const) {
      const plan = planImport(parseBloggerExport(xml), options);
      const file = path ? fileOf(plan, path) : fileOf(plan, plan.files.find((f) => f.path.startsWith('posts/'))!.path);
      expect(file.data).toMatchObject({ typography: false });
      expect(file.body).toContain(`She said "relax"... it's fine`);
    }
  });

  test('a page whose image came without a description is marked altTextPending, like a post', () => {
    const xml = takeoutPost('<p>Our room:</p><img src="https://1.bp.blogspot.com/-r/s320/room.jpg">', {
      path: '/p/about.html',
    }).replace('<blogger:type>POST</blogger:type>', '<blogger:type>PAGE</blogger:type>');
    const plan = planImport(parseBloggerExport(xml), options);
    expect(fileOf(plan, 'pages/about.md').data).toMatchObject({ altTextPending: true });
    expect(plan.altToDo).toEqual([expect.objectContaining({ file: 'pages/about.md' })]);
  });

  test('without a downloaded copy, the image keeps its (small) Blogger address and stays Markdown', () => {
    const { markdown } = htmlToMarkdown('<p><img src="https://1.bp.blogspot.com/-a/s320/x.jpg" alt="A"></p>');
    expect(markdown).toBe('![A](https://1.bp.blogspot.com/-a/s320/x.jpg)\n');
  });
});

describe('hero candidates: a post that opens with a downloaded, described picture gets it as its hero', () => {
  // Every image is "downloaded": the plan is pure, so the lookup only names a file.
  const downloaded = { ...options, localImage: () => ({ from: '/tmp/staged/photo.jpg', type: 'jpg' }) };
  const OPENING =
    '<div class="separator" style="clear: both; text-align: center;"><a href="http://1.bp.blogspot.com/-a/Xy/s1600/pedras%20quentes.JPG" imageanchor="1"><img border="0" src="http://1.bp.blogspot.com/-a/Xy/s320/pedras%20quentes.JPG" alt="Камни из базальта на тёплом полотенце" width="320"></a></div>';
  const TEXT = '<p>Тёплые камни&nbsp;— это просто. Сначала нагрейте воду.</p>';

  test.each([
    ['Takeout', takeoutPost(OPENING + TEXT)],
    ['Back up content', backupPost(OPENING + TEXT)],
  ])('%s: the opening image becomes hero.image (./file, for astro:assets) and leaves the text', (_format, xml) => {
    const plan = planImport(parseBloggerExport(xml), downloaded);
    const post = fileOf(plan, 'posts/a-post/index.md');
    expect(post.data).toMatchObject({
      hero: { image: './pedras-quentes.jpg', alt: 'Камни из базальта на тёплом полотенце' },
    });
    expect(post.body).not.toContain('pedras-quentes.jpg');
    expect(post.body.trimStart()).toMatch(/^Тёплые камни/);
    // The full-size file the thumbnail linked to (at its largest size, s0) is what is copied next to the post.
    expect(plan.copies).toEqual([
      expect.objectContaining({
        to: 'posts/a-post/pedras-quentes.jpg',
        url: 'http://1.bp.blogspot.com/-a/Xy/s0/pedras%20quentes.JPG',
      }),
    ]);
  });

  test('an opening picture the post showed smaller (an <img> with its width, alt before src) is a hero too', () => {
    const plan = planImport(
      parseBloggerExport(
        backupPost(
          '<p><img alt="Stones on a towel" src="https://x.bp.blogspot.com/-s/s400/stones.jpg" width="400"></p>' + TEXT,
        ),
      ),
      { ...options, localImage: () => ({ from: '/tmp/staged/photo.jpg', type: 'jpg', width: 1600, height: 1200 }) },
    );
    const post = fileOf(plan, 'posts/a-post/index.md');
    expect(post.data).toMatchObject({ hero: { image: './stones.jpg', alt: 'Stones on a towel' } });
    expect(post.body).not.toContain('stones.jpg');
  });

  test('an image described only by its title is a hero with that description', () => {
    const plan = planImport(
      parseBloggerExport(
        backupPost('<p><img src="https://x.bp.blogspot.com/s400/óleo.png" title="Óleo morno"></p>' + TEXT),
      ),
      downloaded,
    );
    expect(fileOf(plan, 'posts/a-post/index.md').data).toMatchObject({ hero: { alt: 'Óleo morno' } });
  });

  test.each([
    [
      'an opening image with no description',
      '<p><img src="https://x.bp.blogspot.com/s400/a.jpg"></p>' + TEXT,
      downloaded,
    ],
    ['an image after the first words', TEXT + OPENING, downloaded],
    [
      'two images side by side',
      '<p><img src="https://x.bp.blogspot.com/s400/a.jpg" alt="Stones"><img src="https://x.bp.blogspot.com/s400/b.jpg" alt="Towel"></p>' +
        TEXT,
      downloaded,
    ],
    [
      'a captioned figure (its caption stays with it)',
      '<table class="tr-caption-container"><tr><td><img src="https://x.bp.blogspot.com/s400/a.jpg" alt="Stones"></td></tr><tr><td class="tr-caption">In the bowl</td></tr></table>' +
        TEXT,
      downloaded,
    ],
    ['an image that was not downloaded', OPENING + TEXT, options],
    ['a post that is only a picture', OPENING, downloaded],
  ])('no hero for %s: the image stays in the text', (_name, html, planOptions) => {
    const post = fileOf(planImport(parseBloggerExport(backupPost(html)), planOptions), 'posts/a-post/index.md');
    expect(post.data).not.toHaveProperty('hero');
    // As Markdown, or as an <img> keeping the width the post showed it at (see below).
    expect(post.body).toMatch(/!\[[^\]]*\]\(|<img src="/);
  });
});
