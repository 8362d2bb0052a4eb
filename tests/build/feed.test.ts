import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { checkFeeds } from '../../tools/bench/check-feeds.ts';
import { TEST_DIST } from '../paths.ts';
import {
  BLOGGER_FEED_IDS,
  listDistFiles,
  loadPage,
  PUBLISHED,
  PUBLISHED_NEWEST_FIRST,
  readDist,
  textOf,
} from './dist.ts';

const SITE = 'https://massage-wellness.example';
const ID_PREFIX = 'tag:massage-wellness.example,2025-06-01:';
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'category', 'entry'].includes(name),
});
const parseRss = (file: string) => parser.parse(readDist(file)).rss;
const rss = parseRss('rss.xml');
const channel = rss.channel;
const items: Record<string, unknown>[] = channel.item;
const atom = parser.parse(readDist('atom.xml')).feed;
const json = JSON.parse(readDist('feed.json'));
const postUrls = PUBLISHED_NEWEST_FIRST.map((slug) => `${SITE}/posts/${slug}/`);
const postIds = PUBLISHED_NEWEST_FIRST.map((slug) => BLOGGER_FEED_IDS[slug] ?? `${ID_PREFIX}posts/${slug}`);

describe('every feed of the test site', () => {
  const result = checkFeeds(TEST_DIST);

  test('passes the format rules, xmllint and feedparser (tools/bench/check-feeds.ts)', () => {
    expect(result.problems).toEqual([]);
  });

  test('is found: the three main feeds, the comments feeds and a feed per tag', () => {
    const tags = listDistFiles().filter((file) => /^tags\/[^/]+\/index\.html$/.test(file));
    expect(result.feeds.map((feed) => feed.file)).toEqual(
      expect.arrayContaining(['rss.xml', 'atom.xml', 'feed.json', 'comments.xml', 'tags/reflexology/rss.xml']),
    );
    expect(result.feeds.filter((feed) => feed.file.startsWith('tags/'))).toHaveLength(tags.length);
    expect(result.feeds.filter((feed) => feed.file.endsWith('/comments.xml'))).toHaveLength(
      PUBLISHED_NEWEST_FIRST.length,
    );
  });

  test('RSS, Atom and JSON Feed carry the same posts, in the same order, with the same ids', () => {
    for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
      const feed = result.feeds.find((candidate) => candidate.file === file)!;
      expect(feed.links, file).toEqual(postUrls);
      expect(feed.ids, file).toEqual(postIds);
    }
  });
});

