/**
 * node tools/bench/check-feeds.ts <dist> [--site https://example.com]
 * Checks every feed of a built site against the rules of its format and reads each one with a real
 * feed client (Debian's python3-feedparser); prints a summary and exits non-zero on any problem.
 *
 * Feeds: rss.xml, atom.xml, feed.json, comments.xml, tags/<tag>/rss.xml, posts/<post>/comments.xml.
 * Rules: well-formed XML (xmllint); RFC 822 dates in RSS, RFC 3339 in Atom and JSON Feed, real
 * calendar dates only; absolute links, in the content too; each srcset as on the item's page; unique ids; each format's required
 * elements or keys; a self link naming the feed's own address; every post of the sitemap in the main
 * feeds, every post of a tag in its feed, every comment of a post in the site's comments feed. Then
 * feedparser must read every XML feed with no error (bozo 0) and find as many entries as the rules did.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  findRelativeUrls,
  findSrcsetsNotOnPage,
  isAbsoluteHttpUrl,
  isRfc3339Date,
  isRfc822Date,
} from '../../src/lib/feed-rules.ts';
import { readCommandLine, refuseCommandLine } from '../../src/lib/command-line.ts';
import { slugifyTag } from '../../src/lib/slugs.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

/** One feed as the rules read it. */
export interface CheckedFeed {
  /** Path relative to the dist folder, e.g. "tags/sleep/rss.xml". */
  file: string;
  format: FeedFormat;
  /** The items' links (absolute URLs), in feed order. */
  links: string[];
  ids: string[];
  /** Per item: its tag labels. */
  tags: string[][];
  /** Per item: its full HTML content. */
  contents: string[];
}

export interface FeedCheckResult {
  feeds: CheckedFeed[];
  /** Items across every feed. */
  items: number;
  problems: string[];
  /** Milliseconds spent in our rules, in xmllint and in feedparser. */
  timings: { rules: number; xmllint: number; feedparser: number };
}

export interface FeedCheckOptions {
  /** The site's origin; by default the origin of the first address in the sitemap. */
  site?: string;
  /** Skips the feedparser pass (the rules and xmllint still run). */
  skipFeedparser?: boolean;
}

const PYTHON = '/usr/bin/python3';

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ['item', 'category', 'entry', 'link', 'author', 'atom:link', 'dc:creator'].includes(name),
});

type Node = Record<string, unknown>;
// Elements that may repeat are always arrays (isArray above); where one is expected, the first counts.
const text = (value: unknown): string =>
  Array.isArray(value)
    ? text(value[0])
    : typeof value === 'string'
      ? value
      : value && typeof value === 'object'
        ? String((value as Node)['#text'] ?? '')
        : '';
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value ? [value as Node] : []);

/** Every feed file of a built site, relative to it. */
export function findFeeds(distDir: string): { file: string; format: FeedFormat }[] {
  const found: { file: string; format: FeedFormat }[] = [];
  const add = (file: string, format: FeedFormat) => {
    if (existsSync(join(distDir, file))) found.push({ file, format });
  };
  add('rss.xml', 'rss');
  add('atom.xml', 'atom');
  add('feed.json', 'json');
  add('comments.xml', 'rss');
  for (const folder of ['tags', 'posts']) {
    const dir = join(distDir, folder);
    if (!existsSync(dir)) continue;
    const name = folder === 'tags' ? 'rss.xml' : 'comments.xml';
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) add(`${folder}/${entry.name}/${name}`, 'rss');
    }
  }
  return found;
}

