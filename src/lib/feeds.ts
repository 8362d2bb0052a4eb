/**
 * Feeds in three formats (RSS 2.0, Atom 1.0, JSON Feed 1.1) from one model, so that every feed says
 * the same thing about the same posts. Pure functions: the pages in src/pages gather the data.
 */
import { getRssString } from '@astrojs/rss';
import { escapeXml } from './xml.ts';

export interface FeedAuthor {
  name: string;
  url?: string | undefined;
}

/** One item of a feed: a post or a comment. */
export interface FeedEntry {
  /** A stable id that never changes with the title, date, tags or address (see getFeedItemId). */
  id: string;
  /** Absolute URL of the item on the site. */
  url: string;
  title: string;
  /** Plain text. */
  summary?: string | undefined;
  /** The full body as HTML, with absolute URLs. */
  html: string;
  published: Date;
  updated: Date;
  authors: FeedAuthor[];
  /** Tag labels. */
  tags: string[];
  /** Absolute URL where the item's comments are read (RSS <comments>). */
  commentsUrl?: string | undefined;
  /**
   * The item's language (BCP 47) when it may differ from the channel's: Atom xml:lang on the entry
   * and JSON Feed's item `language`. RSS 2.0 has a language for the channel only.
   */
  language?: string | undefined;
  /** Reading time and word count, the figures the post's page and JSON-LD show (JSON Feed only). */
  reading?: { minutes: number; wordCount: number } | undefined;
}

/** What a feed is about and where it lives. */
export interface FeedChannel {
  title: string;
  description: string;
  /** BCP 47, e.g. en-GB. */
  language: string;
  /** Absolute URL of the page the feed follows (the home page, a tag page, a post). */
  homeUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** The channel's last change: the newest change among its entries, else this date. */
  fallbackUpdated: Date;
  authors?: FeedAuthor[] | undefined;
}

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * A feed item id as a tag: URI (RFC 4151): "tag:example.com,2025-06-01:posts/my-post". Built from
 * parts that never change (the site's host, a fixed date and the file's id), never from the title,
 * date or address, so that readers never see an item twice.
 */
export function getFeedItemId(host: string, date: string, specific: readonly string[]): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) throw new Error(`feed id date "${date}" is not YYYY-MM-DD`);
  if (!host || /[^a-z0-9.-]/i.test(host)) throw new Error(`feed id host "${host}" is not a host name`);
  const path = specific.map((part) => part.split('/').map(encodeURIComponent).join('/')).join('/');
  return `tag:${host.toLowerCase()},${date}:${path}`;
}

/** An instant in RFC 3339, in UTC, to the second: "2025-05-21T23:00:00Z". */
export function toRfc3339(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('cannot date a feed with an invalid date');
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The newest `updated` of the entries, or the channel's fallback when there are none. */
export function getChannelUpdated(channel: Pick<FeedChannel, 'fallbackUpdated'>, entries: readonly FeedEntry[]): Date {
  let newest: Date | undefined;
  for (const entry of entries) if (!newest || entry.updated > newest) newest = entry.updated;
  return newest ?? channel.fallbackUpdated;
}

/** RSS 2.0 with full content (content:encoded), dc:creator, categories and atom:link self. */
export function renderRssFeed(channel: FeedChannel, entries: readonly FeedEntry[]): Promise<string> {
  return getRssString({
    title: channel.title,
    description: channel.description,
    site: channel.homeUrl,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<language>${escapeXml(channel.language)}</language>`,
      `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
      // The newest change, not the build's time: an unchanged site builds an identical feed.
      `<lastBuildDate>${getChannelUpdated(channel, entries).toUTCString()}</lastBuildDate>`,
    ].join(''),
    items: entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      pubDate: entry.published,
      ...(entry.summary ? { description: entry.summary } : {}),
      content: entry.html,
      categories: entry.tags,
      ...(entry.commentsUrl ? { commentsUrl: entry.commentsUrl } : {}),
      // Replaces the guid @astrojs/rss makes from the link: the id outlives a change of address.
      customData: [
        `<guid isPermaLink="false">${escapeXml(entry.id)}</guid>`,
        ...entry.authors.map((author) => `<dc:creator>${escapeXml(author.name)}</dc:creator>`),
      ].join(''),
    })),
  });
}

function renderAtomAuthor(author: FeedAuthor, indent: string): string {
  const uri = author.url ? `<uri>${escapeXml(author.url)}</uri>` : '';
  return `${indent}<author><name>${escapeXml(author.name)}</name>${uri}</author>\n`;
}

/**
 * Atom 1.0 (RFC 4287) with full content as type="html", published and updated, a category per tag;
 * an entry in another language than the feed's carries its own xml:lang.
 */
export function renderAtomFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">\n`,
    `  <id>${escapeXml(channel.feedUrl)}</id>\n`,
    `  <title>${escapeXml(channel.title)}</title>\n`,
    `  <subtitle>${escapeXml(channel.description)}</subtitle>\n`,
    `  <updated>${toRfc3339(getChannelUpdated(channel, entries))}</updated>\n`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(channel.feedUrl)}"/>\n`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(channel.homeUrl)}"/>\n`,
    ...(channel.authors ?? []).map((author) => renderAtomAuthor(author, '  ')),
  ];
  for (const entry of entries) {
    lines.push(
      entry.language && entry.language.toLowerCase() !== channel.language.toLowerCase()
        ? `  <entry xml:lang="${escapeXml(entry.language)}">\n`
        : '  <entry>\n',
      `    <id>${escapeXml(entry.id)}</id>\n`,
      `    <title>${escapeXml(entry.title)}</title>\n`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>\n`,
      `    <published>${toRfc3339(entry.published)}</published>\n`,
      `    <updated>${toRfc3339(entry.updated)}</updated>\n`,
      ...entry.authors.map((author) => renderAtomAuthor(author, '    ')),
      ...entry.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>\n`),
      entry.summary ? `    <summary>${escapeXml(entry.summary)}</summary>\n` : '',
      `    <content type="html">${escapeXml(entry.html)}</content>\n`,
      '  </entry>\n',
    );
  }
  lines.push('</feed>\n');
  return lines.join('');
}

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): content_html, RFC 3339 dates, authors, tags, each
 * item's language, and the `_reading` extension ({ minutes, word_count }) for posts.
 */
export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const authors = (author: FeedAuthor) => ({ name: author.name, ...(author.url ? { url: author.url } : {}) });
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.language,
    ...(channel.authors?.length ? { authors: channel.authors.map(authors) } : {}),
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      content_html: entry.html,
      ...(entry.summary ? { summary: entry.summary } : {}),
      date_published: toRfc3339(entry.published),
      date_modified: toRfc3339(entry.updated),
      ...(entry.authors.length ? { authors: entry.authors.map(authors) } : {}),
      ...(entry.tags.length ? { tags: entry.tags } : {}),
      ...(entry.language ? { language: entry.language } : {}),
      // An extension (JSON Feed 1.1 allows keys starting with an underscore): the same figures as
      // the post's page and its JSON-LD wordCount.
      ...(entry.reading ? { _reading: { minutes: entry.reading.minutes, word_count: entry.reading.wordCount } } : {}),
    })),
  });
}
