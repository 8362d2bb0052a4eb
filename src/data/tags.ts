import type { Tag } from '../lib/slugs.ts';
import { getPublishedPosts, type Post } from './posts.ts';

export interface TagSummary extends Tag {
  posts: Post[];
}

let cached: Promise<TagSummary[]> | undefined;

/** Every tag used by a published post, with its posts (newest first); most used first, then A–Z. */
export function getTagSummaries(): Promise<TagSummary[]> {
  if (import.meta.env.DEV) return loadTagSummaries();
  return (cached ??= loadTagSummaries());
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
