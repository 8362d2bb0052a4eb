import { getCollection } from 'astro:content';
import { checkPinnedPosts } from '../lib/content-rules/pinned-posts.ts';
import { formatProblem } from '../lib/content-rules/types.ts';
import { aggregatePageViews, pickPopularPosts, rankPopularPosts } from '../lib/ranking.ts';
import { normalizePath } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { cacheUnlessDev } from './cache.ts';
import { getPublishedPosts, type Post } from './posts.ts';

async function loadRankedPosts(): Promise<Post[]> {
  const [posts, stats] = await Promise.all([getPublishedPosts(), getCollection('stats')]);
  const { pinned } = SITE.popularPosts;
  // The content check stops a build first; this keeps the rule true in dev, where it does not.
  const problems = checkPinnedPosts(pinned, new Set(posts.map((post) => post.slug)));
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  const snapshot = stats.find((entry) => entry.id === 'pageviews')?.data.views ?? {};
  return rankPopularPosts(posts, { pinned, views: aggregatePageViews(snapshot, normalizePath) });
}

/** Every published post ranked for popularity: computed once per build, not once per page. */
export const getRankedPosts: () => Promise<Post[]> = cacheUnlessDev(loadRankedPosts);

/** The "Popular posts" sidebar: the top posts from site config's count, never the one being read. */
export async function getPopularPosts(currentSlug?: string): Promise<Post[]> {
  return pickPopularPosts(await getRankedPosts(), SITE.popularPosts.count, currentSlug);
}