describe('checkFeeds on a damaged copy of the build', () => {
  test('names each broken rule, file and item', () => {
    const dir = mkdtempSync(join(tmpdir(), 'feeds-damaged-'));
    try {
      cpSync(TEST_DIST, dir, { recursive: true });
      const edit = (file: string, change: (text: string) => string) =>
        writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
      edit('rss.xml', (text) =>
        text.replace('Wed, 21 May 2025 23:00:00 GMT</pubDate>', 'Sun, 30 Feb 2025 10:00:00 GMT</pubDate>'),
      );
      edit('atom.xml', (text) => text.replace('<published>2025-05-21T23:00:00Z', '<published>2025-05-21 23:00'));
      edit('feed.json', (text) => text.replace(`"url":"${postUrls[1]}"`, '"url":"/posts/relative/"'));
      edit('tags/reviews/rss.xml', (text) => text.replace(/<item>[\s\S]*?<\/item>/, ''));
      edit('comments.xml', (text) => text.replace('</channel>', '<item>'));
      const { problems } = checkFeeds(dir);
      expect(problems).toEqual(
        expect.arrayContaining([
          'rss.xml: item 1: <pubDate> "Sun, 30 Feb 2025 10:00:00 GMT" is not an RFC 822 date',
          'atom.xml: entry 1: <published> "2025-05-21 23:00" is not RFC 3339',
          'feed.json: item 2: "url" "/posts/relative/" is not absolute',
          expect.stringMatching(/^tags\/reviews\/rss\.xml lacks 1: /),
          expect.stringMatching(/^xmllint: comments\.xml:/),
          expect.stringMatching(/^comments\.xml: feedparser: /),
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the RSS feed', () => {
  test('has the required channel elements, an atom:link to itself and the feed stylesheet', () => {
    expect(rss['@_version']).toBe('2.0');
    expect(channel.title).toBe('Massage & Wellness');
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.description).toBeTruthy();
    expect(channel.language).toBe('en-GB');
    expect(channel['atom:link']).toMatchObject({ '@_href': `${SITE}/rss.xml`, '@_rel': 'self' });
    // Plain XML: browsers are dropping XSLT; people are sent to the feeds page instead.
    expect(readDist('rss.xml')).toMatch(/^<\?xml[^>]*\?><rss /);
  });

  test('dates the channel by its newest post, not by the build', () => {
    expect(channel.lastBuildDate).toBe(items[0]!.pubDate);
  });

  test('gives every item a guid from its file, not its address, so a new slug or title keeps it', () => {
    expect(items.map((item) => item.link)).toEqual(postUrls);
    expect(items.map((item) => item.guid)).toEqual(postIds.map((id) => ({ '#text': id, '@_isPermaLink': 'false' })));
  });

  test('dates every item in RFC 822', () => {
    for (const item of items) expect(item.pubDate).toMatch(RFC_822);
    expect(items[0]!.pubDate).toBe('Wed, 21 May 2025 23:00:00 GMT'); // 22 May, midnight in London
  });

  test('gives each item a plain description, its author and its tags as categories', () => {
    const immune = items[0]!;
    expect(immune.description).not.toMatch(/<[a-z]/i);
    expect(immune['dc:creator']).toBe('The Editors');
    expect(immune.category).toEqual(['immune health', 'wellness', 'stress', 'sleep', 'lymphatic drainage']);
    expect(immune.comments).toBe(`${SITE}/posts/${PUBLISHED.immune}/#comments`);
  });

  test('carries the full post body with absolute URLs', () => {
    for (const item of items) {
      const content = String(item['content:encoded']);
      expect(content).not.toMatch(/(?:href|src|srcset)="\/(?!\/)/);
      // The real posts are long; the fixtures in other languages are a few hundred characters.
      expect(content.length).toBeGreaterThan(String(item.link).includes('/posts/fixture-') ? 200 : 1500);
    }
    // The last paragraph of the page's article body is in the feed too: nothing is cut.
    const page = loadPage(`/posts/${PUBLISHED.reflexology}/`);
    const paragraphs = page.all('.prose p');
    const last = paragraphs.at(-1)!;
    const lastText = (last.children.find((c) => c.type === 'text') as { value: string }).value.slice(0, 60);
    expect(String(items[1]!['content:encoded'])).toContain(lastText);
  });

  test('carries a Markdown post’s body as its page shows it (the stored HTML, no second render)', () => {
    const review = items.find((item) => item.link === `${SITE}/posts/${PUBLISHED.shepherdsBush}/`)!;
    const page = loadPage(`/posts/${PUBLISHED.shepherdsBush}/`);
    const headings = page.all('.prose h2').map((heading) => heading.properties.id);
    expect(headings.length).toBeGreaterThan(0);
    for (const id of headings) expect(String(review['content:encoded'])).toContain(`<h2 id="${String(id)}">`);
  });

  test('reads without error in a real feed client (python3-feedparser)', () => {
    const script = `
import json, sys, feedparser
f = feedparser.parse(sys.argv[1])
print(json.dumps({"bozo": int(f.bozo), "error": str(f.get("bozo_exception", "")), "version": f.version,
  "entries": [{"id": e.id, "link": e.link, "content": len(e.content[0].value)} for e in f.entries]}))`;
    const result = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, join(TEST_DIST, 'rss.xml')], { encoding: 'utf8' }),
    );
    expect(result.error).toBe('');
    expect(result.bozo).toBe(0);
    expect(result.version).toBe('rss20');
    expect(result.entries.map((entry: { id: string }) => entry.id)).toEqual(postIds);
    for (const entry of result.entries) {
      expect(entry.content).toBeGreaterThan(entry.link.includes('/posts/fixture-') ? 200 : 1500);
    }
  });
});

describe('the Atom feed', () => {
  test('names itself, its site and its last change, with no stylesheet', () => {
    expect(readDist('atom.xml')).not.toContain('xml-stylesheet');
    expect(atom.id).toBe(`${SITE}/atom.xml`);
    expect(atom.updated).toBe('2025-05-21T23:00:00Z');
    expect(atom.link).toEqual([
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${SITE}/atom.xml` },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${SITE}/` },
    ]);
  });

  test('gives each entry its id, RFC 3339 dates, author, categories and full HTML content', () => {
    const [immune] = atom.entry;
    expect(immune.id).toBe(postIds[0]);
    expect(immune.published).toBe('2025-05-21T23:00:00Z');
    expect(immune.updated).toBe('2025-05-21T23:00:00Z');
    expect(immune.author).toEqual({ name: 'The Editors' });
    expect(immune.category.map((c: Record<string, string>) => c['@_term'])).toEqual(items[0]!.category);
    expect(immune.content['@_type']).toBe('html');
    expect(immune.content['#text']).toBe(items[0]!['content:encoded']);
  });
});

describe('the JSON Feed', () => {
  test('has the JSON Feed 1.1 keys, with absolute URLs', () => {
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Massage & Wellness',
      home_page_url: `${SITE}/`,
      feed_url: `${SITE}/feed.json`,
      language: 'en-GB',
    });
  });

  test('gives each item its id, URL, dates, author, tags and the same HTML as the other feeds', () => {
    const [immune] = json.items;
    expect(immune).toMatchObject({
      id: postIds[0],
      url: postUrls[0],
      date_published: '2025-05-21T23:00:00Z',
      date_modified: '2025-05-21T23:00:00Z',
      authors: [{ name: 'The Editors' }],
      tags: items[0]!.category,
    });
    expect(immune.content_html).toBe(items[0]!['content:encoded']);
  });
});

