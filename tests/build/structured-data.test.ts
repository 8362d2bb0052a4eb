import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { getWordCount } from '../../src/lib/text.ts';
import { TEST_CONTENT, TEST_DIST } from '../paths.ts';
import { isRedirectPage, listDistFiles, loadPage, PUBLISHED, readDist } from './dist.ts';

const SITE = 'https://massage-wellness.example';

type Node = Record<string, unknown> & { '@type': string };

/** Every JSON-LD node of a built page (top level or in @graph). */
function jsonLdOf(file: string): Node[] {
  const page = loadPage(`/${file.replace(/index\.html$/, '')}`);
  return page
    .all('script[type="application/ld+json"]')
    .map((script) => {
      const text = (script.children[0] as { value: string } | undefined)?.value ?? '';
      const document = JSON.parse(text) as Record<string, unknown>;
      expect(document['@context']).toBe('https://schema.org');
      return document['@graph'] ? (document['@graph'] as Node[]) : [document as Node];
    })
    .flat();
}

function nodeOf(nodes: Node[], type: string): Node {
  const found = nodes.filter((node) => node['@type'] === type);
  expect(found, `exactly one ${type}`).toHaveLength(1);
  return found[0]!;
}

interface Frontmatter {
  title: string;
  description: string;
  pubDate: string;
  updatedDate?: string;
  hero?: { image: string; alt: string };
  author?: string;
  tags: string[];
  kind: 'article' | 'review';
  review: { subject: string; area: string; city: string; services: string[]; rating: number };
}

interface VideoFile {
  title: string;
  description: string;
  uploadDate: string;
  duration: string;
  source: { provider: string; src?: string; id?: string };
}

/** A post's frontmatter, read straight from its file with a YAML parser (dates stay as written). */
function frontmatterOf(slug: string): Frontmatter {
  const folder = join(TEST_CONTENT, 'posts', slug);
  const file = ['index.md', 'index.mdx'].map((name) => join(folder, name)).find(existsSync)!;
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))!;
  return parseYaml(match[1]!) as Frontmatter;
}

/** "2025-05-22" as written, or a date-time's date part. */
const calendarDate = (value: unknown) => String(value).slice(0, 10);

