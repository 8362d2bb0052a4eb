import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ProjectCopy } from './project-copy.ts';

const REFLEXOLOGY = 'content/posts/comprehensive-overview-of-reflexology-massage/index.mdx';
const IMMUNE = 'content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx';
const REVIEW = 'content/posts/valentina-mobile-massage-canada-water-review/index.md';
const SHEPHERDS_BUSH = 'content/posts/shepherds-bush-freelance-massage-review/index.md';

/** Builds the copy, expects the build to fail without writing dist/, and returns what it printed. */
function expectRejected(copy: ProjectCopy): string {
  const { status, output } = copy.build();
  expect(status, output).not.toBe(0);
  expect(copy.exists('dist'), 'nothing may be written to dist/').toBe(false);
  return output;
}

/** `text` with `find` replaced, failing loudly when the fixture no longer holds `find`. */
function swap(text: string, find: string | RegExp, replacement: string): string {
  const changed = text.replace(find, replacement);
  if (changed === text) throw new Error(`the fixture no longer contains ${String(find)}`);
  return changed;
}

/**
 * The content check reads every file before Astro starts and reports every problem at once, so one
 * build carries one editor's mistake of each kind, each in the file where an editor would make it,
 * and each test below looks for its own message. (Eleven builds of the same project, one mistake
 * each, took two minutes of the suite; a missing message still fails only the test that wants it.)
 */
describe('the build rejects an editor’s mistakes with a message naming the file, the line and the field', () => {
  const project = new ProjectCopy();
  let output = '';
  beforeAll(() => {
    project
      // An impossible date, and an image in the text that does not exist or has no alt text.
      .edit(REFLEXOLOGY, (text) => `${swap(text, 'pubDate: 2024-09-10', 'pubDate: 31/02/2026')}\n![](./chart.png)\n`)
      // Several problems in one file, a misspelt field among them (case C8).
      .edit(REVIEW, (text) =>
        swap(swap(text, 'rating: 5', 'rating: 9'), 'kind: review', 'kind: review\ndraft: maybe\ndrafts: true'),
      )
      // A review without a rating, and a link to a post that does not exist.
      .edit(
        SHEPHERDS_BUSH,
        (text) => `${swap(text, /\n {2}rating: 5/, '')}\nSee [reflexology](/posts/reflexology-massage-overview/).\n`,
      )
      // A hero image without alt text and one that does not exist; a tag with no address, and two
      // different tags that would share one.
      .edit(IMMUNE, (text) =>
        swap(
          swap(swap(text, /alt: ".*"/, 'alt: ""'), './hero.jpg', './heor.jpg'),
          'tags: [immune health,',
          'tags: [immune health, Immune-Health, "—",',
        ),
      )
      // Two posts with the same slug.
      .write(
        'content/posts/valentina-mobile-massage-canada-water-review.md',
        '---\ntitle: Copy\ndescription: A copy.\npubDate: 2024-01-01\nauthor: editorial\nkind: article\n---\nText.\n',
      )
      // A pinned popular post that does not exist.
      .edit('src/site.config.ts', (text) => swap(text, 'pinned: []', "pinned: ['no-such-post']"));
    // A comment for a post that does not exist.
    project.run('mkdir', ['-p', 'content/comments/no-such-post']);
    project.write('content/comments/no-such-post/01-ann.md', '---\nauthor: Ann\ndate: 2025-01-01\n---\nHi\n');
    output = expectRejected(project);
  });
  afterAll(() => project.remove());

  test('an editor’s mistake is not a crash, and the summary counts every problem', () => {
    expect(output).not.toMatch(/Stack trace|AstroUserError|unhandled error|\n\s+at /);
    // Seven files hold a mistake; the two posts sharing a slug are one problem, named at one of them.
    expect(output).toMatch(/The content has \d+ problems in 6 files; fix each as described, then build again\./);
  });

  test('an impossible date', () => {
    expect(output).toContain(`${REFLEXOLOGY}:4: pubDate: "31/02/2026" is not a date; write it as 2026-02-28`);
  });

  test('a review without a rating', () => {
    expect(output).toContain(`${SHEPHERDS_BUSH}:8: review.rating: a review needs a rating: a whole number from 1 to 5`);
  });

  test('several problems in one file, all at once, a misspelt field among them (case C8)', () => {
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: drafts: not a field of a post; did you mean "draft"\\?`));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: draft: `));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: review.rating: the rating must be from 1 to 5`));
  });

  test('a hero image without alt text, and one that does not exist', () => {
    expect(output).toMatch(new RegExp(`${IMMUNE}:\\d+: hero.alt: a hero image needs alt text`));
    expect(output).toMatch(new RegExp(`${IMMUNE}:\\d+: hero.image: ./heor.jpg does not exist`));
  });

  test('an image in the text that does not exist or has no alt text', () => {
    expect(output).toMatch(new RegExp(`${REFLEXOLOGY}:\\d+: the image ./chart.png has no alt text`));
    expect(output).toMatch(new RegExp(`${REFLEXOLOGY}:\\d+: the image ./chart.png does not exist`));
  });

  test('a link to a post that does not exist', () => {
    expect(output).toMatch(
      new RegExp(
        `${SHEPHERDS_BUSH}:\\d+: links to /posts/reflexology-massage-overview/, but there is no post "reflexology-massage-overview"`,
      ),
    );
  });

  test('two posts with the same slug, named once', () => {
    const clash =
      'content/posts/valentina-mobile-massage-canada-water-review/index.md:1: has the same slug "valentina-mobile-massage-canada-water-review" as content/posts/valentina-mobile-massage-canada-water-review.md';
    expect(output).toContain(clash);
    expect(output.split('has the same slug')).toHaveLength(2);
  });

  test('a comment for a post that does not exist', () => {
    expect(output).toContain(
      'content/comments/no-such-post/01-ann.md: this comment is filed under "no-such-post", but there is no post with that slug',
    );
  });

  test('a pinned popular post that does not exist', () => {
    expect(output).toContain('src/site.config.ts: popularPosts.pinned: "no-such-post" is not a published post');
  });

  test('a tag with no address and two different tags that would share one', () => {
    expect(output).toContain(
      `${IMMUNE}:5: tags: "Immune-Health" and "immune health" (${IMMUNE}:5) would both have the address /tags/immune-health/`,
    );
    expect(output.split('would both have the address /tags/immune-health/')).toHaveLength(2);
    expect(output).toContain(`${IMMUNE}:5: tags: "—" cannot be used as a tag`);
  });
});

describe('the build rejects a bad site setting before it reads the content', () => {
  const project = new ProjectCopy();
  afterAll(() => project.remove());

  test('a time zone that is not one, and no posts per page', () => {
    const output = expectRejected(
      project.edit('src/site.config.ts', (text) =>
        swap(swap(text, "timeZone: 'Europe/London'", "timeZone: 'London'"), 'postsPerPage: 10', 'postsPerPage: 0'),
      ),
    );
    expect(output).toContain('src/site.config.ts: timeZone: use an IANA time zone name such as Europe/London');
    expect(output).toContain('src/site.config.ts: postsPerPage:');
    expect(output, 'a settings mistake is not a crash').not.toMatch(/Stack trace|at defineSiteConfig/);
  });
});
