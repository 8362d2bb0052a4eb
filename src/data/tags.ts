import type { Tag } from '../lib/slugs.ts';
import { cacheUnlessDev } from './cache.ts';
import { getPublishedPosts, type Post } from './posts.ts';

export interface TagSummary extends Tag {
  posts: Post[];
}

async function loadTagSummaries(): Promise<TagSummary[]> {
  const bySlug = new Map<string, TagSummary>();
  for (const post of await getPublishedPosts()) {
    for (const tag of post.tags) {
      const summary = bySlug.get(tag.slug) ?? { ...tag, posts: [] };
      summary.posts.push(post);
      bySlug.set(tag.slug, summary);
    }
  }
  return [...bySlug.values()].sort((a, b) => b.posts.length - a.posts.length || a.label.localeCompare(b.label, 'en'));
}

/** Every tag used by a published post, with its posts (newest first); most used first, then A–Z. */
export const getTagSummaries: () => Promise<TagSummary[]> = cacheUnlessDev(loadTagSummaries);
