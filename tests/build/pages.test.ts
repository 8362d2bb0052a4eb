import { readdirSync } from 'node:fs';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { TEST_CONTENT } from '../paths.ts';
import {
  isRedirectPage,
  listDistFiles,
  loadPage,
  PUBLISHED,
  PUBLISHED_NEWEST_FIRST,
  readDist,
  textOf,
  OTHER_LANGUAGES,
} from './dist.ts';

// The site's own pages; redirect pages at old addresses are checked in the redirect tests.
const htmlFiles = listDistFiles().filter((file) => file.endsWith('.html') && !isRedirectPage(file));
const pathOf = (file: string) => (file === '404.html' ? '/404.html' : `/${file.replace(/index\.html$/, '')}`);
const allPages = htmlFiles.map(pathOf);
const postPath = (slug: string) => `/posts/${slug}/`;
/** The language each fixture post in another language declares (canonical case). */
const LANGUAGE_OF_FIXTURE: Record<string, string> = {
  [postPath(OTHER_LANGUAGES.chinese)]: 'zh-Hans',
  [postPath(OTHER_LANGUAGES.japanese)]: 'ja',
  [postPath(OTHER_LANGUAGES.arabic)]: 'ar',
  [postPath(PUBLISHED.cardChinese)]: 'zh-Hans',
  [postPath(PUBLISHED.cardArabic)]: 'ar',
};

describe('the build', () => {
  test('has a page for every published post and nothing else under /posts/', () => {
    const postPages = allPages.filter((path) => path.startsWith('/posts/')).sort();
    expect(postPages).toEqual(PUBLISHED_NEWEST_FIRST.map(postPath).sort());
  });

  test('publishes every real and imported post in content/ (the fixtures add drafts, future posts, a srcset post, the card posts and two tag posts)', () => {
    const realPosts = readdirSync(`${TEST_CONTENT}posts`).filter((name) => !name.startsWith('fixture-'));
    expect(realPosts.sort()).toEqual(
      Object.values(PUBLISHED)
        .filter((slug) => !slug.startsWith('fixture-'))
        .sort(),
    );
  });

  test('has the home, archive, tags, videos, about, disclaimer and 404 pages', () => {
    for (const path of ['/', '/archive/', '/tags/', '/videos/', '/about/', '/disclaimer/', '/404.html']) {
      expect(allPages).toContain(path);
    }
  });

  test('never shows a draft or a future post, on any page, feed or sitemap', () => {
    const leaks = [
      'FIXTURE DRAFT',
      'FIXTURE-DRAFT',
      'fixture-draft',
      'FIXTURE FUTURE',
      'FIXTURE-FUTURE',
      'fixture-future',
    ];
    const textFiles = listDistFiles().filter((file) => /\.(html|xml|txt|json)$/.test(file));
    expect(textFiles.length).toBeGreaterThan(20);
    for (const file of textFiles) {
      const body = readDist(file);
      for (const leak of leaks) expect(body, `${file} mentions ${leak}`).not.toContain(leak);
    }
  });
});

