import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { loadPage, OTHER_LANGUAGES, PUBLISHED, PUBLISHED_NEWEST_FIRST, readDist, textOf, type Page } from './dist.ts';

// The fixture posts in tests/fixtures/overlay/posts: Chinese written `lang: zh-hans` (so its
// canonical case shows), Japanese with no lang at all (its kana say it: case C5) and Arabic; every
// other post is in the site's language, en-GB.
const POSTS = [
  { slug: OTHER_LANGUAGES.chinese, lang: 'zh-Hans', dir: 'ltr' },
  { slug: OTHER_LANGUAGES.japanese, lang: 'ja', dir: 'ltr' },
  { slug: OTHER_LANGUAGES.arabic, lang: 'ar', dir: 'rtl' },
] as const;
const SITE = 'https://massage-wellness.example';
const postPath = (slug: string) => `/posts/${slug}/`;

function jsonLdPost(page: Page): { inLanguage: string; wordCount: number } {
  const graph = JSON.parse(textOf(page.one('script[type="application/ld+json"]')))['@graph'] as {
    '@type': string;
    inLanguage: string;
    wordCount: number;
  }[];
  return graph.find((node) => node['@type'] === 'BlogPosting' || node['@type'] === 'Review')!;
}

const minutesShown = (page: Page) => Number(/(\d+) min read/.exec(textOf(page.one('.byline')))?.[1]);

describe('a post in another language', () => {
  test.each(POSTS)(
    '$slug is a $lang document, its header and footer kept in the site’s English',
    ({ slug, lang, dir }) => {
      const page = loadPage(postPath(slug));
      expect(page.one('html')?.properties).toMatchObject({ lang, dir });
      // The site's own words (navigation, byline, footer) stay English, and left to right.
      expect(page.one('body')?.properties.lang).toBe('en-GB');
      expect(page.one('body')?.properties.dir).toBe(dir === 'rtl' ? 'ltr' : undefined);
      expect(textOf(page.one('.byline'))).toMatch(/min read/);
      // The post's own words carry its language (and direction), on the heading and the body.
      for (const selector of ['h1', '.prose']) {
        expect(page.one(selector)?.properties.lang, selector).toBe(lang);
        expect(page.one(selector)?.properties.dir, selector).toBe(dir === 'rtl' ? 'rtl' : undefined);
      }
      expect(page.one('meta[property="og:locale"]')?.properties.content).toBe(lang === 'zh-Hans' ? 'zh' : lang);
    },
  );

  test.each(POSTS)(
    '$slug tells search engines its language and word count, the figure its reading time comes from',
    ({ slug, lang }) => {
      const page = loadPage(postPath(slug));
      const posting = jsonLdPost(page);
      expect(posting.inLanguage).toBe(lang);
      expect(posting.wordCount).toBeGreaterThan(60);
      expect(minutesShown(page)).toBe(1);
    },
  );

  test('the Chinese and Japanese word counts are their characters, as those languages count length', () => {
    const chinese = jsonLdPost(loadPage(postPath(OTHER_LANGUAGES.chinese)));
    const japanese = jsonLdPost(loadPage(postPath(OTHER_LANGUAGES.japanese)));
    // About 270 Han characters plus "Dr." and an address (a word each); about 200 kana and kanji.
    // The old counter made each run of Han characters between two punctuation marks one "word": 30
    // or so here.
    expect(chinese.wordCount).toBeGreaterThan(265);
    expect(chinese.wordCount).toBeLessThan(295);
    expect(japanese.wordCount).toBeGreaterThan(190);
    expect(japanese.wordCount).toBeLessThan(215);
  });

  test('an English post is unchanged: an en-GB document with no lang or dir anywhere else', () => {
    const page = loadPage(postPath(PUBLISHED.immune));
    expect(page.one('html')?.properties).toMatchObject({ lang: 'en-GB', dir: 'ltr' });
    expect(page.all('body[lang], body [lang], body [dir]')).toEqual([]);
    expect(jsonLdPost(page).inLanguage).toBe('en-GB');
    // The word count and reading time agree: 220 words a minute.
    expect(minutesShown(page)).toBe(Math.max(1, Math.round(jsonLdPost(page).wordCount / 220)));
  });
});

