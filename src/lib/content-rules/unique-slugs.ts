import type { ContentRule } from './types.ts';

/** No two post files publish at the same address. */
export const uniqueSlugs: ContentRule = {
  name: 'unique-slugs',
  checks: 'no two post files have the same slug (they would publish at one address)',
  scope: 'site',
  check: ({ posts }) =>
    [...Map.groupBy(posts, (post) => post.id)].flatMap(([id, same]) =>
      same.length < 2
        ? []
        : same.map((post) => ({
            file: post.file.path,
            line: post.fm.lineOf(['slug']),
            message: `has the same slug "${id}" as ${same
              .filter((other) => other !== post)
              .map((other) => other.file.path)
              .join(', ')}; rename one of the files or set a different slug:`,
            severity: 'error' as const,
          })),
    ),
};
