/** What ranking needs to know of a post. */
export interface RankablePost {
  slug: string;
  path: string;
  commentCount: number;
  pubDate: Date;
}

export interface RankingSignals {
  /** Slugs the editor pinned, in the order given: they lead the list. */
  pinned: readonly string[];
  /** Page views by normalised path (see normalizePath). */
  views: ReadonlyMap<string, number>;
}

/**
 * Orders posts for the "Popular posts" list: pinned posts first (in pinned order), then by page views,
 * then by comment count, then newest first, then by slug so that ties never depend on input order.
 */
export function rankPopularPosts<T extends RankablePost>(posts: readonly T[], signals: RankingSignals): T[] {
  const pinnedRank = new Map(signals.pinned.map((slug, index) => [slug, index]));
  const viewsOf = (post: T) => signals.views.get(post.path) ?? 0;
  return [...posts].sort((a, b) => {
    const pinA = pinnedRank.get(a.slug) ?? Infinity;
    const pinB = pinnedRank.get(b.slug) ?? Infinity;
    if (pinA !== pinB) return pinA < pinB ? -1 : 1;
    return (
      viewsOf(b) - viewsOf(a) ||
      b.commentCount - a.commentCount ||
      b.pubDate.getTime() - a.pubDate.getTime() ||
      a.slug.localeCompare(b.slug)
    );
  });
}

/** The top `count` of an already ranked list, leaving out the post being read. */
export function pickPopularPosts<T extends { slug: string }>(
  ranked: readonly T[],
  count: number,
  currentSlug?: string,
): T[] {
  // Leaving out one post needs at most one more: no page scans the whole list.
  return ranked
    .slice(0, count + 1)
    .filter((post) => post.slug !== currentSlug)
    .slice(0, count);
}

/**
 * Page views from an analytics snapshot (path or URL → views), keyed by normalised path.
 * Rows that name the same page in different forms ("/a", "/a/", "https://site/a/?x=1") are summed.
 */
export function aggregatePageViews(
  snapshot: Readonly<Record<string, number>>,
  normalize: (pathOrUrl: string) => string,
): Map<string, number> {
  const views = new Map<string, number>();
  for (const [pathOrUrl, count] of Object.entries(snapshot)) {
    const path = normalize(pathOrUrl);
    views.set(path, (views.get(path) ?? 0) + count);
  }
  return views;
}
