import { describe, expect, test } from 'vitest';
import {
  breadcrumbNode,
  postNode,
  serializeJsonLd,
  toIsoDuration,
  videoNode,
  type PostData,
} from '../../src/lib/structured-data.ts';

const article: PostData = {
  url: 'https://example.test/posts/a/',
  headline: 'A',
  description: 'About A.',
  datePublished: '2025-05-22T00:00:00+01:00',
  dateModified: '2025-06-01T00:00:00+01:00',
  author: { name: 'The Editors', organization: true },
  publisher: { name: 'Site', url: 'https://example.test/' },
  images: ['https://example.test/social/a.png'],
  keywords: ['Reflexology', 'Stress'],
  language: 'en-GB',
  wordCount: 812,
};

describe('serializeJsonLd', () => {
  test('cannot be broken out of its script element', () => {
    const text = serializeJsonLd([{ '@type': 'Thing', name: '</script><script>alert(1)</script> & \u2028' }]);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Thing',
      name: '</script><script>alert(1)</script> & \u2028',
    });
  });

  test('puts several nodes in one @graph', () => {
    const parsed = JSON.parse(serializeJsonLd([{ '@type': 'A' }, { '@type': 'B' }]));
    expect(parsed['@graph'].map((node: { '@type': string }) => node['@type'])).toEqual(['A', 'B']);
  });
});

describe('postNode', () => {
  test('an article is a BlogPosting with its author, publisher, image and keywords', () => {
    expect(postNode(article)).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'A',
      author: { '@type': 'Organization', name: 'The Editors' },
      publisher: { '@type': 'Organization', name: 'Site', url: 'https://example.test/' },
      image: ['https://example.test/social/a.png'],
      keywords: 'Reflexology, Stress',
      wordCount: 812,
    });
    expect(postNode(article)).not.toHaveProperty('reviewRating');
  });

  test('a review rates a local business in its area, out of 5', () => {
    const node = postNode({
      ...article,
      author: { name: 'Ann', organization: false },
      review: { subject: 'Valentina', area: 'Canada Water', city: 'London', services: ['Deep tissue'], rating: 4 },
    });
    expect(node).toMatchObject({
      '@type': 'Review',
      author: { '@type': 'Person', name: 'Ann' },
      itemReviewed: {
        '@type': 'LocalBusiness',
        name: 'Valentina',
        address: { addressLocality: 'London' },
        areaServed: { name: 'Canada Water, London' },
        makesOffer: [{ itemOffered: { '@type': 'Service', name: 'Deep tissue' } }],
      },
      reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
    });
  });

  test('leaves out image and keywords it does not have', () => {
    const node = postNode({ ...article, images: [], keywords: [] });
    expect(node).not.toHaveProperty('image');
    expect(node).not.toHaveProperty('keywords');
  });
});

describe('breadcrumbs and videos', () => {
  test('breadcrumbs count from 1', () => {
    expect(
      breadcrumbNode([
        { name: 'Home', url: 'https://example.test/' },
        { name: 'Tags', url: 'https://example.test/tags/' },
      ]),
    ).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://example.test/' },
        { '@type': 'ListItem', position: 2, name: 'Tags', item: 'https://example.test/tags/' },
      ],
    });
  });

  test('durations are ISO 8601', () => {
    expect(toIsoDuration(32)).toBe('PT32S');
    expect(toIsoDuration(3723)).toBe('PT1H2M3S');
    expect(toIsoDuration(120)).toBe('PT2M');
    expect(toIsoDuration(0)).toBe('PT0S');
  });

  test('a video names its file or its player, never both missing', () => {
    const base = {
      name: 'V',
      description: 'D',
      thumbnailUrl: 'https://example.test/p.webp',
      uploadDate: '2026-11-26T00:00:00+00:00',
      durationSeconds: 65,
      pageUrl: 'https://example.test/videos/',
    };
    expect(videoNode({ ...base, contentUrl: 'https://example.test/v.webm' })).toMatchObject({
      '@type': 'VideoObject',
      duration: 'PT1M5S',
      contentUrl: 'https://example.test/v.webm',
    });
    expect(videoNode({ ...base, embedUrl: 'https://player.vimeo.com/video/1' })).not.toHaveProperty('contentUrl');
  });
});