describe('the tag feeds', () => {
  test('hold every post of their tag, in full, newest first', () => {
    const reviews = parseRss('tags/reviews/rss.xml').channel;
    expect(reviews.title).toBe('Massage & Wellness: posts tagged “reviews”');
    expect(reviews.link).toBe(`${SITE}/tags/reviews/`);
    expect(reviews.item.map((item: Record<string, unknown>) => item.link)).toEqual([
      `${SITE}/posts/${PUBLISHED.shepherdsBush}/`,
      `${SITE}/posts/${PUBLISHED.canadaWater}/`,
    ]);
    expect(String(reviews.item[0]['content:encoded']).length).toBeGreaterThan(1500);
  });

  test('are linked from their tag page, visibly and in its head', () => {
    const page = loadPage('/tags/reviews/');
    expect(page.one('head link[rel="alternate"][href$="/tags/reviews/rss.xml"]')?.properties).toMatchObject({
      type: 'application/rss+xml',
      href: `${SITE}/tags/reviews/rss.xml`,
    });
    // Visibly, through the feeds page, which gives the address to copy and buttons for readers.
    expect(textOf(page.one('main a[href="/feeds/#tag-reviews"]'))).toBe('Follow “reviews” in a feed reader');
    expect(loadPage('/feeds/').one('#tag-reviews input')?.properties.value).toBe(`${SITE}/tags/reviews/rss.xml`);
  });
});

