import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { TEST_DIST } from '../paths.ts';
import { loadPage, PUBLISHED, PUBLISHED_NEWEST_FIRST, readDist } from './dist.ts';

const SITE = 'https://massage-wellness.example';
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

const xml = readDist('rss.xml');
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category'].includes(name) });
const rss = parser.parse(xml).rss;
const channel = rss.channel;
const items: Record<string, unknown>[] = channel.item;

describe('the RSS feed', () => {
  test('is well-formed XML (xmllint), RSS 2.0', () => {
    const lint = spawnSync('xmllint', ['--noout', '--nonet', join(TEST_DIST, 'rss.xml')], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
    expect(rss['@_version']).toBe('2.0');
  });

  test('has the required channel elements and an atom:link to itself', () => {
    expect(channel.title).toBe('Massage & Wellness');
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.description).toBeTruthy();
    expect(channel.language).toBe('en-GB');
    expect(channel['atom:link']).toMatchObject({ '@_href': `${SITE}/rss.xml`, '@_rel': 'self' });
  });

  test('dates the channel by its newest post, not by the build', () => {
    expect(channel.lastBuildDate).toBe(items[0]!.pubDate);
  });

  test('holds every published post, newest first, with absolute links and stable guids', () => {
    expect(items.map((item) => item.link)).toEqual(PUBLISHED_NEWEST_FIRST.map((slug) => `${SITE}/posts/${slug}/`));
    for (const item of items) {
      expect(item.guid).toEqual({ '#text': item.link, '@_isPermaLink': 'true' });
    }
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
      expect(content.length).toBeGreaterThan(1500);
    }
    // The last paragraph of the page's article body is in the feed too: nothing is cut.
    const page = loadPage(`/posts/${PUBLISHED.reflexology}/`);
    const paragraphs = page.all('.prose p');
    const last = paragraphs.at(-1)!;
    const lastText = (last.children.find((c) => c.type === 'text') as { value: string }).value.slice(0, 60);
    expect(String(items[1]!['content:encoded'])).toContain(lastText);
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
    expect(result.entries).toHaveLength(Object.keys(PUBLISHED).length);
    for (const entry of result.entries) expect(entry.content).toBeGreaterThan(1500);
  });
});
