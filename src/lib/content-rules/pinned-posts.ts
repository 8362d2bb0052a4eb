import type { ContentRule, Problem } from './types.ts';

/**
 * The rule "a pinned popular post exists": one problem per slug in `pinned` that is not among the
 * `published` post slugs. The content check and data/popular.ts both apply it.
 */
export function checkPinnedPosts(pinned: readonly string[], published: ReadonlySet<string>): Problem[] {
  return pinned
    .filter((slug) => !published.has(slug))
    .map((slug) => ({
      file: 'src/site.config.ts',
      field: 'popularPosts.pinned',
      message: `"${slug}" is not a published post; use the slug of a post in content/posts/ or remove it`,
      severity: 'error',
    }));
}

/** Pinned popular posts must exist and be published. */
export const pinnedPosts: ContentRule = {
  name: 'pinned-posts',
  checks: 'every slug in popularPosts.pinned is a published post',
  scope: 'site',
  check: ({ input, published }) => checkPinnedPosts(input.pinned, published),
};
