import { getPostPath } from '../urls.ts';
import type { CheckedPost, ContentRule } from './types.ts';

const hasSlugField = (post: CheckedPost) =>
  typeof (post.fm.data as { slug?: unknown } | null | undefined)?.slug === 'string';

/** "a", "a and b", "a, b and c". */
const listed = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/**
 * No two post files publish at the same address. One clash is one problem, reported once: at the
 * `slug:` field that makes it (the last such post, most likely the one just written), else at the
 * last of the files whose names clash, naming the others.
 */
export const uniqueSlugs: ContentRule = {
  name: 'unique-slugs',
  checks: 'no two post files have the same slug (they would publish at one address)',
  scope: 'site',
  check: ({ posts }) =>
    [...Map.groupBy(posts, (post) => post.id)].flatMap(([id, same]) => {
      if (same.length < 2) return [];
      const at = same.findLast(hasSlugField) ?? same.at(-1)!;
      const others = listed(same.filter((post) => post !== at).map((post) => post.file.path));
      const both = same.length > 2 ? 'all' : 'both';
      return [
        hasSlugField(at)
          ? {
              file: at.file.path,
              line: at.fm.lineOf(['slug']),
              field: 'slug',
              message: `"${id}" is already the slug of ${others}, so they would ${both} be published at ${getPostPath(id)}; choose a different slug`,
              severity: 'error' as const,
            }
          : {
              file: at.file.path,
              line: 1,
              message: `has the same slug "${id}" as ${others}, so they would ${both} be published at ${getPostPath(id)}; rename one of the files, or give one of them a different "slug:" field`,
              severity: 'error' as const,
            },
      ];
    }),
};
