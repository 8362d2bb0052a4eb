import { describe, expect, test } from 'vitest';
import { commentHtmlToMarkdown, findImages, htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';
import { fallbackImageUrl, imageFileName } from '../../src/lib/blogger/image-urls.ts';
import { parseBloggerExport } from '../../src/lib/blogger/parse.ts';
import { planImport } from '../../src/lib/blogger/plan.ts';
import { collectLinks } from '../../src/lib/content-rules/body-urls.ts';
import { findAltProblems } from '../../src/lib/content-rules/image-alt.ts';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { getRemoteVideo, hasVideoFacade } from '../../src/lib/video.ts';
import { playersIn } from './players.ts';

/** One post in the "Back up content" format, with the given HTML. */
const backupPost = (html: string, title = 'Masaj pentru picioare obosite') =>
  `<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2012-04-01T10:00:00.000Z</published><category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/><title type='text'>${title}</title><content type='html'>${html.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content><link rel='alternate' type='text/html' href='https://x.blogspot.com/2012/04/masaj.html'/><author><name>A. Reader</name></author></entry></feed>`;
const PLAN_OPTIONS = {
  takenPostSlugs: new Set<string>(),
  takenPageSlugs: new Set<string>(),
  existingAuthors: new Set<string>(),
};

describe('YouTube and Vimeo frames become the site’s click-to-load player', () => {
  test.each([
    [
      'youtube.com/embed/ID',
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" allowfullscreen></iframe>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'http:// with a start time',
      '<iframe src="http://www.youtube.com/embed/dQw4w9WgXcQ?start=30&amp;rel=0"></iframe>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30&autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=30s',
    ],
    [
      'youtube-nocookie.com, scheme-relative',
      '<iframe src="//www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'a youtu.be short address with ?t=90s',
      '<iframe src="https://youtu.be/dQw4w9WgXcQ?t=90s"></iframe>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90&autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s',
    ],
    [
      'a watch page in a frame',
      '<iframe src="https://m.youtube.com/watch?v=dQw4w9WgXcQ"></iframe>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ],
    [
      'a whole playlist (videoseries?list=)',
      '<iframe src="https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"></iframe>',
      'https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&autoplay=1',
      'https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG',
    ],
    [
      'a video of a playlist, from a start time',
      '<IFRAME SRC="https://www.youtube.com/embed/dQw4w9WgXcQ?list=PLx0sYbCqOb8&amp;start=5"></IFRAME>',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?list=PLx0sYbCqOb8&start=5&autoplay=1',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8&t=5s',
    ],
    [
      'an http:// Vimeo player with its options',
      '<iframe src="http://player.vimeo.com/video/11112222?title=0&amp;byline=0&amp;portrait=0" width="500" height="281"></iframe>',
      'https://player.vimeo.com/video/11112222?autoplay=1&dnt=1',
      'https://vimeo.com/11112222',
    ],
    [
      'an unlisted Vimeo video, which plays only with its hash',
      '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0"></iframe>',
      'https://player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1&dnt=1',
      'https://vimeo.com/76979871/8272103f6e',
    ],
  ])('%s', (_name, html, embed, watch) => {
    const { markdown, notes } = htmlToMarkdown(`<p>Uitați-vă:</p>${html}<p>Apoi odihniți-vă.</p>`, {
      title: 'Masaj pentru picioare',
    });
    expect(playersIn(markdown)).toEqual([
      { watch, embed, title: 'Video in “Masaj pentru picioare”', poster: undefined },
    ]);
    expect(markdown).not.toMatch(/<iframe/);
    expect(notes).toEqual([]);
  });

  test('a frame’s own title names the video; the titles embed codes gave every frame do not', () => {
    const { markdown } = htmlToMarkdown(
      '<iframe title="Massagem nos pés — parte 2 &amp; “óleo”" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' +
        '<iframe title="YouTube video player" src="https://www.youtube.com/embed/9bZkp7q19f0"></iframe>' +
        '<iframe src="https://player.vimeo.com/video/33334444" title="vimeo"></iframe>',
      { title: 'Pés *cansados*' },
    );
    expect(playersIn(markdown).map((player) => player.title)).toEqual([
      'Massagem nos pés — parte 2 & “óleo”',
      'Video in “Pés *cansados*”',
      'Video 2 in “Pés *cansados*”',
    ]);
    // The title is in raw HTML, never read as Markdown: no emphasis made of the asterisks.
    expect(markdown).toContain('Play <span class="visually-hidden">Video in “Pés *cansados*”</span> (loads YouTube)');
  });

  test('without a title to go by, the provider and the video id name it', () => {
    const { markdown } = htmlToMarkdown('<iframe src="https://player.vimeo.com/video/33334444"></iframe>');
    expect(playersIn(markdown)[0]!.title).toBe('Vimeo video 33334444');
  });

  test('a frame between line breaks, inside a link or bold text, leaves the paragraph around it: the player is a block of its own', () => {
    const { markdown } = htmlToMarkdown(
      '<p id="top">Primul <b>pas <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe> apoi</b><br>al doilea</p>' +
        '<div class="separator" style="text-align: center;"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><iframe src="https://player.vimeo.com/video/1"></iframe></a></div>',
    );
    const lines = markdown.split('\n');
    const players = lines.filter((line) => line.startsWith('<div class="player" data-pagefind-ignore="">'));
    expect(players).toHaveLength(2);
    // Each player is a line of its own between blank lines, so Markdown keeps it as one HTML block.
    for (const line of players) {
      const at = lines.indexOf(line);
      expect([lines[at - 1], lines[at + 1]]).toEqual(['', '']);
    }
    expect(markdown).toMatch(/^Primul \*\*pas\*\*\n\n<div class="player" data-pagefind-ignore="">/);
    expect(markdown).toMatch(/\n\n\*\*apoi\*\*\\?\nal doilea\n/);
    // Never a player inside a link: the link around the frame is gone with the frame.
    expect(markdown).not.toMatch(/<a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ"><div/);
  });

  test('in a reader’s comment a frame stays a link to the player, never a player', () => {
    const { markdown } = commentHtmlToMarkdown('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>');
    expect(markdown).toBe('[YouTube video](https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ)\n');
  });

  test('a YouTube player offers its thumbnail to download as its poster; a playlist and Vimeo have none', () => {
    const images = findImages(
      '<p><img src="http://1.bp.blogspot.com/-a/s320/feet.jpg" alt="Feet"></p>' +
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' +
        '<iframe src="https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8"></iframe>' +
        '<iframe src="https://player.vimeo.com/video/1"></iframe>',
    );
    expect(images.map((image) => [image.source, image.altFrom, image.poster])).toEqual([
      ['http://1.bp.blogspot.com/-a/s320/feet.jpg', 'alt', undefined],
      ['https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg', 'decorative', 'YouTube video dQw4w9WgXcQ'],
    ]);
  });
});

describe('the poster is this site’s own picture, decorative, or a plain box: never a remote image', () => {
  const html =
    '<p>Vedeți mai jos.</p><object width="425" height="344"><param name="movie" value="http://www.youtube.com/v/dQw4w9WgXcQ&amp;hl=en&amp;fs=1"></param><embed src="http://www.youtube.com/v/dQw4w9WgXcQ&amp;hl=en&amp;fs=1" type="application/x-shockwave-flash" width="425" height="344"></embed></object>';

  test('a downloaded thumbnail is copied next to the post, named after the video, and asks for no description', () => {
    const plan = planImport(parseBloggerExport(backupPost(html)), {
      ...PLAN_OPTIONS,
      localImage: (image) =>
        image.source.startsWith('https://i.ytimg.com/')
          ? { from: '/tmp/staged/abc.jpg', type: 'jpg', width: 480, height: 360 }
          : undefined,
    });
    const file = plan.files.find((f) => f.path.endsWith('index.md'))!;
    const { body, data } = parseFrontmatter(file.text);
    expect(playersIn(body)).toEqual([
      {
        watch: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        embed: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
        title: 'Video in “Masaj pentru picioare obosite”',
        poster: './youtube-dqw4w9wgxcq.jpg',
      },
    ]);
    // Sized by the file itself (astro:assets reads it); no width the post's 425 × 344 player had.
    expect(body).toMatch(/<img src="\.\/youtube-dqw4w9wgxcq\.jpg" alt="" loading="lazy" decoding="async">/);
    expect(plan.copies).toEqual([
      {
        from: '/tmp/staged/abc.jpg',
        to: 'posts/masaj/youtube-dqw4w9wgxcq.jpg',
        url: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg',
      },
    ]);
    expect([plan.altToDo, plan.remoteImages, plan.interimAlt, plan.postersMissing, plan.warnings]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(data).not.toHaveProperty('altTextPending');
    expect(data).not.toHaveProperty('hero');
    expect(plan.counts.embeds).toBe(1);
  });

  test('without a local copy (offline, --no-download, a 404) the player shows its title on a plain box, and the miss is recorded', () => {
    const plan = planImport(parseBloggerExport(backupPost(html)), PLAN_OPTIONS);
    const { body } = parseFrontmatter(plan.files.find((f) => f.path.endsWith('index.md'))!.text);
    expect(playersIn(body)).toEqual([expect.objectContaining({ poster: undefined })]);
    expect(body).toContain(
      '<span class="no-poster" aria-hidden="true"><span>Video in “Masaj pentru picioare obosite”</span></span>',
    );
    expect(body).not.toMatch(/<img|i\.ytimg\.com/);
    expect(plan.remoteImages).toEqual([]);
    expect(plan.postersMissing).toEqual([
      {
        entry: '"Masaj pentru picioare obosite" (/2012/04/masaj.html)',
        title: 'Video in “Masaj pentru picioare obosite”',
        source: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg',
      },
    ]);
  });

  test('the content check takes the poster’s empty alt (the player names the video), and still refuses it anywhere else', () => {
    const { markdown } = htmlToMarkdown(html, { imageSrc: () => './youtube-dqw4w9wgxcq.jpg' });
    const body = `${markdown}\n<p><img src="./other.jpg" alt=""></p>\n`;
    const problems = findAltProblems('content/posts/masaj/index.md', collectLinks(body, 5, false), {
      pending: false,
      draft: false,
    });
    expect(problems.map((problem) => problem.message)).toEqual([
      'the image ./other.jpg (an <img> in HTML) has no alt text; write a short description of it in its alt="..."',
    ]);
  });
});

describe('the player’s addresses and the page’s script', () => {
  test('a start time and a playlist reach both the watch page and the player the click loads', () => {
    expect(getRemoteVideo({ provider: 'youtube', id: 'dQw4w9WgXcQ', start: 42, list: 'PLx0' })).toEqual({
      watch: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0&t=42s',
      embed: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?list=PLx0&start=42',
      embedOnClick: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?list=PLx0&start=42&autoplay=1',
      name: 'YouTube',
    });
    expect(getRemoteVideo({ provider: 'youtube', id: 'M7lc1UVf-VE' })?.embedOnClick).toBe(
      'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?autoplay=1',
    );
  });

  test('a page ships the player’s script only when a player link is in its HTML', () => {
    const { markdown } = htmlToMarkdown('<iframe src="https://player.vimeo.com/video/1"></iframe>');
    expect(hasVideoFacade(`# Notes\n\n${markdown}`)).toBe(true);
    expect(hasVideoFacade('<iframe src="https://player.vimeo.com/video/1"></iframe>')).toBe(false);
    expect(hasVideoFacade('Write `data-video-embed` on the link <a href="/x" title="data-video-embed">x</a>')).toBe(
      false,
    );
  });
});

describe('YouTube thumbnails come through the importer’s own downloader (see blogger-images.test.ts for the real server)', () => {
  test('the largest thumbnail is tried first, and hqdefault (which every video has) when it is missing', () => {
    expect(fallbackImageUrl('https://i.ytimg.com/vi/dQw4w9WgXcQ/maxresdefault.jpg')).toBe(
      'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
    );
    expect(fallbackImageUrl('https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg')).toBeUndefined();
    expect(imageFileName('https://i.ytimg.com/vi/9bZkp7q19f0/maxresdefault.jpg', 'jpg', new Set())).toBe(
      'youtube-9bzkp7q19f0.jpg',
    );
  });
});