describe('every page', () => {
  // Astro drops the line break between a word and an element on the next line of a template, so
  // "browse by⏎<a>tag</a>" came out as "browse bytag". A Latin letter or sentence mark glued to a
  // link or emphasis is that slip (the 404 page, the search page and the comment notice had it).
  test.each(allPages)('%s keeps the space between a word and the link or emphasis after it', (path) => {
    const html = readDist(path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
    const glued = [...html.matchAll(/[A-Za-z][.,:;]?<(?:a|em|strong|code) [^>]*>[^<]{0,30}/g)]
      .map((match) => match[0])
      .filter((text) => !/^[A-Za-z]<a [^>]*class="[^"]*skip/.test(text));
    expect(glued, path).toEqual([]);
  });

  test.each(allPages)('%s has a language, a title, a description, a canonical URL and feed discovery', (path) => {
    const page = loadPage(path);
    // A post in another language is a document in that language (see languages.test.ts).
    const language = LANGUAGE_OF_FIXTURE[path] ?? 'en-GB';
    expect(page.one('html')?.properties.lang).toBe(language);
    expect(page.text('title').length).toBeGreaterThan(3);
    expect(page.one('meta[name="description"]')?.properties.content).toBeTruthy();
    expect(String(page.one('link[rel="canonical"]')?.properties.href)).toMatch(/^https:\/\//);
    expect(page.one('link[rel="alternate"][type="application/rss+xml"]')?.properties.href).toBe(
      'https://massage-wellness.example/rss.xml',
    );
  });

  test.each(allPages)('%s starts with the skip link and has one main landmark', (path) => {
    const page = loadPage(path);
    const firstLink = page.one('body a');
    expect(textOf(firstLink)).toBe('Skip to main content');
    expect(firstLink?.properties.href).toBe('#main');
    expect(page.all('main#main')).toHaveLength(1);
    expect(page.all('header.site-header')).toHaveLength(1);
    expect(page.all('footer.site-footer')).toHaveLength(1);
  });

  /** Pages with a click-to-load video player (the videos page, imported posts with a video). */
  const withPlayer = (path: string) => loadPage(path).one('a[data-video-embed]') !== undefined;

  test.each(allPages.filter((path) => path !== '/search/' && !withPlayer(path)))(
    '%s ships no JavaScript but the inline theme script, under 1 KB',
    (path) => {
      // JSON-LD is data, not script: the browser never runs it.
      const scripts = loadPage(path).all('script:not([type="application/ld+json"])');
      expect(scripts).toHaveLength(1);
      expect(scripts[0]!.properties.src).toBeUndefined();
      // The bytes shipped, whitespace and all (textOf would collapse it).
      const code = (scripts[0]!.children[0] as { value: string }).value;
      expect(Buffer.byteLength(code)).toBeLessThan(1024);
    },
  );

  test.each(allPages.filter(withPlayer))(
    '%s ships the theme script and the video player’s, once and under 1 KB, and nothing else',
    (path) => {
      const scripts = loadPage(path).all('script:not([type="application/ld+json"])');
      expect(scripts).toHaveLength(2);
      const player = (scripts[1]!.children[0] as { value: string }).value;
      expect(player).toContain('a[data-video-embed]');
      expect(Buffer.byteLength(player)).toBeLessThan(1024);
    },
  );
});

describe('the home page', () => {
  const home = loadPage('/');

  test('lists the latest posts newest first', () => {
    const links = home.all('main .post-card h2 a').map((a) => a.properties.href);
    // Ten a page (postsPerPage); the eleventh post is on /page/2/.
    expect(links).toEqual(PUBLISHED_NEWEST_FIRST.slice(0, 10).map(postPath));
  });

  test('shows each post’s date, reading time, excerpt, tags and comments link with its count', () => {
    const card = home.all('main .post-card')[1]!; // the reflexology overview
    const text = textOf(card);
    expect(text).toContain('10 September 2024');
    expect(text).toMatch(/\d+ min read/);
    expect(text).toContain('What reflexology is');
    const comments = home.all(`main .post-card a[href="${postPath(PUBLISHED.reflexology)}#comments"]`);
    expect(comments.map(textOf)).toEqual(['3 comments']);
    // Every list shows it: the latest posts and the popular posts sidebar.
    expect(home.all(`a[href="${postPath(PUBLISHED.canadaWater)}#comments"]`).map(textOf)).toEqual([
      'No comments yet',
      'No comments yet',
    ]);
    expect(home.all(`main a[href="${postPath(PUBLISHED.immune)}#comments"]`).map(textOf)).toEqual(['1 comment']);
  });

  test('has the popular posts sidebar in the seed’s order', () => {
    const titles = home.all('aside.popular h3 a').map((a) => a.properties.href);
    expect(titles).toEqual([PUBLISHED.canadaWater, PUBLISHED.reflexology, PUBLISHED.shepherdsBush].map(postPath));
  });
});

describe('a post page', () => {
  const immune = loadPage(postPath(PUBLISHED.immune));
  const reflexology = loadPage(postPath(PUBLISHED.reflexology));
  const review = loadPage(postPath(PUBLISHED.canadaWater));

  test('shows the title, author, dates in the site’s time zone, reading time and tags', () => {
    expect(immune.text('h1')).toBe('How Massage Therapy May Enhance Your Immune System');
    const byline = immune.text('.byline');
    expect(byline).toContain('By The Editors');
    // Built under TZ=Pacific/Kiritimati: the date must still be the London calendar date.
    expect(byline).toContain('Published 22 May 2025');
    expect(immune.one('.byline time')?.properties.dateTime).toBe('2025-05-22');
    expect(byline).toMatch(/\d+ min read/);
    expect(immune.all('.post-header .tag-list a').map(textOf)).toContain('lymphatic drainage');
  });

  test('shows the hero image with its alt text, responsive and eager', () => {
    const img = immune.one('picture.hero img, .hero img, img.hero');
    expect(img?.properties.alt).toBe('Illustration: three green sprigs growing before a soft morning sun.');
    expect(img?.properties.width).toBeTruthy();
    expect(img?.properties.height).toBeTruthy();
    expect(immune.all('picture source[type="image/avif"]').length).toBeGreaterThan(0);
  });

  test('carries the health disclaimer on health articles and not on reviews', () => {
    expect(immune.text('.disclaimer')).toContain('not medical advice');
    expect(reflexology.one('.disclaimer')).toBeDefined();
    expect(review.one('.disclaimer')).toBeUndefined();
  });

  test('lists its sources with links', () => {
    const source = immune.one('.sources a');
    expect(source?.properties.href).toBe('https://www.massagesme.com/blog/future-technology-massage-therapy');
    expect(immune.text('.sources')).toContain('The Massages Me Blog');
  });

  test('a review has a summary box with the rating in words', () => {
    const summary = review.text('.review-summary');
    expect(summary).toContain('Valentina');
    expect(summary).toContain('Canada Water, London');
    expect(summary).toContain('Mobile massage, Body massage');
    expect(summary).toContain('5 out of 5');
    expect(summary).toContain('9 March 2024');
  });

  test('links to the previous and next posts', () => {
    expect(reflexology.one('.post-nav a[rel="prev"]')?.properties.href).toBe(postPath(PUBLISHED.srcsetCommas));
    expect(reflexology.one('.post-nav a[rel="next"]')?.properties.href).toBe(postPath(PUBLISHED.immune));
    expect(immune.one('.post-nav a[rel="next"]')).toBeUndefined();
  });

  test('lists popular posts without the post itself', () => {
    const onImmune = immune.all('aside.popular h3 a').map((a) => a.properties.href);
    expect(onImmune).toEqual([PUBLISHED.canadaWater, PUBLISHED.reflexology, PUBLISHED.shepherdsBush].map(postPath));
    const onReflexology = reflexology.all('aside.popular h3 a').map((a) => a.properties.href);
    expect(onReflexology).not.toContain(postPath(PUBLISHED.reflexology));
    expect(onReflexology).toHaveLength(3);
  });

  test('the popular excerpts are plain text of about 300 characters ending in an ellipsis', () => {
    for (const p of immune.all('aside.popular p:not(.comments)')) {
      const text = textOf(p);
      expect(text.length).toBeLessThanOrEqual(300);
      expect(text.length).toBeGreaterThan(200);
      expect(text.endsWith('…')).toBe(true);
    }
  });

  test('shows threaded comments and a way to leave one', () => {
    const section = reflexology.one('section#comments');
    expect(section).toBeDefined();
    expect(reflexology.text('#comments h2')).toBe('Comments (3 comments)');
    const replies = reflexology.all('#comments .replies .comment');
    expect(replies.map((r) => r.properties.id)).toEqual(['comment-02-editors-reply', 'comment-99-hostile']);
    const leave = reflexology.one('#comments a.button');
    expect(textOf(leave)).toBe('Leave a comment');
    expect(String(leave?.properties.href)).toMatch(
      /^mailto:comments@massage-wellness\.example\?subject=Comment%20on%3A%20A%20Comprehensive%20Overview/,
    );
    expect(review.text('#comments')).toContain('Nobody has commented yet');
  });

  test('without a comment inbox there is no comment form, no Reply link and no thank-you page', () => {
    expect(reflexology.all('form#comment-form, #comments .reply a')).toHaveLength(0);
    expect(listDistFiles().filter((file) => file.startsWith('comments/received'))).toEqual([]);
    const manifest = JSON.parse(readDist('comments-manifest.json')) as { posts: Record<string, unknown>[] };
    expect(manifest.posts.length).toBeGreaterThan(5);
    expect(manifest.posts.filter((post) => 'received' in post)).toEqual([]);
  });

  test('renders a hostile comment harmlessly', () => {
    const hostile = reflexology.one('#comment-99-hostile');
    // Parsed, not grepped: the typed markup survives only as escaped text, so check the elements.
    expect(reflexology.all('script:not([type="application/ld+json"])')).toHaveLength(1); // the theme script
    expect(reflexology.all('#comments iframe, #comments b, #comments h1, #comments img')).toHaveLength(0);
    const withHandlers = reflexology
      .all('*')
      .filter((el) => Object.keys(el.properties).some((name) => /^on/i.test(name)));
    expect(withHandlers).toHaveLength(0);
    const hrefs = reflexology.all('[href]').map((el) => String(el.properties.href));
    expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
    expect(reflexology.html).toContain('&#x3C;iframe src="https://evil.example/">');
    expect(textOf(hostile)).toContain('<script>alert("author")</script> Mallory');
    expect(textOf(hostile)).toContain('<script>alert("xss")</script>');
    for (const link of reflexology.all('#comments .comment a[href^="http"]')) {
      expect(link.properties.rel).toEqual(['nofollow', 'ugc', 'noopener']);
    }
    expect(reflexology.all('#comment-99-hostile img')).toHaveLength(0);
  });
});

describe('tag pages, archive and the rest', () => {
  test('the tags index links to every tag page with its count', () => {
    const tags = loadPage('/tags/');
    const reviews = tags.all('main li').find((li) => textOf(li).startsWith('reviews'));
    expect(textOf(reviews)).toMatch(/^reviews\s*2 posts$/);
    for (const link of tags.all('main .tags a')) {
      expect(allPages).toContain(String(link.properties.href));
    }
  });

  test('a tag page lists only its posts, newest first', () => {
    const page = loadPage('/tags/reviews/');
    expect(page.text('h1')).toBe('Posts tagged “reviews”');
    expect(page.text('h1 + .meta')).toBe('2 posts · Follow “reviews” in a feed reader');
    expect(page.one('h1 + .meta a')?.properties.href).toBe('/feeds/#tag-reviews');
    expect(page.all('main .post-card h2 a').map((a) => a.properties.href)).toEqual(
      [PUBLISHED.shepherdsBush, PUBLISHED.canadaWater].map(postPath),
    );
  });

  test('the archive groups every post by year and month', () => {
    const archive = loadPage('/archive/');
    expect(archive.all('main h2').map(textOf)).toEqual(['2025', '2024', '2023', '2021', '2019']);
    expect(archive.all('main h3').map(textOf)).toEqual([
      'May 2025',
      'September 2024',
      'August 2024',
      'July 2024',
      'June 2024',
      'March 2024',
      'November 2023',
      'October 2023',
      'September 2023',
      'December 2021',
      'November 2021',
      'March 2019',
    ]);
    expect(archive.all('main li > a').map((a) => a.properties.href)).toEqual(PUBLISHED_NEWEST_FIRST.map(postPath));
    expect(archive.all('main li a.comments-link').map(textOf)).toEqual([
      '1 comment',
      '3 comments',
      '2 comments',
      ...Array(12).fill('No comments yet'),
    ]);
    const entries = archive.all('main li');
    for (const entry of entries) expect(textOf(entry)).toMatch(/\d{4}·\d+ min read·/);
    // A post with a hero shows it small and decorative (its title is beside it); one without has none.
    const pictured = entries.filter((entry) => selectAll('img', entry).length > 0);
    expect(pictured.map((entry) => selectAll('a', entry)[0]?.properties.href)).toEqual(
      expect.arrayContaining([postPath(PUBLISHED.immune), postPath(PUBLISHED.reflexology)]),
    );
    expect(pictured.length).toBeLessThan(entries.length);
    for (const entry of pictured) {
      const img = selectAll('img', entry)[0]!;
      expect(img.properties.alt).toBe('');
      expect(String(img.properties.src)).toMatch(/^\/_astro\//);
      expect(img.properties.loading).toBe('lazy');
    }
  });

  test('the videos page loads nothing from a third party until play', () => {
    const videos = loadPage('/videos/');
    expect(videos.all('iframe')).toHaveLength(0);
    const local = videos.one('video');
    expect(local?.properties.preload).toBe('none');
    expect(String(local?.properties.poster)).toMatch(/^\/_astro\//);
    const facade = videos.one('a[data-video-embed]');
    expect(facade?.properties.href).toBe('https://www.youtube.com/watch?v=M7lc1UVf-VE');
    for (const img of videos.all('img')) expect(String(img.properties.src)).toMatch(/^\/_astro\//);
  });

  test('the about and disclaimer pages have their content', () => {
    expect(loadPage('/about/').text('h1')).toBe('About this blog');
    expect(loadPage('/disclaimer/').text('main')).toMatch(/not medical advice/i);
  });

  test('the 404 page is kept out of search engines', () => {
    expect(loadPage('/404.html').one('meta[name="robots"]')?.properties.content).toBe('noindex');
  });

  test('old Blogger addresses lead to their pages, with a redirect page and a _redirects line', () => {
    const redirects = readDist('_redirects');
    expect(redirects).toContain('/search/label/reviews /tags/reviews/ 301');
    expect(redirects).toContain('/2024/09/ /archive/#2024-09 301');
    expect(redirects).toContain('/feeds/posts/default /rss.xml 301');
    expect(redirects).toContain('/search/label/ /tags/ 301');
    expect(readDist('search/label/index.html')).toContain('url=https://massage-wellness.example/tags/"');
    // The imported blog's older archive pages (its post of Wednesday 1 December 2021: the month's, the
    // day's, and the week's from Sunday 28 or Monday 29 November) lead to that month; a post of the
    // site's own has none.
    for (const old of ['2021_12_01', '2021_11_28', '2021_11_29']) {
      expect(redirects).toContain(`/${old}_archive.html /archive/#2021-12 301`);
    }
    expect(redirects).toContain('/2021_11_06_archive.html /archive/#2021-11 301');
    expect(redirects).not.toMatch(/^\/2024_09_\d\d_archive\.html /m);
    expect(readDist('2021_11_28_archive.html')).toContain('url=https://massage-wellness.example/archive/#2021-12');
    expect(readDist('search/label/reviews/index.html')).toContain(
      '<meta http-equiv="refresh" content="0; url=https://massage-wellness.example/tags/reviews/">',
    );
    expect(listDistFiles()).not.toContain('redirects.json');
  });

  test('the search index holds the published posts only, and nothing ships Pagefind’s stock UI', () => {
    const entry = JSON.parse(readDist('pagefind/pagefind-entry.json'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>);
    expect(pages.reduce((total, language) => total + language.page_count, 0)).toBe(PUBLISHED_NEWEST_FIRST.length);
    const indexed = allPages.filter((path) => loadPage(path).one('[data-pagefind-body]'));
    expect(indexed.sort()).toEqual(PUBLISHED_NEWEST_FIRST.map(postPath).sort());
    expect(listDistFiles().filter((file) => /pagefind\/.*-ui\./.test(file))).toEqual([]);
    expect(loadPage(postPath(PUBLISHED.immune)).one('#comments')?.properties.dataPagefindIgnore).toBe('all');
  });

  test('robots.txt names the sitemap', () => {
    expect(readDist('robots.txt')).toContain('Sitemap: https://massage-wellness.example/sitemap-index.xml');
  });
});
