import parseSrcset from '@prettier/parse-srcset';
import { XMLParser } from 'fast-xml-parser';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { findSrcsetsNotOnPage } from '../../src/lib/feed-rules.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_DIST } from '../paths.ts';
import { loadPage, OTHER_LANGUAGES, PUBLISHED, readDist, textOf } from './dist.ts';

const SITE = 'https://massage-wellness.example';
const SLUG = PUBLISHED.srcsetCommas;
const POST_URL = `${SITE}/posts/${SLUG}/`;
const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'entry'].includes(name),
});

const srcsetsOf = (tree: ReturnType<typeof fromHtml>, selector = '[srcset]') =>
  selectAll(selector, tree).map((node: Element) => String(node.properties.srcSet ?? node.properties.srcset));

/** The page's srcsets with each candidate resolved against the post's address, by the spec's algorithm. */
function expectedFeedSrcsets(): string[] {
  const page = loadPage(`/posts/${SLUG}/`);
  return srcsetsOf(page.tree, '.prose [srcset]').map((srcset) => {
    let out = '';
    let from = 0;
    for (const { source } of parseSrcset(srcset)) {
      out += srcset.slice(from, source.startOffset) + new URL(source.value, POST_URL).href;
      from = source.startOffset + source.value.length;
    }
    return out + srcset.slice(from);
  });
}

/** The HTML body of the fixture post in each feed that carries it. */
const FEEDS: [string, () => string][] = [
  [
    'rss.xml',
    () =>
      parser.parse(readDist('rss.xml')).rss.channel.item.find((item: { link: string }) => item.link === POST_URL)[
        'content:encoded'
      ],
  ],
  [
    'tags/studio/rss.xml',
    () =>
      parser
        .parse(readDist('tags/studio/rss.xml'))
        .rss.channel.item.find((item: { link: string }) => item.link === POST_URL)['content:encoded'],
  ],
  [
    'atom.xml',
    () =>
      parser
        .parse(readDist('atom.xml'))
        .feed.entry.find((entry: { link: { '@_href': string } }) => entry.link['@_href'] === POST_URL).content['#text'],
  ],
  [
    'feed.json',
    () => JSON.parse(readDist('feed.json')).items.find((item: { url: string }) => item.url === POST_URL).content_html,
  ],
];

describe('C4: a srcset whose URLs hold commas', () => {
  test('the page keeps each srcset as written: data: URIs with commas, site paths with commas, odd whitespace', () => {
    const srcsets = srcsetsOf(loadPage(`/posts/${SLUG}/`).tree, '.prose [srcset]');
    expect(srcsets).toHaveLength(3);
    expect(srcsets[0]).toBe('/favicon.svg?fit=contain,width=320 1x,\n      /favicon.svg?fit=contain,width=640   2x');
    expect(srcsets[1]).toMatch(/^data:image\/gif;base64,R0lGOD[^ ]+ 1x, data:image\/gif;base64,R0lGOD[^ ]+ 2x$/);
    expect(srcsets[2]).toBe('/favicon.svg?w=1,5 1.5x,/favicon.svg?a&b=2 2x');
  });

  test.each(FEEDS)('%s carries every srcset exactly as the page, each candidate made absolute', (_file, body) => {
    const html = body();
    expect(srcsetsOf(fromHtml(html))).toEqual(expectedFeedSrcsets());
    expect(findSrcsetsNotOnPage(html, readDist(`posts/${SLUG}/index.html`), POST_URL)).toEqual([]);
  });

  test.each(FEEDS)(
    '%s makes the relative link absolute and leaves IDN, other scripts and mailto: as on the page',
    (_file, body) => {
      const onPage = loadPage(`/posts/${SLUG}/`)
        .all('.prose a')
        .map((a) => String(a.properties.href));
      expect(onPage).toContain('../comprehensive-overview-of-reflexology-massage/');
      expect(onPage).toContain('mailto:studio@massage-wellness.example');
      const hrefs = selectAll('a', fromHtml(body())).map((a) => String(a.properties.href));
      expect(hrefs).toEqual(
        onPage.map((href) => (/^[a-z][a-z0-9+.-]*:/i.test(href) ? href : new URL(href, POST_URL).href)),
      );
      expect(hrefs).toContain(`${SITE}/posts/comprehensive-overview-of-reflexology-massage/`);
    },
  );
});