function checkRss(xml: string, file: string, feedUrl: string, problems: string[]): CheckedFeed {
  const say = (message: string) => problems.push(`${file}: ${message}`);
  const feed: CheckedFeed = { file, format: 'rss', links: [], ids: [], tags: [], contents: [] };
  const rss = (xmlParser.parse(xml) as Node).rss as Node | undefined;
  if (!rss || rss['@_version'] !== '2.0') {
    say('the root element is not <rss version="2.0">');
    return feed;
  }
  const channel = (rss.channel ?? {}) as Node;
  for (const name of ['title', 'link', 'description']) if (!text(channel[name])) say(`<channel> has no <${name}>`);
  if (channel.link && !isAbsoluteHttpUrl(text(channel.link)))
    say(`<channel><link> "${text(channel.link)}" is not absolute`);
  const self = nodes(channel['atom:link']).find((link) => link['@_rel'] === 'self');
  if (!self) say('<channel> has no <atom:link rel="self">');
  else if (self['@_href'] !== feedUrl) say(`atom:link rel="self" is "${String(self['@_href'])}", not ${feedUrl}`);
  for (const name of ['lastBuildDate', 'pubDate']) {
    if (channel[name] !== undefined && !isRfc822Date(text(channel[name]))) {
      say(`<channel><${name}> "${text(channel[name])}" is not an RFC 822 date`);
    }
  }
  const seen = new Set<string>();
  for (const [index, item] of nodes(channel.item).entries()) {
    const where = `item ${index + 1}`;
    if (!text(item.title) && !text(item.description)) say(`${where} has neither <title> nor <description>`);
    const link = text(item.link);
    if (!isAbsoluteHttpUrl(link)) say(`${where}: <link> "${link}" is not absolute`);
    const guid = text(item.guid);
    if (!guid) say(`${where} has no <guid>`);
    else if (seen.has(guid)) say(`${where}: <guid> ${guid} is not unique`);
    seen.add(guid);
    const isPermaLink = (item.guid as Node | undefined)?.['@_isPermaLink'];
    if (guid && isPermaLink !== 'false' && !isAbsoluteHttpUrl(guid)) say(`${where}: a permalink <guid> must be a URL`);
    if (!item.pubDate) say(`${where} has no <pubDate>`);
    else if (!isRfc822Date(text(item.pubDate)))
      say(`${where}: <pubDate> "${text(item.pubDate)}" is not an RFC 822 date`);
    if (item.comments !== undefined && !isAbsoluteHttpUrl(text(item.comments)))
      say(`${where}: <comments> is not absolute`);
    for (const url of findRelativeUrls(text(item['content:encoded']) + text(item.description))) {
      say(`${where}: the content links to "${url}", a relative URL`);
    }
    feed.links.push(link);
    feed.ids.push(guid);
    feed.tags.push(nodes(item.category).map(text));
    feed.contents.push(text(item['content:encoded']));
  }
  return feed;
}

function checkAtom(xml: string, file: string, feedUrl: string, problems: string[]): CheckedFeed {
  const say = (message: string) => problems.push(`${file}: ${message}`);
  const result: CheckedFeed = { file, format: 'atom', links: [], ids: [], tags: [], contents: [] };
  const feed = (xmlParser.parse(xml) as Node).feed as Node | undefined;
  if (!feed || feed['@_xmlns'] !== 'http://www.w3.org/2005/Atom') {
    say('the root element is not an Atom <feed>');
    return result;
  }
  for (const name of ['id', 'title', 'updated']) if (!text(feed[name])) say(`<feed> has no <${name}>`);
  if (feed.updated && !isRfc3339Date(text(feed.updated)))
    say(`<feed><updated> "${text(feed.updated)}" is not RFC 3339`);
  const links = nodes(feed.link);
  const self = links.find((link) => link['@_rel'] === 'self');
  if (!self) say('<feed> has no <link rel="self">');
  else if (self['@_href'] !== feedUrl) say(`<link rel="self"> is "${String(self['@_href'])}", not ${feedUrl}`);
  if (!links.some((link) => link['@_rel'] === 'alternate' && isAbsoluteHttpUrl(String(link['@_href'])))) {
    say('<feed> has no absolute <link rel="alternate">');
  }
  const feedHasAuthor = nodes(feed.author).some((author) => text(author.name));
  const seen = new Set<string>();
  for (const [index, entry] of nodes(feed.entry).entries()) {
    const where = `entry ${index + 1}`;
    const id = text(entry.id);
    if (!id) say(`${where} has no <id>`);
    else if (seen.has(id)) say(`${where}: <id> ${id} is not unique`);
    else if (!/^[a-z][a-z0-9+.-]*:/i.test(id)) say(`${where}: <id> ${id} is not an IRI`);
    seen.add(id);
    if (!text(entry.title)) say(`${where} has no <title>`);
    for (const name of ['updated', 'published']) {
      if (name === 'updated' && !entry.updated) say(`${where} has no <updated>`);
      if (entry[name] !== undefined && !isRfc3339Date(text(entry[name]))) {
        say(`${where}: <${name}> "${text(entry[name])}" is not RFC 3339`);
      }
    }
    if (!feedHasAuthor && !nodes(entry.author).some((author) => text(author.name))) say(`${where} has no <author>`);
    const alternate = nodes(entry.link).find((link) => (link['@_rel'] ?? 'alternate') === 'alternate');
    const link = String(alternate?.['@_href'] ?? '');
    if (!isAbsoluteHttpUrl(link)) say(`${where}: <link rel="alternate"> "${link}" is not absolute`);
    const content = entry.content as Node | undefined;
    if (!content) say(`${where} has no <content>`);
    else if (content['@_type'] !== 'html') say(`${where}: <content> is not type="html"`);
    for (const url of findRelativeUrls(text(content))) say(`${where}: the content links to "${url}", a relative URL`);
    result.links.push(link);
    result.ids.push(id);
    result.tags.push(nodes(entry.category).map((category) => String(category['@_term'] ?? '')));
    result.contents.push(text(content));
  }
  return result;
}

