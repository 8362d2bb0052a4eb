import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import {
  commentSchema,
  createPostSchema,
  createVideoSchema,
  pageViewsSnapshotSchema,
  parseDuration,
} from '../../src/lib/schemas.ts';
import { defineSiteConfig, SITE } from '../../src/site.config.ts';

// Astro supplies image() and reference() at build time; plain strings stand in for them here.
const postSchema = createPostSchema({ image: z.string(), author: z.string(), timeZone: 'Europe/London' });

const article = {
  title: 'How Massage Therapy May Enhance Your Immune System',
  description: 'How massage may support the body’s defences.',
  pubDate: new Date('2025-05-22T00:00:00Z'),
  author: 'editorial',
  kind: 'article',
};

const review = {
  ...article,
  kind: 'review',
  review: {
    subject: 'Valentina',
    area: 'Canada Water',
    city: 'London',
    services: ['Mobile massage'],
    rating: 5,
    visitDate: '2024-03-09',
  },
};

const messagesOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('post schema', () => {
  test('accepts a minimal article and fills the defaults', () => {
    const post = postSchema.parse(article);
    expect(post).toMatchObject({ draft: false, tags: [], sources: [], health: true, kind: 'article' });
    expect(post.pubDate.toISOString()).toBe('2025-05-21T23:00:00.000Z');
  });

  test('accepts a review, with no health disclaimer by default', () => {
    const post = postSchema.parse(review);
    expect(post.kind).toBe('review');
    expect(post.health).toBe(false);
  });

  test('a review without a rating is an error that says what to write', () => {
    const { rating: _rating, ...withoutRating } = review.review;
    const result = postSchema.safeParse({ ...review, review: withoutRating });
    expect(messagesOf(result)).toEqual(['review.rating: a review needs a rating: a whole number from 1 to 5']);
  });

  test.each([0, 6, 4.5])('a rating of %s is out of range', (rating) => {
    const result = postSchema.safeParse({ ...review, review: { ...review.review, rating } });
    expect(messagesOf(result)[0]).toMatch(/^review\.rating: the rating must be/);
  });

  test('an article does not need review fields', () => {
    expect(postSchema.safeParse(article).success).toBe(true);
  });

  test('an unknown kind is an error naming the choices', () => {
    expect(messagesOf(postSchema.safeParse({ ...article, kind: 'essay' }))).toEqual([
      'kind: kind must be "article" or "review"',
    ]);
  });

  test('an impossible date is an error that shows the right format', () => {
    const messages = messagesOf(postSchema.safeParse({ ...article, pubDate: '31/02/2026' }));
    expect(messages).toEqual(['pubDate: "31/02/2026" is not a date; write it as 2026-02-28']);
    expect(messagesOf(postSchema.safeParse({ ...article, pubDate: 'next week' }))).toEqual([
      'pubDate: "next week" is not a date; write it as YYYY-MM-DD (e.g. 2025-05-22), optionally with a time (2025-05-22T09:30)',
    ]);
    // "pubDate:" with nothing after it is YAML's null: said as empty, not as "null is not a date".
    expect(messagesOf(postSchema.safeParse({ ...article, pubDate: null }))).toEqual([
      'pubDate: is empty; write the date as YYYY-MM-DD, e.g. 2025-05-22',
    ]);
    expect(messagesOf(postSchema.safeParse({ ...article, pubDate: '01/02/2026' }))).toEqual([
      'pubDate: "01/02/2026" is not a date; write it as 2026-02-01 (day first, as in Britain) or 2026-01-02 (month first, as in the US)',
    ]);
  });

  test('a hero image without alt text is an error', () => {
    const messages = messagesOf(postSchema.safeParse({ ...article, hero: { image: './hero.jpg' } }));
    expect(messages).toEqual([
      'hero.alt: a hero image needs alt text: describe what it shows for readers who cannot see it',
    ]);
    expect(postSchema.safeParse({ ...article, hero: { image: './hero.jpg', alt: '  ' } }).success).toBe(false);
  });

  test('tags are merged by slug', () => {
    const post = postSchema.parse({ ...article, tags: ['Stress', 'stress', 'Sleep'] });
    expect(post.tags).toEqual([
      { slug: 'stress', label: 'Stress' },
      { slug: 'sleep', label: 'Sleep' },
    ]);
  });

  test('an update before publication is an error', () => {
    const messages = messagesOf(postSchema.safeParse({ ...article, updatedDate: '2025-01-01' }));
    expect(messages).toEqual([
      'updatedDate: updatedDate is before pubDate; an update cannot come before the post was published',
    ]);
  });

  test('a source must have a full web address', () => {
    const messages = messagesOf(
      postSchema.safeParse({ ...article, sources: [{ title: 'X', url: 'javascript:alert(1)' }] }),
    );
    expect(messages).toEqual([
      `sources.0.url: "javascript:alert(1)" is a javascript: address, which would run code in a reader's browser; link to a web page (https://...) instead`,
    ]);
    expect(messagesOf(postSchema.safeParse({ ...article, sources: [{ title: 'X', url: 'http://' }] }))).toEqual([
      'sources.0.url: "http://" is not a valid web address: nothing names a site after "http://"; write the whole address, e.g. https://example.com/page, or delete the field',
    ]);
    expect(messagesOf(postSchema.safeParse({ ...article, sources: [{ title: 'X', url: '/about/' }] }))).toEqual([
      'sources.0.url: "/about/" is not a full web address; write the whole address, starting with https://',
    ]);
  });

  test('a source URL is normalised so it is safe in an href', () => {
    const post = postSchema.parse({ ...article, sources: [{ title: 'X', url: 'https://example.org/?q="><b>' }] });
    expect(post.sources[0]!.url).toBe('https://example.org/?q=%22%3E%3Cb%3E');
  });

  test('a slug must be lowercase words joined by hyphens', () => {
    expect(postSchema.safeParse({ ...article, slug: 'My Post' }).success).toBe(false);
    expect(postSchema.parse({ ...article, slug: 'my-post' }).slug).toBe('my-post');
  });

  test('several problems are reported together', () => {
    const messages = messagesOf(postSchema.safeParse({ ...article, title: '', description: '', pubDate: 'soon' }));
    expect(messages.map((m) => m.split(':')[0])).toEqual(['title', 'description', 'pubDate']);
  });
});