/** Every internal URL in a JSON-LD value must be served by the build. */
function internalUrls(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith(SITE) && !value.includes('{') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(internalUrls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(internalUrls);
  return [];
}

function servedBy(url: string): boolean {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  return path === '' || path.endsWith('/')
    ? existsSync(join(TEST_DIST, path, 'index.html'))
    : existsSync(join(TEST_DIST, path));
}

const pages = listDistFiles().filter((file) => file.endsWith('.html') && file !== '404.html' && !isRedirectPage(file));

describe('structured data', () => {
  test('every page has valid JSON-LD, and every internal URL in it exists', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const nodes = jsonLdOf(file);
      expect(nodes.length, file).toBeGreaterThan(0);
      for (const url of internalUrls(nodes)) expect(servedBy(url), `${file}: ${url}`).toBe(true);
    }
  });

  test('the home page describes the site and how to search it', () => {
    const site = nodeOf(jsonLdOf('index.html'), 'WebSite');
    expect(site).toMatchObject({ name: 'Massage & Wellness', url: `${SITE}/`, inLanguage: 'en-GB' });
    const target = (site.potentialAction as { target: { urlTemplate: string } }).target.urlTemplate;
    expect(target).toBe(`${SITE}/search/?q={search_term_string}`);
    expect(readDist('search/index.html')).toContain('name="q"');
  });

  test.each(Object.values(PUBLISHED))('%s: the post node matches its frontmatter', (slug) => {
    const frontmatter = frontmatterOf(slug);
    const nodes = jsonLdOf(`posts/${slug}/index.html`);
    const isReview = frontmatter.kind === 'review';
    const post = nodeOf(nodes, isReview ? 'Review' : 'BlogPosting');
    const authorFile = join(TEST_CONTENT, 'authors', `${frontmatter.author ?? 'editorial'}.yaml`);
    const author = parseYaml(readFileSync(authorFile, 'utf8')) as { name: string; type?: string };

    expect(post.headline).toBe(frontmatter.title);
    expect(post.description).toBe(frontmatter.description);
    expect(post.url).toBe(`${SITE}/posts/${slug}/`);
    expect(calendarDate(post.datePublished)).toBe(calendarDate(frontmatter.pubDate));
    expect(calendarDate(post.dateModified)).toBe(calendarDate(frontmatter.updatedDate ?? frontmatter.pubDate));
    expect(post.author).toEqual({
      '@type': author.type === 'organization' ? 'Organization' : 'Person',
      name: author.name,
    });
    expect(post.publisher).toMatchObject({ '@type': 'Organization', name: 'Massage & Wellness' });
    // The same picture the page shares: the hero's crop, or the drawn card.
    const shared = loadPage(`/posts/${slug}/`).one('meta[property="og:image"]')?.properties.content;
    expect(post.image).toEqual([shared]);
    expect(String(shared)).toMatch(
      frontmatter.hero ? /\/_astro\/.+\.jpe?g$/ : new RegExp(`/social/posts/${slug}\\.png$`),
    );
    expect(
      String(post.keywords)
        .split(', ')
        .map((k) => k.toLowerCase()),
    ).toEqual(frontmatter.tags.map((tag) => tag.trim().replace(/\s+/g, ' ').toLowerCase()));
    if (isReview) {
      const { review } = frontmatter;
      expect(post.reviewRating).toEqual({
        '@type': 'Rating',
        ratingValue: review.rating,
        bestRating: 5,
        worstRating: 1,
      });
      expect(post.itemReviewed).toMatchObject({
        '@type': 'LocalBusiness',
        name: review.subject,
        address: { addressLocality: review.city },
        areaServed: { name: `${review.area}, ${review.city}` },
      });
      const offers = (post.itemReviewed as { makesOffer: { itemOffered: { name: string } }[] }).makesOffer;
      expect(offers.map((offer) => offer.itemOffered.name)).toEqual(review.services);
    } else {
      expect(nodes.some((node) => node['@type'] === 'Review')).toBe(false);
    }

    const crumbs = nodeOf(nodes, 'BreadcrumbList').itemListElement as {
      position: number;
      name: string;
      item: string;
    }[];
    expect(crumbs.map((crumb) => crumb.position)).toEqual(crumbs.map((_, index) => index + 1));
    expect(crumbs[0]).toMatchObject({ name: 'Massage & Wellness', item: `${SITE}/` });
    expect(crumbs.at(-1)).toMatchObject({ name: frontmatter.title, item: `${SITE}/posts/${slug}/` });
  });

  // Imported posts are included: the text of their raw HTML (figure captions, tables Markdown cannot
  // hold) is counted in the Markdown as on the page.
  test.each(Object.values(PUBLISHED))(
    '%s: the word count, taken from the rendered HTML for .md, equals the Markdown text’s',
    (slug) => {
      const folder = join(TEST_CONTENT, 'posts', slug);
      const file = ['index.md', 'index.mdx'].map((name) => join(folder, name)).find(existsSync)!;
      const body = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      const post = jsonLdOf(`posts/${slug}/index.html`)[0]!;
      expect(post.wordCount).toBeGreaterThan(200);
      expect(post.wordCount).toBe(getWordCount(body));
    },
  );

  test('the review shows its rating as text, not only as stars', () => {
    const page = loadPage(`/posts/${PUBLISHED.canadaWater}/`);
    expect(page.text('.review-summary')).toContain('5 out of 5');
    expect(page.one('.review-summary .stars')?.properties.ariaHidden).toBe('true');
  });

  test('the videos page describes each video as in its file', () => {
    const folder = join(TEST_CONTENT, 'videos');
    const files = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
    const videos = jsonLdOf('videos/index.html').filter((node) => node['@type'] === 'VideoObject');
    expect(videos).toHaveLength(files.length);
    for (const name of files) {
      const data = parseYaml(readFileSync(join(folder, name), 'utf8')) as VideoFile;
      const node = videos.find((video) => video.name === data.title)!;
      expect(node, name).toBeDefined();
      expect(node.description).toBe(data.description.trim());
      expect(calendarDate(node.uploadDate)).toBe(calendarDate(data.uploadDate));
      const [minutes, seconds] = String(data.duration).split(':').map(Number) as [number, number];
      expect(node.duration).toBe(`PT${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`);
      if (data.source.provider === 'file') expect(node.contentUrl).toBe(`${SITE}${data.source.src}`);
      else expect(String(node.embedUrl)).toContain(data.source.id!);
    }
  });

  test('tag pages lead back through the tags index', () => {
    const crumbs = nodeOf(jsonLdOf('tags/reflexology/index.html'), 'BreadcrumbList').itemListElement as {
      item: string;
    }[];
    expect(crumbs.map((crumb) => crumb.item)).toEqual([`${SITE}/`, `${SITE}/tags/`, `${SITE}/tags/reflexology/`]);
  });
});