function checkJsonFeed(json: string, file: string, feedUrl: string, problems: string[]): CheckedFeed {
  const say = (message: string) => problems.push(`${file}: ${message}`);
  const result: CheckedFeed = { file, format: 'json', links: [], ids: [], tags: [], contents: [] };
  let feed: Node;
  try {
    feed = JSON.parse(json) as Node;
  } catch (error) {
    say(`is not JSON: ${(error as Error).message}`);
    return result;
  }
  if (feed.version !== 'https://jsonfeed.org/version/1.1') say(`"version" is ${JSON.stringify(feed.version)}, not 1.1`);
  if (typeof feed.title !== 'string' || !feed.title) say('has no "title"');
  if (!Array.isArray(feed.items)) {
    say('has no "items" array');
    return result;
  }
  if (feed.feed_url !== feedUrl) say(`"feed_url" is ${JSON.stringify(feed.feed_url)}, not ${feedUrl}`);
  if (typeof feed.home_page_url !== 'string' || !isAbsoluteHttpUrl(feed.home_page_url))
    say('"home_page_url" is not absolute');
  const seen = new Set<string>();
  for (const [index, item] of (feed.items as Node[]).entries()) {
    const where = `item ${index + 1}`;
    const id = item.id;
    if (typeof id !== 'string' || !id) say(`${where}: "id" is not a non-empty string`);
    else if (seen.has(id)) say(`${where}: "id" ${id} is not unique`);
    seen.add(String(id));
    const url = String(item.url ?? '');
    if (!isAbsoluteHttpUrl(url)) say(`${where}: "url" "${url}" is not absolute`);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') {
      say(`${where} has neither "content_html" nor "content_text"`);
    }
    for (const name of ['date_published', 'date_modified']) {
      if (item[name] !== undefined && !isRfc3339Date(String(item[name]))) say(`${where}: "${name}" is not RFC 3339`);
    }
    const authors = item.authors ?? feed.authors;
    if (
      authors !== undefined &&
      !(Array.isArray(authors) && authors.every((author) => typeof author?.name === 'string'))
    ) {
      say(`${where}: "authors" must be a list of objects with a "name"`);
    }
    for (const relative of findRelativeUrls(String(item.content_html ?? ''))) {
      say(`${where}: the content links to "${relative}", a relative URL`);
    }
    result.links.push(url);
    result.ids.push(String(id));
    result.tags.push(Array.isArray(item.tags) ? item.tags.map(String) : []);
    result.contents.push(String(item.content_html ?? ''));
  }
  return result;
}

/** Well-formedness of many XML files with as few xmllint runs as the command line allows. */
function lintXml(distDir: string, files: readonly string[], problems: string[]): void {
  for (let start = 0; start < files.length; start += 500) {
    const batch = files.slice(start, start + 500);
    const lint = spawnSync('xmllint', ['--noout', '--nonet', ...batch], { cwd: distDir, encoding: 'utf8' });
    if (lint.error) throw new Error(`xmllint could not run (${lint.error.message}); install libxml2-utils`);
    if (lint.status !== 0 || lint.stderr) {
      problems.push(
        ...lint.stderr
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => `xmllint: ${line}`),
      );
    }
  }
}

// One Python run reads every file (its workers share the cores); one JSON line per file.
const FEEDPARSER_SCRIPT = `
import json, os, sys, feedparser
from concurrent.futures import ProcessPoolExecutor
def read(path):
    f = feedparser.parse(path)
    return json.dumps({"file": path, "bozo": int(bool(f.bozo)), "error": str(f.get("bozo_exception", "")),
        "version": f.version, "ids": [e.get("id", "") for e in f.entries]})
if __name__ == "__main__":
    paths = [p for p in sys.stdin.read().split("\\n") if p]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for line in pool.map(read, paths, chunksize=16):
            print(line)
`;

