import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { checkContent, formatProblem, type ContentInput, type SourceFile } from '../../src/lib/content-check.ts';
import { createPostSchema } from '../../src/lib/schemas.ts';
import { suggestField } from '../../src/lib/unknown-fields.ts';
import { contentInput } from './content-input.ts';

const file = (path: string, text: string): SourceFile => ({
  path,
  entry: path.split('/').slice(2).join('/'),
  text,
});
const md = (path: string, frontmatter: string, body = 'Some text.') =>
  file(path, `---\n${frontmatter.trim()}\n---\n\n${body}\n`);

const ARTICLE = `title: Scalp massage, a first note
description: Unfinished notes on scalp massage.
pubDate: 2024-10-01
author: editorial
kind: article`;
const REVIEW = `title: "Massage Review: Hackney, Mare Street"
description: A sports massage near Mare Street.
pubDate: 2024-03-12
author: editorial
kind: review
review:
  subject: Zoë Łukasiewicz
  area: Hackney
  city: London
  services: [Sports massage]
  rating: 4
  visitDate: 2024-03-09`;

function check(overrides: Partial<ContentInput>): string[] {
  return checkContent(contentInput({ pageIds: ['about'], ...overrides })).map(formatProblem);
}

describe('an unknown field is an error with the file, the line and the field it probably means', () => {
  test('the case C8 post: drafts: true and tag: [scalp] are both reported, each on its own line', () => {
    const notes = md('content/posts/notes-for-a-later-post.md', `${ARTICLE}\ndrafts: true\ntag: [scalp]`);
    expect(check({ posts: [notes] })).toEqual([
      'content/posts/notes-for-a-later-post.md:7: drafts: not a field of a post; did you mean "draft"?',
      'content/posts/notes-for-a-later-post.md:8: tag: not a field of a post; did you mean "tags"?',
    ]);
  });

  test('a misspelt required field reports the missing field and the unknown key, which points back at it', () => {
    const text = ARTICLE.replace('description:', 'desciption:');
    expect(check({ posts: [md('content/posts/x/index.md', text)] })).toEqual([
      'content/posts/x/index.md:1: description: missing; a post needs "description" (is "desciption" on line 3 meant to be it?)',
      'content/posts/x/index.md:3: desciption: not a field of a post; did you mean "description"?',
    ]);
  });

  test('a misspelt field in a review block, a hero and a source names its parent', () => {
    const text = `${REVIEW.replace('  rating: 4', '  ratng: 4')}
hero:
  image: ./hero.jpg
  alt: A treatment room with a window onto Mare Street.
  caption: The room
sources:
  - title: NHS, massage
    url: https://www.nhs.uk/
    pubisher: NHS`;
    expect(check({ posts: [md('content/posts/hackney/index.md', text)] })).toEqual([
      'content/posts/hackney/index.md:7: review.rating: a review needs a rating: a whole number from 1 to 5 (is "ratng" on line 12 meant to be it?)',
      'content/posts/hackney/index.md:12: review.ratng: not a field of "review"; did you mean "rating"?',
      'content/posts/hackney/index.md:17: hero.caption: not a field of "hero"; the fields are image, alt',
      'content/posts/hackney/index.md:21: sources.0.pubisher: not a field of "sources"; did you mean "publisher"?',
    ]);
  });

  test('a review field on an article says it belongs to reviews', () => {
    const text = `${ARTICLE}\nreview:\n  subject: Valentina`;
    expect(check({ posts: [md('content/posts/a.md', text)] })).toEqual([
      'content/posts/a.md:7: review: only a review has this field (kind: review); remove it or set kind: review',
    ]);
  });

  test('a field from another blog engine is pointed at the field this site uses', () => {
    const text = ARTICLE.replace('pubDate:', 'date:') + '\ncategories: [Scalp]';
    expect(check({ posts: [md('content/posts/a.md', text)] })).toEqual([
      'content/posts/a.md:1: pubDate: missing; write the date as YYYY-MM-DD, e.g. 2025-05-22 (is "date" on line 4 meant to be it?)',
      'content/posts/a.md:4: date: not a field of a post; did you mean "pubDate"?',
      'content/posts/a.md:7: categories: not a field of a post; did you mean "tags"?',
    ]);
  });

  test('a field far from every known one lists the fields and names extra: for fields of your own', () => {
    const [message] = check({ posts: [md('content/posts/a.md', `${ARTICLE}\nmood: calm`)] });
    expect(message).toMatch(
      /^content\/posts\/a\.md:7: mood: not a field of a post; the fields are title, description, /,
    );
    expect(message).toContain('put it under "extra:"');
  });

  test('fields of the editor’s own under extra: are accepted, in posts, pages, authors and videos', () => {
    expect(
      check({ posts: [md('content/posts/a.md', `${ARTICLE}\nextra:\n  mood: calm\n  wordsByHand: 1200`)] }),
    ).toEqual([]);
  });

  test('a draft with an unknown field is still an error: a typo is never silently ignored', () => {
    const text = `${ARTICLE}\ndraft: true\ntilte: Second title`;
    expect(check({ posts: [md('content/posts/a.md', text)] })).toEqual([
      'content/posts/a.md:8: tilte: not a field of a post; did you mean "title"?',
    ]);
  });

  test('a comment, a page, an author and a video each report their misspelt field', () => {
    const messages = check({
      posts: [md('content/posts/a.md', ARTICLE)],
      comments: [
        md(
          'content/comments/a/01-ann.md',
          'author: Ann\ndate: 2025-06-15T18:30\nwebsite: https://ann.example\nreplyto: 00',
        ),
      ],
      pages: [md('content/pages/about.md', 'title: About\ndescription: Who writes here.\nupdated: 2025-01-01')],
      authors: [file('content/authors/ann.yaml', 'name: Ann Ò Súilleabháin\nbio: Writes about feet.\ncredential: MTI')],
      videos: [
        file(
          'content/videos/breathing.yaml',
          'title: Breathing\ndescription: Slow breathing.\nuploadDate: 2026-11-26\nduration: "0:32"\nposter: ./p.jpg\nsource:\n  provider: youtube\n  id: dQw4w9WgXcQ\n  start: 30\ndurration: "0:32"',
        ),
      ],
    });
    expect(messages).toEqual([
      'content/comments/a/01-ann.md:5: replyto: not a field of a comment; did you mean "replyTo"?',
      'content/authors/ann.yaml:3: credential: not a field of an author; did you mean "credentials"?',
      'content/pages/about.md:4: updated: not a field of a page; did you mean "updatedDate"?',
      'content/videos/breathing.yaml:9: source.start: not a field of "source"; the fields are provider, id',
      'content/videos/breathing.yaml:10: durration: not a field of a video; did you mean "duration"?',
    ]);
  });

  test('the post schema itself rejects an unknown key, so Astro never publishes with a typo ignored', () => {
    const schema = createPostSchema({ image: z.string(), author: z.string(), timeZone: 'Europe/London' });
    const result = schema.safeParse({
      title: 'T',
      description: 'D',
      pubDate: '2024-10-01',
      author: 'editorial',
      kind: 'article',
      drafts: true,
    });
    expect(result.success).toBe(false);
  });
});

