import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import {
  findRelativeUrls,
  findSrcsetsNotOnPage,
  isAbsoluteHttpUrl,
  isRfc3339Date,
  isRfc822Date,
} from '../../src/lib/feed-rules.ts';
import {
  getChannelUpdated,
  getFeedItemId,
  renderAtomFeed,
  renderJsonFeed,
  renderRssFeed,
  toRfc3339,
  type FeedChannel,
  type FeedEntry,
} from '../../src/lib/feeds.ts';

const channel: FeedChannel = {
  title: 'Tea & Toast',
  description: 'A <small> blog',
  language: 'en-GB',
  homeUrl: 'https://tea.example/',
  feedUrl: 'https://tea.example/atom.xml',
  fallbackUpdated: new Date('2025-06-01T00:00:00Z'),
};

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  id: 'tag:tea.example,2025-06-01:posts/first',
  url: 'https://tea.example/posts/first/',
  title: 'Cakes & <ale>',
  summary: 'A "summary"',
  html: '<p>Hello <a href="https://tea.example/about/">about</a> &amp; more</p>',
  published: new Date('2025-05-21T23:00:00Z'),
  updated: new Date('2025-05-30T08:15:00Z'),
  authors: [{ name: 'Ann', url: 'https://ann.example/' }],
  tags: ['sleep', 'Stress & rest'],
  ...overrides,
});

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['entry', 'category', 'link', 'item'].includes(name),
});

describe('getFeedItemId', () => {
  test('is a tag: URI of the host, the fixed date and the file id', () => {
    expect(getFeedItemId('Tea.example', '2025-06-01', ['posts', 'first'])).toBe(
      'tag:tea.example,2025-06-01:posts/first',
    );
  });

  test('keeps slashes of nested file ids and escapes other characters', () => {
    expect(getFeedItemId('tea.example', '2025', ['posts', '2023/café au lait'])).toBe(
      'tag:tea.example,2025:posts/2023/caf%C3%A9%20au%20lait',
    );
  });

  test('refuses a date or host a tag: URI cannot hold', () => {
    expect(() => getFeedItemId('tea.example', '01/06/2025', ['x'])).toThrow(/not YYYY-MM-DD/);
    expect(() => getFeedItemId('https://tea.example', '2025', ['x'])).toThrow(/not a host name/);
  });
});

describe('toRfc3339 and getChannelUpdated', () => {
  test('writes UTC to the second', () => {
    expect(toRfc3339(new Date('2025-05-21T23:00:00.000Z'))).toBe('2025-05-21T23:00:00Z');
  });

  test('refuses an invalid date', () => {
    expect(() => toRfc3339(new Date('nonsense'))).toThrow(/invalid date/);
  });

  test('dates a channel by its newest change, or the fallback when empty', () => {
    const older = entry({ updated: new Date('2024-01-01T00:00:00Z') });
    expect(getChannelUpdated(channel, [older, entry()])).toEqual(new Date('2025-05-30T08:15:00Z'));
    expect(getChannelUpdated(channel, [])).toEqual(channel.fallbackUpdated);
  });
});

describe('renderAtomFeed', () => {
  const xml = renderAtomFeed(channel, [entry()]);
  const feed = parser.parse(xml).feed;

  test('is plain XML (no stylesheet) and declares the Atom namespace and language', () => {
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<feed /);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('en-GB');
  });

  test('has the required feed elements: id, title, updated, self and alternate links', () => {
    expect(feed.id).toBe(channel.feedUrl);
    expect(feed.title).toBe('Tea & Toast');
    expect(feed.updated).toBe('2025-05-30T08:15:00Z');
    expect(feed.link).toEqual([
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': 'https://tea.example/atom.xml' },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': 'https://tea.example/' },
    ]);
  });

  test('gives each entry its id, dates, author, categories, summary and escaped HTML content', () => {
    const [item] = feed.entry;
    expect(item.id).toBe('tag:tea.example,2025-06-01:posts/first');
    expect(item.title).toBe('Cakes & <ale>');
    expect(item.published).toBe('2025-05-21T23:00:00Z');
    expect(item.updated).toBe('2025-05-30T08:15:00Z');
    expect(item.author).toEqual({ name: 'Ann', uri: 'https://ann.example/' });
    expect(item.category).toEqual([{ '@_term': 'sleep' }, { '@_term': 'Stress & rest' }]);
    expect(item.summary).toBe('A "summary"');
    expect(item.content).toEqual({ '#text': entry().html, '@_type': 'html' });
  });
});

