import { describe, expect, test } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content-check.ts';
import { BODY_PLACEHOLDER, renderNewPost, type PostKind } from '../../src/lib/new-post.ts';
import { contentInput } from './content-input.ts';

const KINDS: PostKind[] = ['article', 'review'];
const FILE = 'content/posts/ein-abend-in-der-sauna/index.md';

const template = (kind: PostKind) =>
  renderNewPost({ title: 'Ein Abend in der Sauna: 90 °C & “Aufguss”', kind, today: '2026-11-29', author: 'editorial' });

/** The content check's messages for one post file. */
function check(text: string): string[] {
  return checkContent(contentInput({ posts: [{ path: FILE, entry: 'ein-abend-in-der-sauna/index.md', text }] })).map(
    formatProblem,
  );
}

/**
 * The commented blocks of a template's frontmatter: a "# key:" line with the commented lines
 * indented under it. Uncommenting removes the "# " an editor would delete.
 */
function commentedBlocks(text: string): number[][] {
  const lines = text.split('\n');
  const end = lines.indexOf('---', 1);
  const blocks: number[][] = [];
  for (let index = 1; index < end; index += 1) {
    if (!/^# \S/.test(lines[index]!)) continue;
    const block = [index];
    while (/^# {2,}\S/.test(lines[index + 1] ?? '')) block.push((index += 1));
    blocks.push(block);
  }
  return blocks;
}

const uncomment = (text: string, indexes: number[]) =>
  text
    .split('\n')
    .map((line, index) => (indexes.includes(index) ? line.replace(/^# /, '') : line))
    .join('\n');

const publish = (text: string) => text.replace(/^draft: true\b/m, 'draft: false');

describe.each(KINDS)('the new %s template', (kind) => {
  test('passes the content check as it is written, a draft', () => {
    expect(check(template(kind))).toEqual([]);
  });

  test('has commented examples, and each one, uncommented alone or all together, still passes', () => {
    const blocks = commentedBlocks(template(kind));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const text = uncomment(template(kind), block);
      expect(check(text), `uncommented:\n${block.map((index) => text.split('\n')[index]).join('\n')}`).toEqual([]);
    }
    expect(check(uncomment(template(kind), blocks.flat()))).toEqual([]);
  });

  test('cannot be published with any placeholder left: each one is named', () => {
    const messages = check(publish(uncomment(template(kind), commentedBlocks(template(kind)).flat())));
    const fields = messages.map((message) => /^[^:]+:\d+: ([\w.]+):/.exec(message)?.[1] ?? message);
    expect(fields).toEqual(
      expect.arrayContaining([
        'description',
        'hero.alt',
        'sources.0.title',
        'sources.0.publisher',
        'sources.0.url',
        ...(kind === 'review'
          ? ['review.subject', 'review.area', 'review.city', 'review.services.0', 'review.rating', 'review.visitDate']
          : []),
      ]),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/:\d+: the text is still the placeholder of a new post; write the post before publishing/),
    );
  });
});

describe('the review template', () => {
  test('never publishes a rating or a visit date the editor did not write', () => {
    const text = template('review');
    expect(text).toMatch(/^ {2}rating: +#/m);
    expect(text).toMatch(/^ {2}visitDate: +#/m);
    expect(check(publish(text))).toEqual(
      expect.arrayContaining([
        `${FILE}:15: review.rating: a review needs a rating: a whole number from 1 to 5`,
        `${FILE}:16: review.visitDate: a review needs visitDate: the day of the visit, e.g. 2024-03-09`,
      ]),
    );
  });
});

describe('placeholders in the text', () => {
  const written = (body: string) =>
    publish(template('article'))
      .replace('TODO: one or two sentences that sum up the post for lists, search engines and feeds.', 'A summary.')
      .replace(BODY_PLACEHOLDER, body);

  test('a finished post passes', () => {
    expect(check(written('Der Aufguss beginnt um acht.\n\n## Danach\n\nKaltes Wasser.'))).toEqual([]);
  });

  test('a line still starting with TODO is caught, with its line', () => {
    expect(check(written('Der Aufguss beginnt um acht.\n\nTODO: the part about cold water'))).toEqual([
      `${FILE}:22: this line still starts with TODO; finish it before publishing (or keep draft: true)`,
    ]);
  });

  test('the older template’s body sentence is caught too', () => {
    expect(check(written('Write the post here, in Markdown. Start each section with ##.'))).toEqual([
      `${FILE}:20: the text is still the placeholder of a new post; write the post before publishing (or keep draft: true)`,
    ]);
  });
});