describe('lists mark titles and summaries in another language (WCAG 3.1.2)', () => {
  test.each(['/', '/archive/'])('%s', (path) => {
    const page = loadPage(path);
    expect(page.one('html')?.properties.lang).toBe('en-GB');
    for (const { slug, lang, dir } of POSTS) {
      const link = page.one(`main a[href="${postPath(slug)}"]:not(.comments-link)`);
      expect(link?.properties.lang, `${path} ${slug}`).toBe(lang);
      expect(link?.properties.dir).toBe(dir === 'rtl' ? 'rtl' : undefined);
    }
    expect(page.one(`main a[href="${postPath(PUBLISHED.immune)}"]`)?.properties.lang).toBeUndefined();
  });

  test('the home page’s summaries carry the post’s language', () => {
    const excerpts = loadPage('/').all('article.post-card .excerpt');
    const chinese = excerpts.find((excerpt) => textOf(excerpt).startsWith('久坐一天以后'));
    expect(chinese?.properties.lang).toBe('zh-Hans');
    const arabic = excerpts.find((excerpt) => textOf(excerpt).startsWith('خطوات قصيرة'));
    expect(arabic?.properties).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });
});

describe('the feeds', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

  test('each Atom entry in another language has its own xml:lang; the feed stays en-GB', () => {
    const feed = xml.parse(readDist('atom.xml')).feed;
    expect(feed['@xml:lang']).toBe('en-GB');
    const langOf = (slug: string) =>
      (feed.entry as { link: { '@href': string }; '@xml:lang'?: string }[]).find(
        (entry) => entry.link['@href'] === `${SITE}${postPath(slug)}`,
      )?.['@xml:lang'];
    for (const { slug, lang } of POSTS) expect(langOf(slug)).toBe(lang);
    expect(langOf(PUBLISHED.immune)).toBeUndefined();
  });

  test('each JSON Feed item has its language, and the reading time and word count the page shows', () => {
    const feed = JSON.parse(readDist('feed.json')) as {
      language: string;
      items: { url: string; language: string; _reading: { minutes: number; word_count: number } }[];
    };
    expect(feed.language).toBe('en-GB');
    for (const { slug, lang } of [...POSTS, { slug: PUBLISHED.immune, lang: 'en-GB' }]) {
      const item = feed.items.find((entry) => entry.url === `${SITE}${postPath(slug)}`)!;
      const page = loadPage(postPath(slug));
      expect(item.language).toBe(lang);
      expect(item._reading).toEqual({ minutes: minutesShown(page), word_count: jsonLdPost(page).wordCount });
    }
  });

  test('the RSS channel keeps the site’s language', () => {
    expect(xml.parse(readDist('rss.xml')).rss.channel.language).toBe('en-GB');
  });
});

describe('the search index', () => {
  test('Chinese and Japanese posts get their own word-segmented index; the rest are searched as the site', () => {
    const entry = JSON.parse(readDist('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages).sort()).toEqual(['en-gb', 'ja', 'zh-hans']);
    // Two Chinese posts (this fixture and the social-card one), one Japanese.
    expect(entry.languages['zh-hans']?.page_count).toBe(2);
    expect(entry.languages.ja?.page_count).toBe(1);
    // Every other post: the English ones and the Arabic ones, whose words a reader types as written.
    expect(entry.languages['en-gb']?.page_count).toBe(PUBLISHED_NEWEST_FIRST.length - 3);
  });

  test('each post tells the search results its language', () => {
    for (const { slug, lang } of POSTS) {
      expect(loadPage(postPath(slug)).one('[data-pagefind-filter^="lang:"]')?.properties.dataPagefindFilter).toBe(
        `lang:${lang}`,
      );
    }
  });
});
