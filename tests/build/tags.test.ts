import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { TEST_DIST } from '../paths.ts';
import { loadPage, PUBLISHED, readDist, textOf } from './dist.ts';

// The overlay's two tag fixtures: one tagged [relaxation, C++, C#, 💆, ?, London, 入门], the other
// [london, C, "  relaxation "]; the real reviews are tagged "London" too.
const SITE = 'https://massage-wellness.example';
const DESK = `/posts/${PUBLISHED.deskMassage}/`;
const SHOULDERS = `/posts/${PUBLISHED.shoulderRolls}/`;
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });

/** The tag links of a post's header, as [label, decoded href]. */
function tagLinksOf(path: string): [string, string][] {
  return loadPage(path)
    .all('.post-header .tag-list a')
    .map((a) => [textOf(a), decodeURIComponent(String(a.properties.href))]);
}

describe('tag addresses', () => {
  test('a post shows every tag it was given, each linking to a page of its own', () => {
    expect(tagLinksOf(DESK)).toEqual([
      ['relaxation', '/tags/relaxation/'],
      ['C++', '/tags/c-plus-plus/'],
      ['C#', '/tags/c-sharp/'],
      ['💆', '/tags/person-getting-massage/'],
      ['?', '/tags/question-mark/'],
      ['London', '/tags/london/'],
      ['入门', '/tags/入门/'],
    ]);
    expect(tagLinksOf(SHOULDERS)).toEqual([
      ['London', '/tags/london/'],
      ['C', '/tags/c/'],
      ['relaxation', '/tags/relaxation/'],
    ]);
  });

  test('C, C# and C++ have three tag pages, each with only its own post', () => {
    const expected: [string, string, string][] = [
      ['/tags/c/', 'C', SHOULDERS],
      ['/tags/c-sharp/', 'C#', DESK],
      ['/tags/c-plus-plus/', 'C++', DESK],
      ['/tags/person-getting-massage/', '💆', DESK],
      ['/tags/question-mark/', '?', DESK],
      ['/tags/入门/', '入门', DESK],
    ];
    for (const [path, label, post] of expected) {
      const page = loadPage(path);
      expect(page.text('h1'), path).toBe(`Posts tagged “${label}”`);
      expect(page.all('main article h2 a, main .post-card a[href^="/posts/"]').map((a) => a.properties.href)).toContain(
        post,
      );
      expect(page.html).not.toContain(post === DESK ? SHOULDERS : DESK);
    }
  });

  test('a tag in another script is written to dist/ under its own UTF-8 name and listed percent-encoded in the sitemap', () => {
    expect(existsSync(join(TEST_DIST, 'tags', '入门', 'index.html'))).toBe(true);
    expect(existsSync(join(TEST_DIST, 'tags', '入门', 'rss.xml'))).toBe(true);
    expect(readDist('sitemap-0.xml')).toContain(`<loc>${SITE}/tags/%E5%85%A5%E9%97%A8/</loc>`);
  });

  test('the tag index lists each tag once, with its label and its count', () => {
    const index = loadPage('/tags/');
    const links = index.all('main .tags a').map((a) => [textOf(a), decodeURIComponent(String(a.properties.href))]);
    expect(links).toEqual(
      expect.arrayContaining([
        ['C', '/tags/c/'],
        ['C#', '/tags/c-sharp/'],
        ['C++', '/tags/c-plus-plus/'],
        ['💆', '/tags/person-getting-massage/'],
        ['?', '/tags/question-mark/'],
        ['London', '/tags/london/'],
      ]),
    );
    expect(new Set(links.map(([, href]) => href)).size).toBe(links.length);
    expect(links.map(([label]) => label)).not.toContain('london');
    const london = index.all('main li').find((li) => textOf(li).startsWith('London'));
    expect(textOf(london)).toMatch(/4 posts$/);
  });
});

describe('tag labels', () => {
  test('a tag written "London" and "london" is one tag, shown with its capital everywhere', () => {
    for (const path of [DESK, SHOULDERS, `/posts/${PUBLISHED.canadaWater}/`]) {
      expect(tagLinksOf(path), path).toContainEqual(['London', '/tags/london/']);
    }
    expect(loadPage('/tags/london/').text('h1')).toBe('Posts tagged “London”');
    expect(
      loadPage('/tags/london/')
        .all('main a[href^="/posts/"]')
        .map((a) => a.properties.href),
    ).toEqual(expect.arrayContaining([DESK, SHOULDERS]));
  });

  test('feeds carry the label as each item’s category, in RSS, Atom and JSON Feed', () => {
    const rss = parser.parse(readDist('rss.xml')).rss.channel.item as Record<string, unknown>[];
    const shoulders = rss.find((item) => item.link === `${SITE}${SHOULDERS}`)!;
    expect(shoulders.category).toEqual(['London', 'C', 'relaxation']);
    const atom = readDist('atom.xml');
    expect(atom).toContain('<category term="C#"/>');
    expect(atom).toContain('<category term="London"/>');
    expect(atom).not.toContain('<category term="london"/>');
    const json = JSON.parse(readDist('feed.json')) as { items: { url: string; tags?: string[] }[] };
    expect(json.items.find((item) => item.url === `${SITE}${DESK}`)?.tags).toEqual([
      'relaxation',
      'C++',
      'C#',
      '💆',
      '?',
      'London',
      '入门',
    ]);
  });

  test('each tag has a feed of its own posts, titled with its label', () => {
    const channel = (file: string) => parser.parse(readDist(file)).rss.channel;
    expect(channel('tags/c-sharp/rss.xml').title).toBe('Massage & Wellness: posts tagged “C#”');
    expect(channel('tags/c-sharp/rss.xml').item.map((item: { link: string }) => item.link)).toEqual([`${SITE}${DESK}`]);
    expect(channel('tags/c/rss.xml').item.map((item: { link: string }) => item.link)).toEqual([`${SITE}${SHOULDERS}`]);
    expect(channel('tags/question-mark/rss.xml').title).toBe('Massage & Wellness: posts tagged “?”');
    expect(channel('tags/london/rss.xml').title).toBe('Massage & Wellness: posts tagged “London”');
    expect(channel('tags/london/rss.xml').item).toHaveLength(4);
  });

  test('the JSON-LD keywords and the search page’s topic filter use the same labels', () => {
    expect(loadPage(SHOULDERS).html).toContain('"keywords":"London, C, relaxation"');
    expect(loadPage(DESK).html).toContain('"keywords":"relaxation, C++, C#, 💆, ?, London, 入门"');
    const search = loadPage('/search/');
    const labels = search.all('.browse .tag-list a').map(textOf);
    expect(labels).toEqual(expect.arrayContaining(['C', 'C#', 'C++', '💆', '?', 'London', '入门']));
    expect(labels).not.toContain('london');
    const filters = loadPage(DESK).all('a[data-pagefind-filter="tag"]').map(textOf);
    expect(filters).toEqual(['relaxation', 'C++', 'C#', '💆', '?', 'London', '入门']);
  });

  test('every spelling of a tag keeps its old Blogger label address, leading to the one tag page', () => {
    const redirects = readDist('_redirects');
    expect(redirects).toMatch(/^\/search\/label\/London \/tags\/london\/ 301$/m);
    expect(redirects).toMatch(/^\/search\/label\/london \/tags\/london\/ 301$/m);
    expect(redirects).toMatch(/ \/tags\/c-sharp\/ 301$/m);
    expect(redirects).toMatch(/ \/tags\/c-plus-plus\/ 301$/m);
    expect(redirects).toMatch(/^\/search\/label\/C \/tags\/c\/ 301$/m);
  });
});
