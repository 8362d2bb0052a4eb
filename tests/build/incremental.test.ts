import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles } from '../../src/io/files.ts';
import { ProjectCopy } from './project-copy.ts';

/**
 * Astro's incremental build keeps a page from the last build while its cacheKey (src/data/page-keys.ts)
 * and its code are unchanged. A key that forgot a piece of data would leave a stale page: an old
 * title in a neighbour's link, a missing comment, last week's popular posts. So after each round of
 * editors' changes, the incremental rebuild must equal a clean build of the same content, file for
 * file, search index, sitemap and _headers included.
 *
 * The same builds test the social card cache (src/integrations/social-card-cache.ts): the first build
 * draws every card, a rebuild with no change draws none, and a new title redraws exactly its post's
 * card. Those were three more builds of their own, of the same content, in social-images.test.ts.
 */

/** Every file of a build with the SHA-256 of its bytes. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir, /./).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

function differences(actual: Map<string, string>, expected: Map<string, string>): string[] {
  const names = new Set([...actual.keys(), ...expected.keys()]);
  return [...names].filter((name) => actual.get(name) !== expected.get(name)).sort();
}

/** Build log lines of pages Astro copied instead of rendering ("(cached)" or "(restored)"). */
const keptPages = (output: string) => output.split('\n').filter((line) => /\((cached|restored)\)\s*$/.test(line));
const renderedPage = (output: string, file: string) =>
  output.split('\n').some((line) => line.includes(file) && /\(\+\d+(\.\d+)?m?s\)/.test(line));

const POSTS = 'content/posts';
const REFLEXOLOGY = 'comprehensive-overview-of-reflexology-massage';
const SHEPHERDS_BUSH = 'shepherds-bush-freelance-massage-review';
const CANADA_WATER = 'valentina-mobile-massage-canada-water-review';
const IMMUNE = 'how-massage-therapy-may-enhance-your-immune-system';

/** "social images: N drawn, M reused from cache", as [N, M], from a build's log. */
const drawnCards = (output: string) => /social images: (\d+) drawn, (\d+) reused from cache/.exec(output)?.slice(1, 3);
/** The card of the one post without a hero (the site card is the other drawn one). */
const CARD = `dist/social/posts/${SHEPHERDS_BUSH}.png`;