describe('renderJsonFeed', () => {
  const feed = JSON.parse(renderJsonFeed({ ...channel, feedUrl: 'https://tea.example/feed.json' }, [entry()]));

  test('has JSON Feed 1.1 top-level keys', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Tea & Toast',
      home_page_url: 'https://tea.example/',
      feed_url: 'https://tea.example/feed.json',
      language: 'en-GB',
    });
  });

  test('gives each item its id, URL, full HTML, RFC 3339 dates, authors and tags', () => {
    expect(feed.items).toEqual([
      {
        id: 'tag:tea.example,2025-06-01:posts/first',
        url: 'https://tea.example/posts/first/',
        title: 'Cakes & <ale>',
        content_html: entry().html,
        summary: 'A "summary"',
        date_published: '2025-05-21T23:00:00Z',
        date_modified: '2025-05-30T08:15:00Z',
        authors: [{ name: 'Ann', url: 'https://ann.example/' }],
        tags: ['sleep', 'Stress & rest'],
      },
    ]);
  });
});

describe('renderRssFeed', () => {
  test('uses the stable id as a guid that is not a permalink, and dates in RFC 822', async () => {
    const xml = await renderRssFeed({ ...channel, feedUrl: 'https://tea.example/rss.xml' }, [entry()]);
    expect(xml).not.toContain('xml-stylesheet');
    const rss = parser.parse(xml).rss;
    const [item] = rss.channel.item;
    expect(item.guid).toEqual({ '#text': 'tag:tea.example,2025-06-01:posts/first', '@_isPermaLink': 'false' });
    expect(item.link).toEqual(['https://tea.example/posts/first/']);
    expect(item.pubDate).toBe('Wed, 21 May 2025 23:00:00 GMT');
    expect(item['dc:creator']).toBe('Ann');
    expect(item.category).toEqual(['sleep', 'Stress & rest']);
    expect(rss.channel.lastBuildDate).toBe('Fri, 30 May 2025 08:15:00 GMT');
    expect(rss.channel['atom:link']).toMatchObject({ '@_href': 'https://tea.example/rss.xml', '@_rel': 'self' });
  });

  test('an empty feed is dated by the fallback, never by the build', async () => {
    const xml = await renderRssFeed(channel, []);
    expect(parser.parse(xml).rss.channel.lastBuildDate).toBe('Sun, 01 Jun 2025 00:00:00 GMT');
  });
});

describe('isRfc822Date', () => {
  test('accepts the dates RSS feeds carry', () => {
    expect(isRfc822Date('Wed, 21 May 2025 23:00:00 GMT')).toBe(true);
    expect(isRfc822Date('21 May 2025 23:00 +0100')).toBe(true);
  });

  test('rejects dates that do not exist, wrong weekdays and ISO dates', () => {
    expect(isRfc822Date('Sun, 30 Feb 2025 10:00:00 GMT')).toBe(false);
    expect(isRfc822Date('Thu, 21 May 2025 23:00:00 GMT')).toBe(false);
    expect(isRfc822Date('Wed, 21 May 2025 24:00:00 GMT')).toBe(false);
    expect(isRfc822Date('2025-05-21T23:00:00Z')).toBe(false);
    expect(isRfc822Date('Wed, 21 May 25 23:00:00 GMT')).toBe(false);
  });
});

