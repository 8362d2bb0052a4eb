import type { ContentRule, CheckedPost } from './types.ts';

const feedIdOf = (post: CheckedPost) => (post.fm.data as { feedId?: unknown } | null)?.feedId;

/**
 * Two posts with one old feed id would be one item to feed readers. One clash is one problem,
 * reported once, at the feedId of the last of the posts, naming the others.
 */
export const uniqueFeedIds: ContentRule = {
  name: 'unique-feed-ids',
  checks: 'no two posts keep the same feedId from the old blog',
  scope: 'site',
  check({ posts }) {
    const withFeedId = posts.filter((post) => typeof feedIdOf(post) === 'string');
    return [...Map.groupBy(withFeedId, (post) => feedIdOf(post) as string)].flatMap(([feedId, same]) => {
      if (same.length < 2) return [];
      const at = same.at(-1)!;
      const others = same.slice(0, -1).map((post) => post.file.path);
      return [
        {
          file: at.file.path,
          line: at.fm.lineOf(['feedId']),
          field: 'feedId',
          message: `has the same feedId "${feedId}" as ${others.join(', ')}; keep it on the post it came from and delete it from the ${others.length > 1 ? 'others' : 'other'}`,
          severity: 'error' as const,
        },
      ];
    });
  },
};
