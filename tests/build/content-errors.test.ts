import { afterEach, describe, expect, test } from 'vitest';
import { ProjectCopy } from './project-copy.ts';

const REFLEXOLOGY = 'content/posts/comprehensive-overview-of-reflexology-massage/index.mdx';
const REVIEW = 'content/posts/valentina-mobile-massage-canada-water-review/index.md';

let project: ProjectCopy;
afterEach(() => project?.remove());

/** Builds the copy, expects the build to fail without writing dist/, and returns what it printed. */
function expectRejected(copy: ProjectCopy): string {
  project = copy;
  const { status, output } = copy.build();
  expect(status, output).not.toBe(0);
  expect(copy.exists('dist'), 'nothing may be written to dist/').toBe(false);
  return output;
}

describe('the build rejects an editor’s mistake with a message naming the file, the line and the field', () => {
  test('an impossible date', () => {
    const output = expectRejected(
      new ProjectCopy().edit(REFLEXOLOGY, (text) => text.replace('pubDate: 2024-09-10', 'pubDate: 31/02/2026')),
    );
    expect(output).toContain(`${REFLEXOLOGY}:4: pubDate: "31/02/2026" is not a date; write it as 2026-02-28`);
  });

  test('a review without a rating', () => {
    const output = expectRejected(new ProjectCopy().edit(REVIEW, (text) => text.replace(/\n {2}rating: 5/, '')));
    expect(output).toContain(`${REVIEW}:11: review.rating: a review needs a rating: a whole number from 1 to 5`);
  });

  test('several problems in one file, all at once, a misspelt field among them (case C8)', () => {
    const output = expectRejected(
      new ProjectCopy().edit(REVIEW, (text) =>
        text.replace('rating: 5', 'rating: 9').replace('kind: review', 'kind: review\ndraft: maybe\ndrafts: true'),
      ),
    );
    expect(output).toContain('The content has 3 problems; fix each as described, then build again.');
    expect(output, 'an editor’s mistake is not a crash').not.toMatch(/Stack trace|AstroUserError|unhandled error/);
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: drafts: not a field of a post; did you mean "draft"\\?`));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: draft: `));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: review.rating: the rating must be from 1 to 5`));
  });

  test('a hero image without alt text, and one that does not exist', () => {
    const output = expectRejected(
      new ProjectCopy().edit(REVIEW, (text) =>
        text.replace(/alt: ".*"/, 'alt: ""').replace('./hero.jpg', './heor.jpg'),
      ),
    );
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: hero.alt: a hero image needs alt text`));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: hero.image: ./heor.jpg does not exist`));
  });

  test('an image in the text that does not exist or has no alt text', () => {
    const output = expectRejected(new ProjectCopy().edit(REVIEW, (text) => `${text}\n![](./chart.png)\n`));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: the image ./chart.png has no alt text`));
    expect(output).toMatch(new RegExp(`${REVIEW}:\\d+: the image ./chart.png does not exist`));
  });

  test('a link to a post that does not exist', () => {
    const output = expectRejected(
      new ProjectCopy().edit(REVIEW, (text) => `${text}\nSee [reflexology](/posts/reflexology-massage-overview/).\n`),
    );
    expect(output).toMatch(
      new RegExp(
        `${REVIEW}:\\d+: links to /posts/reflexology-massage-overview/, but there is no post "reflexology-massage-overview"`,
      ),
    );
  });

  test('two posts with the same slug', () => {
    const output = expectRejected(
      new ProjectCopy().write(
        'content/posts/valentina-mobile-massage-canada-water-review.md',
        '---\ntitle: Copy\ndescription: A copy.\npubDate: 2024-01-01\nauthor: editorial\nkind: article\n---\nText.\n',
      ),
    );
    expect(output).toContain(
      'content/posts/valentina-mobile-massage-canada-water-review.md:1: has the same slug "valentina-mobile-massage-canada-water-review" as content/posts/valentina-mobile-massage-canada-water-review/index.md',
    );
  });

  test('a comment for a post that does not exist', () => {
    project = new ProjectCopy();
    project.run('mkdir', ['-p', 'content/comments/no-such-post']);
    const output = expectRejected(
      project.write('content/comments/no-such-post/01-ann.md', '---\nauthor: Ann\ndate: 2025-01-01\n---\nHi\n'),
    );
    expect(output).toContain(
      'content/comments/no-such-post/01-ann.md: this comment is filed under "no-such-post", but there is no post with that slug',
    );
  });

  test('a pinned popular post that does not exist', () => {
    const output = expectRejected(
      new ProjectCopy().edit('src/site.config.ts', (text) => text.replace('pinned: []', "pinned: ['no-such-post']")),
    );
    expect(output).toContain('src/site.config.ts: popularPosts.pinned: "no-such-post" is not a published post');
  });

  test('a tag with no address and two different tags that would share one', () => {
    const output = expectRejected(
      new ProjectCopy().edit(REVIEW, (text) =>
        text.replace(
          'tags: [reviews, London, mobile massage]',
          'tags: [reviews, London, mobile massage, Mobile-Massage, "—"]',
        ),
      ),
    );
    expect(output).toContain(
      `${REVIEW}:5: tags: "mobile massage" and "Mobile-Massage" (${REVIEW}:5) would both have the address /tags/mobile-massage/`,
    );
    expect(output).toContain(`${REVIEW}:5: tags: "—" cannot be used as a tag`);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test('a bad site setting', () => {
    const output = expectRejected(
      new ProjectCopy().edit('src/site.config.ts', (text) =>
        text.replace("timeZone: 'Europe/London'", "timeZone: 'London'").replace('postsPerPage: 10', 'postsPerPage: 0'),
      ),
    );
    expect(output).toContain('src/site.config.ts: timeZone: use an IANA time zone name such as Europe/London');
    expect(output).toContain('src/site.config.ts: postsPerPage:');
    expect(output, 'a settings mistake is not a crash').not.toMatch(/Stack trace|at defineSiteConfig/);
  });
});