describe('isRfc3339Date', () => {
  test('accepts UTC and offsets, with or without fractions', () => {
    expect(isRfc3339Date('2025-05-21T23:00:00Z')).toBe(true);
    expect(isRfc3339Date('2025-05-21T23:00:00.123+01:00')).toBe(true);
  });

  test('rejects 30 February, a missing zone and RFC 822', () => {
    expect(isRfc3339Date('2025-02-30T10:00:00Z')).toBe(false);
    expect(isRfc3339Date('2025-05-21T23:00:00')).toBe(false);
    expect(isRfc3339Date('2025-05-21')).toBe(false);
    expect(isRfc3339Date('Wed, 21 May 2025 23:00:00 GMT')).toBe(false);
  });
});

describe('absolute URLs', () => {
  test('only http and https URLs with a host count as absolute', () => {
    expect(isAbsoluteHttpUrl('https://tea.example/x')).toBe(true);
    expect(isAbsoluteHttpUrl('/x')).toBe(false);
    expect(isAbsoluteHttpUrl('javascript:alert(1)')).toBe(false);
  });

  test('findRelativeUrls finds relative links and sources, srcset candidates included', () => {
    const html =
      '<a href="/about/">a</a><a href="#top">t</a><a href="mailto:a@b.example">m</a>' +
      '<img src="https://tea.example/a.jpg" srcset="https://tea.example/a.jpg 1x, /b.jpg 2x">' +
      "<video poster='poster.jpg'></video>";
    expect(findRelativeUrls(html)).toEqual(['/about/', '/b.jpg', 'poster.jpg']);
  });
  test('findRelativeUrls reads srcset by the HTML standard: commas inside URLs and data: URIs are not split', () => {
    const html =
      '<img srcset="https://cdn.example.com/fit=contain,width=320/a.jpg 320w, https://cdn.example.com/fit=contain,width=640/a.jpg 640w">' +
      '<img srcset="data:image/gif;base64,R0lGOD== 1x, /b,c.jpg 2x">';
    expect(findRelativeUrls(html)).toEqual(['/b,c.jpg']);
  });

  test('findSrcsetsNotOnPage catches a srcset split at the commas inside its URLs (case C4)', () => {
    const page =
      '<img srcset="https://cdn.example.com/fit=contain,width=320/a.jpg 320w, https://cdn.example.com/fit=contain,width=640/a.jpg 640w" alt="">';
    const postUrl = 'https://massage-wellness.example/posts/the-new-treatment-room/';
    expect(findSrcsetsNotOnPage(page, page, postUrl)).toEqual([]);
    // What the feeds carried before: each URL cut at its comma, the second half resolved against the post.
    const split =
      '<img srcset="https://cdn.example.com/fit=contain, https://massage-wellness.example/posts/the-new-treatment-room/width=320/a.jpg 320w, https://cdn.example.com/fit=contain, https://massage-wellness.example/posts/the-new-treatment-room/width=640/a.jpg 640w">';
    expect(findSrcsetsNotOnPage(split, page, postUrl)).toEqual([
      `srcset candidate "https://cdn.example.com/fit=contain" is not in the page's srcset`,
      `srcset candidate "https://massage-wellness.example/posts/the-new-treatment-room/width=320/a.jpg" is not in the page's srcset`,
      `srcset candidate "https://cdn.example.com/fit=contain" is not in the page's srcset`,
      `srcset candidate "https://massage-wellness.example/posts/the-new-treatment-room/width=640/a.jpg" is not in the page's srcset`,
    ]);
  });

  test('findSrcsetsNotOnPage wants every candidate absolute and the srcset valid, and resolves the page’s own', () => {
    const page = '<img srcset="/a.jpg 1x, b.jpg 2x" alt="">';
    const url = 'https://blog.example/posts/p/';
    expect(
      findSrcsetsNotOnPage(
        '<img srcset="https://blog.example/a.jpg 1x, https://blog.example/posts/p/b.jpg 2x">',
        page,
        url,
      ),
    ).toEqual([]);
    expect(findSrcsetsNotOnPage('<img srcset="/a.jpg 1x">', page, url)).toEqual([
      'srcset candidate "/a.jpg" has no scheme',
    ]);
    expect(findSrcsetsNotOnPage('<img srcset="https://blog.example/a.jpg 1x 2x">', page, url)).toEqual([
      'srcset "https://blog.example/a.jpg 1x 2x" is not a valid srcset',
    ]);
  });
});
