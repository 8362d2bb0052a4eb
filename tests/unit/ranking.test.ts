import { describe, expect, test } from 'vitest';
import { aggregatePageViews, pickPopularPosts, rankPopularPosts, type RankablePost } from '../../src/lib/ranking.ts';
import { normalizePath } from '../../src/lib/urls.ts';

const post = (slug: string, commentCount: number, day: number): RankablePost => ({
  slug,
  path: `/posts/${slug}/`,
  commentCount,
  pubDate: new Date(Date.UTC(2025, 0, day)),
});

const posts = [post('old', 0, 1), post('chatty', 5, 2), post('new', 0, 9), post('viewed', 0, 3), post('pinned', 0, 4)];
const slugs = (list: RankablePost[]) => list.map((p) => p.slug);

describe('rankPopularPosts', () => {
  test('ranks by page views, then comment count, then newest', () => {
    const ranked = rankPopularPosts(posts, { pinned: [], views: new Map([['/posts/viewed/', 10]]) });
    expect(slugs(ranked)).toEqual(['viewed', 'chatty', 'new', 'pinned', 'old']);
  });

  test('puts pinned posts first, in the order the editor gave', () => {
    const ranked = rankPopularPosts(posts, { pinned: ['old', 'pinned'], views: new Map([['/posts/viewed/', 10]]) });
    expect(slugs(ranked)).toEqual(['old', 'pinned', 'viewed', 'chatty', 'new']);
  });

  test('breaks complete ties by slug, so input order never matters', () => {
    const a = post('b-post', 0, 1);
    const b = post('a-post', 0, 1);
    expect(slugs(rankPopularPosts([a, b], { pinned: [], views: new Map() }))).toEqual(['a-post', 'b-post']);
  });

  test('does not reorder its input', () => {
    const input = [...posts];
    rankPopularPosts(input, { pinned: ['old'], views: new Map() });
    expect(input).toEqual(posts);
  });
});

describe('pickPopularPosts', () => {
  test('never lists the post being read, and still fills the list', () => {
    const ranked = [post('a', 0, 1), post('b', 0, 1), post('c', 0, 1), post('d', 0, 1)];
    expect(slugs(pickPopularPosts(ranked, 3, 'b'))).toEqual(['a', 'c', 'd']);
    expect(slugs(pickPopularPosts(ranked, 3))).toEqual(['a', 'b', 'c']);
  });
});

describe('aggregatePageViews', () => {
  test('sums rows that name the same page in different forms', () => {
    const views = aggregatePageViews(
      { '/posts/a': 3, '/posts/a/': 4, 'https://old.example/posts/a/?ref=x': 5, '/posts/b/': 1 },
      normalizePath,
    );
    expect(views.get('/posts/a/')).toBe(12);
    expect(views.get('/posts/b/')).toBe(1);
  });
});