describe('the comments feeds', () => {
  const reflexology = parseRss(`posts/${PUBLISHED.reflexology}/comments.xml`).channel;

  test('a post’s feed holds its comments, newest first, each linked to its anchor on the page', () => {
    const page = loadPage(`/posts/${PUBLISHED.reflexology}/`);
    const anchors = page.all('#comments .comment').map((comment) => String(comment.properties.id));
    const links = reflexology.item.map((item: Record<string, string>) => item.link);
    expect(links).toHaveLength(3);
    expect(links.map((link: string) => link.split('#')[1]).sort()).toEqual([...anchors].sort());
    for (const link of links) expect(link.startsWith(`${SITE}/posts/${PUBLISHED.reflexology}/#comment-`)).toBe(true);
    expect(reflexology.item.map((item: Record<string, unknown>) => item.guid)).toContainEqual({
      '#text': `${ID_PREFIX}comments/${PUBLISHED.reflexology}/02-editors-reply`,
      '@_isPermaLink': 'false',
    });
  });

  test('carries the sanitised comment, never the reader’s markup', () => {
    const hostile = reflexology.item.find((item: Record<string, string>) => item.link.endsWith('#comment-99-hostile'));
    const html = String(hostile['content:encoded']);
    expect(html).toContain('FIXTURE-HOSTILE-COMMENT');
    expect(html).not.toMatch(/<(script|iframe|img|h1)\b/i);
    expect(html).toContain('rel="nofollow ugc noopener"');
    expect(hostile['dc:creator']).toBe('<script>alert("author")</script> Mallory');
  });

  test('a post with no comments still has a feed, empty, linked from its comments section', () => {
    const empty = parseRss(`posts/${PUBLISHED.shepherdsBush}/comments.xml`).channel;
    expect(empty.item).toBeUndefined();
    expect(empty.link).toBe(`${SITE}/posts/${PUBLISHED.shepherdsBush}/`);
    const page = loadPage(`/posts/${PUBLISHED.shepherdsBush}/`);
    expect(page.one(`#comments a[href="/posts/${PUBLISHED.shepherdsBush}/comments.xml"]`)).toBeTruthy();
    expect(page.one('head link[rel="alternate"][href$="/comments.xml"]')?.properties.title).toMatch(/^Comments on “/);
  });

  test('the site’s comments feed holds every comment of every published post, newest first', () => {
    const site = parseRss('comments.xml').channel;
    expect(site.item).toHaveLength(6);
    const dates = site.item.map((item: Record<string, string>) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(site.item[0].link).toBe(`${SITE}/posts/${PUBLISHED.immune}/#comment-01-sample-reader`);
    // Relative links in a comment are made absolute for readers.
    expect(site.item[0]['content:encoded']).toContain(`href="${SITE}/about/"`);
  });
});

describe('links to the feeds', () => {
  test('every page names the RSS, Atom and JSON feeds in its head, with titles that tell them apart', () => {
    const page = loadPage('/about/');
    const alternates = page
      .all('head link[rel="alternate"]')
      .map((link) => [link.properties.type, link.properties.title, link.properties.href]);
    expect(alternates).toEqual([
      ['application/rss+xml', 'Massage & Wellness (RSS)', `${SITE}/rss.xml`],
      ['application/atom+xml', 'Massage & Wellness (Atom)', `${SITE}/atom.xml`],
      ['application/feed+json', 'Massage & Wellness (JSON Feed)', `${SITE}/feed.json`],
    ]);
  });

  test('the footer leads to the feeds page, and the feeds page gives every feed’s address to copy', () => {
    const footer = loadPage('/').all('footer .subscribe a');
    expect(footer.map((link) => [textOf(link), link.properties.href])).toEqual([
      ['Follow in a feed reader', '/feeds/'],
      ['RSS feed', '/rss.xml'],
    ]);
    const feeds = loadPage('/feeds/');
    const addresses = feeds.all('main input[readonly]').map((input) => input.properties.value);
    for (const path of [
      '/rss.xml',
      '/atom.xml',
      '/feed.json',
      '/comments.xml',
      '/tags/reviews/rss.xml',
      '/tags/c-sharp/rss.xml',
    ])
      expect(addresses).toContain(`${SITE}${path}`);
    // Every address is a feed the build wrote.
    for (const address of addresses)
      expect(() => readDist(decodeURIComponent(String(address).slice(SITE.length + 1)))).not.toThrow();
    // Each input has a label saying which feed it is.
    expect(feeds.all('main label').length).toBe(addresses.length);
    const feedly = feeds.all('#tag-reviews a.button')[0];
    expect(feedly?.properties.href).toBe(
      `https://feedly.com/i/subscription/feed/${encodeURIComponent(`${SITE}/tags/reviews/rss.xml`)}`,
    );
  });

  test('Blogger’s comments feed address leads to the comments feed', () => {
    expect(readDist('_redirects')).toContain('/feeds/comments/default /comments.xml 301');
  });
});
