import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkFeeds } from '../../tools/bench/check-feeds.ts';
import { PUBLISHED, readDist } from './dist.ts';
import { ProjectCopy } from './project-copy.ts';

const SITE = 'https://massage-wellness.example';
const FILE_ID = PUBLISHED.shepherdsBush;
const NEW_SLUG = 'shepherds-bush-massage';
const POST = `content/posts/${FILE_ID}/index.md`;

let project: ProjectCopy;
let dist: string;

// An editor renames a post: a new slug, title, date and tags. Its feed id must not change, and its
// old address must lead to the new one.
beforeAll(() => {
  project = new ProjectCopy().withEncodedImages().edit(POST, (text) =>
    text
      .replace(/^title: .*$/m, `title: "Shepherd’s Bush, revisited"\nslug: ${NEW_SLUG}`)
      .replace(/^pubDate: .*$/m, 'pubDate: 2024-07-01')
      .replace(/^tags: .*$/m, 'tags: [london, relaxation]'),
  );
  const { status, output } = project.build();
  if (status !== 0) throw new Error(`the renamed post did not build:\n${output}`);
  dist = join(project.dir, 'dist');
}, 120_000);
afterAll(() => project?.remove());

const idOf = (feed: string, url: string) => {
  const item = (JSON.parse(feed) as { items: { id: string; url: string }[] }).items.find((i) => i.url === url);
  return item?.id;
};

describe('a post whose slug, title, date and tags change', () => {
  test('keeps its feed id in every format', () => {
    const before = idOf(readDist('feed.json'), `${SITE}/posts/${FILE_ID}/`);
    expect(before).toBe(`tag:massage-wellness.example,2025-06-01:posts/${FILE_ID}`);
    expect(idOf(project.read('dist/feed.json'), `${SITE}/posts/${NEW_SLUG}/`)).toBe(before);
    expect(project.read('dist/rss.xml')).toContain(`<guid isPermaLink="false">${before}</guid>`);
    expect(project.read('dist/atom.xml')).toContain(`<id>${before}</id>`);
  });

  test('is redirected from its file name’s address to its slug’s', () => {
    expect(project.read('dist/_redirects')).toContain(`/posts/${FILE_ID}/ /posts/${NEW_SLUG}/ 301`);
    const page = project.read(`dist/posts/${FILE_ID}/index.html`);
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=${SITE}/posts/${NEW_SLUG}/">`);
    expect(project.exists(`dist/posts/${NEW_SLUG}/index.html`)).toBe(true);
  });

  test('leaves every feed valid, the new address and tags in the feeds', () => {
    const result = checkFeeds(dist);
    expect(result.problems).toEqual([]);
    const relaxation = result.feeds.find((feed) => feed.file === 'tags/relaxation/rss.xml')!;
    expect(relaxation.links).toContain(`${SITE}/posts/${NEW_SLUG}/`);
    expect(result.feeds.map((feed) => feed.file)).toContain(`posts/${NEW_SLUG}/comments.xml`);
  });
});
