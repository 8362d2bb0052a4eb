import type { ContentRule, CheckedPost } from './types.ts';

const feedIdOf = (post: CheckedPost) => (post.fm.data as { feedId?: unknown } | null)?.feedId;

/** Two posts with one old feed id would be one item to feed readers. */
export const uniqueFeedIds: ContentRule = {
  name: 'unique-feed-ids',
  checks: 'no two posts keep the same feedId from the old blog',
  scope: 'site',
  check({ posts }) {
    const withFeedId = posts.filter((post) => typeof feedIdOf(post) === 'string');
    return [...Map.groupBy(withFeedId, (post) => feedIdOf(post) as string)].flatMap(([feedId, same]) =>
      same.length < 2
        ? []
        : same.map((post) => ({
            file: post.file.path,
            line: post.fm.lineOf(['feedId']),
            field: 'feedId',
            message: `has the same feedId "${feedId}" as ${same
              .filter((other) => other !== post)
              .map((other) => other.file.path)
              .join(', ')}; keep it on the post it came from and delete it from the other`,
            severity: 'error' as const,
          })),
    );
  },
};