interface FeedparserResult {
  file: string;
  bozo: number;
  error: string;
  version: string;
  ids: string[];
}

function runFeedparser(distDir: string, files: readonly string[]): FeedparserResult[] {
  const run = spawnSync(PYTHON, ['-c', FEEDPARSER_SCRIPT], {
    cwd: distDir,
    input: files.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    throw new Error(
      `feedparser could not run (${run.error?.message ?? run.stderr.trim()}); install python3-feedparser (Debian)`,
    );
  }
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FeedparserResult);
}

function readSiteOrigin(distDir: string): string {
  const index = join(distDir, 'sitemap-index.xml');
  const first = existsSync(index) ? /<loc>([^<]+)<\/loc>/.exec(readFileSync(index, 'utf8'))?.[1] : undefined;
  if (!first) throw new Error(`${index} has no <loc>; pass the site's address with --site`);
  return new URL(first).origin;
}

/** The post addresses the sitemap lists: the pages every published post has. */
function readSitemapPosts(distDir: string): Set<string> {
  const posts = new Set<string>();
  for (const name of readdirSync(distDir).filter((file) => /^sitemap-\d+\.xml$/.test(file))) {
    for (const [, loc] of readFileSync(join(distDir, name), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) {
      if (/\/posts\/[^/]+\/$/.test(new URL(loc!).pathname)) posts.add(loc!);
    }
  }
  return posts;
}

function compareSets(label: string, actual: readonly string[], expected: ReadonlySet<string>, problems: string[]) {
  const have = new Set(actual);
  const missing = [...expected].filter((url) => !have.has(url));
  const extra = [...have].filter((url) => !expected.has(url));
  if (missing.length) problems.push(`${label} lacks ${missing.length}: ${missing.slice(0, 5).join(', ')}`);
  if (extra.length) problems.push(`${label} has ${extra.length} it should not: ${extra.slice(0, 5).join(', ')}`);
}

/** Finds and checks every feed of the built site in `distDir`. */
export function checkFeeds(distDir: string, options: FeedCheckOptions = {}): FeedCheckResult {
  const dist = resolve(distDir);
  const origin = options.site ? new URL(options.site).origin : readSiteOrigin(dist);
  const problems: string[] = [];
  const timings = { rules: 0, xmllint: 0, feedparser: 0 };
  const found = findFeeds(dist);
  const xmlFiles = found.filter(({ format }) => format !== 'json').map(({ file }) => file);

  let started = performance.now();
  const feeds = found.map(({ file, format }) => {
    const source = readFileSync(join(dist, file), 'utf8');
    const feedUrl = new URL(file.split('/').map(encodeURIComponent).join('/'), `${origin}/`).href;
    if (format === 'json') return checkJsonFeed(source, file, feedUrl, problems);
    if (!source.startsWith('<?xml')) problems.push(`${file}: does not start with an XML declaration`);
    return format === 'rss' ? checkRss(source, file, feedUrl, problems) : checkAtom(source, file, feedUrl, problems);
  });

  // What the feeds must hold: every post of the sitemap in each main feed, a tag's posts in its feed,
  // a post's comments in the site's comments feed.
  const byFile = new Map(feeds.map((feed) => [feed.file, feed]));
  const sitemapPosts = readSitemapPosts(dist);
  for (const file of ['rss.xml', 'atom.xml', 'feed.json']) {
    const feed = byFile.get(file);
    if (!feed) problems.push(`${file} is missing`);
    else compareSets(`${file}'s posts`, feed.links, sitemapPosts, problems);
  }
  const main = byFile.get('rss.xml');
  if (main) {
    const byTag = new Map<string, Set<string>>();
    main.links.forEach((link, index) => {
      for (const label of main.tags[index] ?? []) {
        const slug = slugifyTag(label);
        byTag.set(slug, (byTag.get(slug) ?? new Set()).add(link));
      }
    });
    for (const [slug, links] of byTag) {
      const feed = byFile.get(`tags/${slug}/rss.xml`);
      if (!feed) problems.push(`tags/${slug}/rss.xml is missing: rss.xml has posts tagged "${slug}"`);
      else compareSets(`tags/${slug}/rss.xml`, feed.links, links, problems);
    }
    for (const feed of feeds.filter(({ file }) => file.startsWith('tags/'))) {
      if (!byTag.has(feed.file.split('/')[1]!)) problems.push(`${feed.file}: no post in rss.xml has this tag`);
    }
    for (const link of main.links) {
      if (!isAbsoluteHttpUrl(link)) continue;
      const path = decodeURIComponent(new URL(link).pathname).replace(/^\//, '');
      if (!byFile.has(`${path}comments.xml`)) problems.push(`${path}comments.xml is missing (a post of rss.xml)`);
    }
  }
  // Every srcset in a feed is its page's srcset, made absolute: no candidate split or lost.
  const pages = new Map<string, string | undefined>();
  for (const feed of feeds) {
    feed.contents.forEach((content, index) => {
      const link = feed.links[index]!;
      if (!content.includes('srcset') || !isAbsoluteHttpUrl(link) || link.includes('#')) return;
      if (!pages.has(link)) {
        const file = join(dist, decodeURIComponent(new URL(link).pathname), 'index.html');
        pages.set(link, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      }
      const page = pages.get(link);
      if (page === undefined) return;
      for (const problem of findSrcsetsNotOnPage(content, page, link)) {
        problems.push(`${feed.file}: the item ${link}: ${problem}`);
      }
    });
  }
  const siteComments = byFile.get('comments.xml');
  if (!siteComments) problems.push('comments.xml is missing');
  else {
    const perPost = feeds.filter(({ file }) => /^posts\/[^/]+\/comments\.xml$/.test(file)).flatMap((feed) => feed.ids);
    compareSets('comments.xml', siteComments.ids, new Set(perPost), problems);
  }
  timings.rules = performance.now() - started;

  started = performance.now();
  lintXml(dist, xmlFiles, problems);
  timings.xmllint = performance.now() - started;

  if (!options.skipFeedparser) {
    started = performance.now();
    const expected = new Map(feeds.map((feed) => [feed.file, feed]));
    for (const result of runFeedparser(dist, xmlFiles)) {
      const feed = expected.get(result.file)!;
      if (result.bozo) problems.push(`${result.file}: feedparser: ${result.error}`);
      const version = feed.format === 'atom' ? 'atom10' : 'rss20';
      if (result.version !== version)
        problems.push(`${result.file}: feedparser reads it as "${result.version}", not ${version}`);
      if (result.ids.length !== feed.ids.length) {
        problems.push(`${result.file}: feedparser finds ${result.ids.length} entries, the rules ${feed.ids.length}`);
      } else if (result.ids.some((id, index) => id !== feed.ids[index])) {
        problems.push(`${result.file}: feedparser reads different entry ids than the feed holds`);
      }
    }
    timings.feedparser = performance.now() - started;
  }

  return { feeds, items: feeds.reduce((total, feed) => total + feed.ids.length, 0), problems, timings };
}

if (import.meta.main) {
  const { values, positionals } = readCommandLine(
    {
      allowPositionals: true,
      options: { site: { type: 'string' }, 'skip-feedparser': { type: 'boolean', default: false } },
    },
    {
      name: 'check-feeds',
      usage: `Usage: node tools/bench/check-feeds.ts [DIST] [--site https://your-site] [--skip-feedparser]

Checks every feed of a built site (default dist/) against the format rules, xmllint and
feedparser, and prints each problem with its file; exits 1 when there is one.

  --site URL          the site's address, when it is not the one the build wrote
  --skip-feedparser   skip the Python feedparser pass`,
    },
  );
  const dist = positionals[0] ?? 'dist';
  if (!existsSync(dist))
    refuseCommandLine('check-feeds', `${dist}: no such folder; build the site first (npm run build)`);
  const result = checkFeeds(dist, {
    ...(values.site ? { site: values.site } : {}),
    skipFeedparser: values['skip-feedparser'],
  });
  const count = (format: FeedFormat) => result.feeds.filter((feed) => feed.format === format).length;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `${result.feeds.length} feeds (${count('rss')} RSS, ${count('atom')} Atom, ${count('json')} JSON Feed), ` +
      `${result.items} items; rules ${seconds(result.timings.rules)}, xmllint ${seconds(result.timings.xmllint)}, ` +
      `feedparser ${seconds(result.timings.feedparser)}`,
  );
  for (const problem of result.problems.slice(0, 200)) console.error(problem);
  if (result.problems.length > 200) console.error(`... and ${result.problems.length - 200} more`);
  if (result.problems.length > 0) {
    console.error(`${result.problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('Every feed passes.');
}