describe('redirectFrom', () => {
  test('accepts old paths and refuses one that climbs out of the site with ".."', () => {
    expect(postSchema.safeParse({ ...article, redirectFrom: ['/2023/05/old.html', '/posts/a/'] }).success).toBe(true);
    expect(messagesOf(postSchema.safeParse({ ...article, redirectFrom: ['/../../etc/passwd'] }))).toEqual([
      'redirectFrom.0: an old address cannot contain "..", e.g. /2023/05/my-post.html',
    ]);
  });
});

describe('comment schema', () => {
  const schema = commentSchema('Europe/London');

  test('accepts a comment with a website and a reply', () => {
    const comment = schema.parse({
      author: 'Ann',
      date: '2025-05-24T12:00',
      website: 'https://ann.example',
      replyTo: '01-x',
    });
    expect(comment.date.toISOString()).toBe('2025-05-24T11:00:00.000Z');
  });

  test.each(['javascript:alert(1)', 'http://', 'https://exa mple.com', 'www.example.com', '/about/', 42])(
    'a website %j that is not a usable web address is left out, never an error',
    (website) => {
      const comment = schema.parse({ author: 'Ann', date: '2025-05-24', website });
      expect(comment.website).toBeUndefined();
    },
  );

  test('an author name loses its bidi controls, so an override cannot turn the page and feed text after it around', () => {
    expect(schema.parse({ author: 'Ann\u202E', date: '2025-05-24' }).author).toBe('Ann');
    expect(schema.parse({ author: '\u2067\u202Bנועה\u202C\u2069 ', date: '2025-05-24' }).author).toBe('נועה');
    // Nothing but controls is no name.
    expect(schema.safeParse({ author: '\u202E\u200F', date: '2025-05-24' }).success).toBe(false);
  });

  test('a usable website is kept, normalised', () => {
    expect(schema.parse({ author: 'Ann', date: '2025-05-24', website: 'https://bücher.example/ann' }).website).toBe(
      'https://xn--bcher-kva.example/ann',
    );
  });
});

describe('the hero image', () => {
  const hero = { image: './hero.jpg', alt: 'A calm room.' };

  test('goes through the image schema given, as Astro’s asynchronous image() does', async () => {
    const asyncImage = z.string().transform(async (path) => ({ src: path, width: 10, height: 5 }));
    const schema = createPostSchema({ image: asyncImage, author: z.string(), timeZone: 'Europe/London' });
    const parsed = await schema.parseAsync({ ...article, hero });
    expect(parsed.hero).toEqual({ image: { src: './hero.jpg', width: 10, height: 5 }, alt: 'A calm room.' });
  });

  test('reports the image schema’s problem at hero.image, and a missing alt text', () => {
    const noFiles = z.string().refine(() => false, 'the image file does not exist');
    const schema = createPostSchema({ image: noFiles, author: z.string(), timeZone: 'Europe/London' });
    expect(messagesOf(schema.safeParse({ ...article, hero }))).toEqual(['hero.image: the image file does not exist']);
    expect(messagesOf(postSchema.safeParse({ ...article, hero: { image: './hero.jpg' } }))).toEqual([
      'hero.alt: a hero image needs alt text: describe what it shows for readers who cannot see it',
    ]);
  });
});