describe('suggestField', () => {
  const POST = ['title', 'description', 'pubDate', 'updatedDate', 'draft', 'tags', 'author', 'hero', 'kind'];

  test('finds a field written in another case, with a letter more, less or swapped', () => {
    expect(suggestField('Draft', POST)).toBe('draft');
    expect(suggestField('pubdate', POST)).toBe('pubDate');
    expect(suggestField('drafts', POST)).toBe('draft');
    expect(suggestField('tag', POST)).toBe('tags');
    expect(suggestField('titel', POST)).toBe('title');
    expect(suggestField('descripton', POST)).toBe('description');
  });

  test('finds a short field with two neighbouring letters swapped, which Levenshtein counts as two edits', () => {
    expect(suggestField('nmae', ['name', 'bio', 'avatar'])).toBe('name');
    expect(suggestField('tgas', POST)).toBe('tags');
    expect(suggestField('hreo', POST)).toBe('hero');
    expect(suggestField('knid', POST)).toBe('kind');
    // Two swaps, or letters swapped that are not neighbours, are not one slip.
    expect(suggestField('amne', ['name', 'bio'])).toBeUndefined();
    expect(suggestField('eamn', ['name', 'bio'])).toBeUndefined();
  });

  test('finds a field whose name holds the key, when only one does', () => {
    expect(suggestField('updated', POST)).toBe('updatedDate');
  });

  test('suggests nothing for a key far from every field', () => {
    expect(suggestField('mood', POST)).toBeUndefined();
    expect(suggestField('x', POST)).toBeUndefined();
    expect(suggestField('ムード', POST)).toBeUndefined();
  });
});