describe('an incremental rebuild equals a clean build', { timeout: 300_000 }, () => {
  // Both copies build the repository's own content (four posts, their comments, a video, page
  // views): small enough for twenty builds, and every kind of data a cache key must cover.
  /** Keeps Astro's caches between builds, as an editor's machine does. */
  const incremental = new ProjectCopy().withEncodedImages();
  /** Builds the same content each time with no cache but Astro's encoded images. */
  const clean = new ProjectCopy().withEncodedImages();
  /** The drawn cards the incremental copy keeps between builds, by file name. */
  const cachedCards = () => {
    const dir = join(incremental.dir, 'node_modules/.astro/social-images');
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };
  /** The drawn card of the post without a hero, or an empty buffer once that post is removed. */
  const card = () =>
    existsSync(join(incremental.dir, CARD)) ? readFileSync(join(incremental.dir, CARD)) : Buffer.alloc(0);
  afterAll(() => {
    incremental.remove();
    clean.remove();
  });

  /**
   * Empties the clean copy's caches, all but Astro's own store of encoded images (named by a hash
   * of the source and the options, so it cannot hold a stale page): re-encoding the same AVIFs in
   * every round was most of a clean build's time, and says nothing about the page keys.
   */
  function forgetAllButImages(): void {
    const cache = join(clean.dir, 'node_modules/.astro');
    mkdirSync(cache, { recursive: true });
    for (const name of readdirSync(cache).filter((entry) => entry !== 'assets')) {
      rmSync(join(cache, name), { recursive: true, force: true });
    }
  }

  /** Expects the incremental copy's dist/ to hold, file for file, the same bytes as a clean build's. */
  function expectSameAs(expected: Map<string, string>): void {
    const actual = fingerprint(join(incremental.dir, 'dist'));
    expect(actual.size).toBeGreaterThan(50);
    expect(differences(actual, expected)).toEqual([]);
  }

  /** Builds both projects side by side after the same edits and returns the incremental build's log. */
  async function buildBoth(): Promise<string> {
    rmSync(join(clean.dir, 'content'), { recursive: true });
    cpSync(join(incremental.dir, 'content'), join(clean.dir, 'content'), { recursive: true });
    forgetAllButImages();
    const [cleanBuild, rebuild] = await Promise.all([
      clean.runAsync('node', ['scripts/build.ts']),
      incremental.runAsync('node', ['scripts/build.ts']),
    ]);
    expect(cleanBuild.status, cleanBuild.output).toBe(0);
    expect(rebuild.status, rebuild.output).toBe(0);
    expectSameAs(fingerprint(join(clean.dir, 'dist')));
    return rebuild.output;
  }

  /** The first build's log and output, which every test starts from (so any one test may run alone). */
  let first: { output: string; dist: Map<string, string>; card: Buffer; cached: string[] };
  beforeAll(async () => {
    const build = await incremental.runAsync('node', ['scripts/build.ts']);
    expect(build.status, build.output).toBe(0);
    // The first build is itself a clean build of this content (a fresh copy, nothing cached but the
    // encoded images, as the clean copy is each round), so the rebuild is compared with it rather
    // than with one more clean build of the same files.
    first = {
      output: build.output,
      dist: fingerprint(join(incremental.dir, 'dist')),
      card: card(),
      cached: cachedCards(),
    };
  }, 300_000);

  // A rebuild: more time than a round of edits.
  test(
    'a first build draws every social card (the site card and one per post without a hero), then a rebuild with no change renders none of the keyed pages again and draws no card',
    { timeout: 300_000 },
    async () => {
      expect(keptPages(first.output)).toEqual([]);
      expect(drawnCards(first.output)).toEqual(['2', '0']);
      expect(first.cached).toHaveLength(2);
      // The build before this one: the first, or (run after rounds of edits) the last round's, which
      // its round compared with a clean build.
      const previous = { dist: fingerprint(join(incremental.dir, 'dist')), card: card(), cached: cachedCards() };
      const rebuild = await incremental.runAsync('node', ['scripts/build.ts']);
      expect(rebuild.status, rebuild.output).toBe(0);
      const output = rebuild.output;
      // The post pages, their comment feeds, a drawn card, tag pages and tag feeds.
      expect(keptPages(output).length).toBeGreaterThan(20);
      expect(renderedPage(output, `/posts/${CANADA_WATER}/index.html`)).toBe(false);
      expect(drawnCards(output)).toEqual(['0', String(previous.cached.length)]);
      expectSameAs(previous.dist);
      expect(card().equals(previous.card)).toBe(true);
    },
  );

  /** Before a round: what its check compares with (here, the drawn card and the card cache). */
  let before: { card: Buffer; cached: string[] };

  // One change a round, so that each round tests one part of the keys: with four posts, a change
  // made alongside another would often be re-rendered for the other's sake. A round may also check
  // the incremental build's log.
  const rounds: [string, () => void, ((output: string) => void)?][] = [
    [
      'a paragraph added to an MDX post',
      () =>
        incremental.edit(
          `${POSTS}/${REFLEXOLOGY}/index.mdx`,
          (text) => `${text.trimEnd()}\n\nOne more paragraph, added by an editor after publication.\n`,
        ),
    ],
    [
      // The same number of words: only the text itself tells the pages and feeds that show it.
      'a word changed in a Markdown post',
      () =>
        incremental.edit(`${POSTS}/${CANADA_WATER}/index.md`, (text) =>
          text.replace('came away deeply relaxed', 'came away truly relaxed'),
        ),
    ],
    [
      'a new title, which redraws exactly that post’s social card and forgets the old one',
      () => {
        // Run after the round that removes this post (the rounds may run in any order), it comes back first.
        if (!existsSync(join(incremental.dir, POSTS, SHEPHERDS_BUSH))) {
          cpSync(join(POSTS, SHEPHERDS_BUSH), join(incremental.dir, POSTS, SHEPHERDS_BUSH), { recursive: true });
        }
        incremental.edit(`${POSTS}/${SHEPHERDS_BUSH}/index.md`, (text) =>
          text.replace(/^title: .*$/m, 'title: A Quiet Hour in Shepherd’s Bush'),
        );
      },
      (output) => {
        expect(drawnCards(output)).toEqual(['1', '1']);
        expect(card().equals(before.card)).toBe(false);
        expect(cachedCards()).toHaveLength(2);
        expect(cachedCards().filter((name) => before.cached.includes(name))).toHaveLength(1);
      },
    ],
    [
      'a comment’s text corrected (the count stays the same)',
      () =>
        incremental.edit(`content/comments/${IMMUNE}/01-sample-reader.md`, (text) =>
          text.replace('This is a sample comment', 'This is a corrected sample comment'),
        ),
    ],
    [
      'a first comment on a post',
      () => {
        mkdirSync(join(incremental.dir, 'content/comments', CANADA_WATER));
        incremental.write(
          `content/comments/${CANADA_WATER}/01-new-reader.md`,
          '---\nauthor: A new reader\ndate: 2025-06-02T09:00:00+01:00\n---\nThank you for the review.\n',
        );
      },
    ],
    [
      // The least read post becomes the most read: the popular posts beside every page change.
      'new page views',
      () => incremental.edit('content/stats/pageviews.json', (text) => text.replace(': 640', ': 9999')),
    ],
    [
      'an author’s new name',
      () =>
        incremental.edit('content/authors/editorial.yaml', (text) =>
          text.replace(/^name: .*$/m, 'name: The Editorial Team'),
        ),
    ],
    [
      'a new post',
      () =>
        incremental.write(
          `${POSTS}/a-new-post.md`,
          [
            '---',
            'title: A New Post About Hand Massage',
            'description: A short new post, published after the others, that pushes every list down by one.',
            'pubDate: 2025-07-01',
            'author: editorial',
            'kind: article',
            'tags: [self-care, hand massage]',
            '---',
            '',
            'Hand massage is easy to learn and can be done anywhere.',
            '',
          ].join('\n'),
        ),
    ],
    ['a post removed', () => rmSync(join(incremental.dir, POSTS, SHEPHERDS_BUSH), { recursive: true })],
  ];

  test.each(rounds)('after %s', async (_, change, check) => {
    before = { card: card(), cached: cachedCards() };
    change();
    const output = await buildBoth();
    // Still incremental: the pages this change does not touch (comment feeds, cards...) are kept.
    expect(keptPages(output).length).toBeGreaterThan(0);
    check?.(output);
  });
});
