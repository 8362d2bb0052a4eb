export interface Publishable {
  draft: boolean;
  pubDate: Date;
}

export interface VisibilityOptions {
  /** The moment of the build (or request, in dev). */
  now: Date;
  /** True in `astro dev`: editors preview drafts and scheduled posts there. */
  includeUnpublished: boolean;
}

/** Drops drafts and hides posts dated in the future, except in dev, where editors preview both. */
export function isPostVisible(post: Publishable, { now, includeUnpublished }: VisibilityOptions): boolean {
  if (includeUnpublished) return true;
  return !post.draft && post.pubDate.getTime() <= now.getTime();
}

/** Newest first; ties broken by slug so the order never depends on file-system order. */
export function sortNewestFirst<T extends { pubDate: Date; slug: string }>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.slug.localeCompare(b.slug));
}