describe('video schema', () => {
  const schema = createVideoSchema(z.string(), 'Europe/London');
  const base = {
    title: 'Guide',
    description: 'A guide.',
    duration: '1:05',
    poster: './p.jpg',
    uploadDate: '2026-11-26',
  };

  test('accepts a local file and a YouTube id, and reads the duration in seconds', () => {
    expect(schema.parse({ ...base, source: { provider: 'file', src: '/media/a.webm' } }).duration).toBe(65);
    expect(schema.safeParse({ ...base, source: { provider: 'youtube', id: 'M7lc1UVf-VE' } }).success).toBe(true);
  });

  test('rejects a YouTube URL where an id belongs, and an unknown provider', () => {
    expect(schema.safeParse({ ...base, source: { provider: 'youtube', id: 'https://youtu.be/x' } }).success).toBe(
      false,
    );
    expect(messagesOf(schema.safeParse({ ...base, source: { provider: 'tiktok', id: '1' } }))).toEqual([
      'source.provider: source.provider must be youtube, vimeo or file',
    ]);
  });

  test.each([
    [
      '//evil.example/clip.mp4',
      `"//evil.example/clip.mp4" is another site's file; put the video in public/ and write its path, e.g. /media/clip.webm`,
    ],
    ['/media/clip\u0000.webm', 'contains an invisible character (U+0000)'],
    ['/media/(clip.webm', 'unmatched "("'],
  ])('a video file source %j is refused: %s', (src, message) => {
    const [problem] = messagesOf(schema.safeParse({ ...base, source: { provider: 'file', src } }));
    expect(problem).toContain(message);
  });

  test('requires the upload date, read in the site time zone', () => {
    const source = { provider: 'file', src: '/media/a.webm' };
    expect(schema.parse({ ...base, source }).uploadDate.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    const { uploadDate: _omitted, ...withoutDate } = base;
    expect(messagesOf(schema.safeParse({ ...withoutDate, source }))).toEqual([
      'uploadDate: a video needs uploadDate: the day it was first published, e.g. 2026-11-26',
    ]);
  });

  test('parseDuration reads m:ss and h:mm:ss', () => {
    expect(parseDuration('0:32')).toBe(32);
    expect(parseDuration('1:02:03')).toBe(3723);
    expect(parseDuration('90 seconds')).toBeNull();
  });
});

describe('page-view snapshot schema', () => {
  test('accepts whole, non-negative numbers only', () => {
    expect(pageViewsSnapshotSchema.safeParse({ views: { '/a/': 3 } }).success).toBe(true);
    expect(pageViewsSnapshotSchema.safeParse({ views: { '/a/': -1 } }).success).toBe(false);
    expect(pageViewsSnapshotSchema.safeParse({ views: { '/a/': '3' } }).success).toBe(false);
  });
});

describe('site config', () => {
  test('the shipped settings are valid', () => {
    expect(SITE.timeZone).toBe('Europe/London');
  });

  test('a bad setting fails with one sentence per problem naming the field', () => {
    expect(() => defineSiteConfig({ ...SITE, timeZone: 'Mars/Olympus', postsPerPage: 0, url: 'not a url' })).toThrow(
      /src\/site\.config\.ts: url: .*\n.*src\/site\.config\.ts: timeZone: use an IANA time zone name such as Europe\/London\n.*src\/site\.config\.ts: postsPerPage: /,
    );
  });

  test('the feed id date must be a real YYYY-MM-DD date, and the feed id host a host name', () => {
    expect(() => defineSiteConfig({ ...SITE, feedIdDate: '2025-02-30' })).toThrow(
      /src\/site\.config\.ts: feedIdDate: this is not a real calendar date/,
    );
    expect(() => defineSiteConfig({ ...SITE, feedIdDate: '1/6/2025' })).toThrow(/feedIdDate: write it as YYYY-MM-DD/);
    expect(() => defineSiteConfig({ ...SITE, feedIdHost: 'https://old.example/' })).toThrow(
      /feedIdHost: use a host name/,
    );
    expect(defineSiteConfig({ ...SITE, feedIdHost: 'old-blog.example' }).feedIdHost).toBe('old-blog.example');
  });
});