describe('C2: reader comments with unusable links build, and show them as text', () => {
  const page = loadPage(`/posts/${SLUG}/`);

  test('on the page, each broken link is its text and the address as written, and no <a> points at it', () => {
    expect(textOf(page.one('#comment-01-ann-mueller'))).toContain('I wrote about it on my site (http://) too.');
    expect(textOf(page.one('#comment-01-ann-mueller'))).toContain(
      "the booking page (https://exa mple.com), though my friend's blog (htp://lena.example) was down",
    );
    expect(textOf(page.one('#comment-02-lena'))).toContain('chair massage (http://calm%20hands%20chair%20massage/)');
    const hrefs = page.all('#comments a').map((a) => String(a.properties.href));
    expect(hrefs).toContain('https://de.wikipedia.org/wiki/Massage');
    expect(hrefs.filter((href) => /^(?:https?:\/\/$|htp:|https:\/\/exa|http:\/\/calm)/.test(href))).toEqual([]);
  });

  test('an unusable commenter website is left out: the author is shown without a link', () => {
    for (const id of ['01-ann-mueller', '02-lena']) {
      expect(page.all(`#comment-${id} .author a`)).toEqual([]);
      expect(textOf(page.one(`#comment-${id} .author`))).not.toBe('');
    }
  });

  test.each(['comments.xml', `posts/${SLUG}/comments.xml`])('%s carries the same text, and no author link', (file) => {
    const items: { link: string; 'content:encoded': string }[] = parser.parse(readDist(file)).rss.channel.item;
    const ann = items.find((item) => item.link === `${POST_URL}#comment-01-ann-mueller`)!;
    expect(ann['content:encoded']).toContain('I wrote about it on my site (http://) too.');
    expect(ann['content:encoded']).not.toMatch(/href="(?:http:\/\/"|htp:|https:\/\/exa)/);
    const lena = items.find((item) => item.link === `${POST_URL}#comment-02-lena`)!;
    expect(lena['content:encoded']).toContain('chair massage (http://calm%20hands%20chair%20massage/)');
  });
});

describe('"www." in a sentence is text, not a link to http://www', () => {
  test('the post shows "the www. part" as the author typed it, and its feed item too', () => {
    const page = readDist(`posts/${PUBLISHED.deskMassage}/index.html`);
    expect(page).toContain('you can skip the www. part');
    expect(page).not.toMatch(/href="http:\/\/www"/);
    expect(readDist('rss.xml')).toContain('you can skip the www. part');
    expect(readDist('rss.xml')).not.toContain('http://www&quot;');
  });
});

describe('a raw <img> of a local file with a srcset of local files (1x, 2x)', () => {
  test('gets one srcset, the site’s own, and every file it names is published', () => {
    const page = readDist(`posts/${PUBLISHED.deskMassage}/index.html`);
    const tag = /<img[^>]*alt="A green square standing in for a desk seen from above"[^>]*>/.exec(page)?.[0] ?? '';
    expect(tag).not.toBe('');
    // Before, the author's srcset stayed beside Astro's, and browsers read the first: ./desk-2x.png, never published.
    expect(tag.match(/\ssrcset=/gi)).toHaveLength(1);
    const candidates = parseSrcset(/\ssrcset="([^"]*)"/i.exec(tag)![1]!).map((candidate) => candidate.source.value);
    expect(candidates.length).toBeGreaterThan(0);
    for (const url of candidates) expect(existsSync(join(TEST_DIST, url)), url).toBe(true);
  });
});

describe('an address written bare in Chinese text ends at the full stop, not at the next space', () => {
  const ADDRESS = 'https://zh.wikipedia.org/wiki/按摩';
  test('the post links the address alone and keeps the rest of the sentence as text', () => {
    const page = loadPage(`/posts/${OTHER_LANGUAGES.chinese}/`);
    const links = selectAll('.prose a[href*="wikipedia"]', page.tree) as Element[];
    expect(links.map((link) => [decodeURI(String(link.properties.href)), textOf(link)])).toEqual([[ADDRESS, ADDRESS]]);
    expect(readDist(`posts/${OTHER_LANGUAGES.chinese}/index.html`)).toContain(`${ADDRESS}</a>。读完再试`);
  });

  test('its feed item says the same', () => {
    const items: { link: string; 'content:encoded': string }[] = parser.parse(readDist('rss.xml')).rss.channel.item;
    const item = items.find((entry) => entry.link === `${SITE}/posts/${OTHER_LANGUAGES.chinese}/`)!;
    expect(item['content:encoded']).toContain(`>${ADDRESS}</a>。读完再试`);
  });
});
