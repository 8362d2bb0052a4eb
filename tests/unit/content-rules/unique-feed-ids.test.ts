import { describe, expect, test } from 'vitest';
import { uniqueFeedIds } from '../../../src/lib/content-rules/unique-feed-ids.ts';
import { post, run } from './helpers.ts';

const ID = 'feedId: tag:blogger.com,1999:blog-1.post-2';

describe('unique-feed-ids', () => {
  test('two posts with one old feed id are one problem, reported once at the field of the second', () => {
    const lines = run(uniqueFeedIds, { posts: [post('a.md', ID), post('b.md', ID)] });
    expect(lines).toEqual([
      'content/posts/b.md:7: feedId: has the same feedId "tag:blogger.com,1999:blog-1.post-2" as content/posts/a.md; keep it on the post it came from and delete it from the other',
    ]);
    expect(run(uniqueFeedIds, { posts: [post('a.md', ID), post('b.md', ID), post('c.md', ID)] })).toEqual([
      'content/posts/c.md:7: feedId: has the same feedId "tag:blogger.com,1999:blog-1.post-2" as content/posts/a.md, content/posts/b.md; keep it on the post it came from and delete it from the others',
    ]);
  });

  test('one post per feed id is fine', () => {
    expect(run(uniqueFeedIds, { posts: [post('a.md', ID), post('b.md')] })).toEqual([]);
  });
});
