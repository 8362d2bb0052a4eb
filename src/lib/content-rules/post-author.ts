import type { ContentRule } from './types.ts';

/** A post's author is a file in content/authors/. */
export const postAuthor: ContentRule = {
  name: 'post-author',
  checks: "a post's author names a file in content/authors/",
  scope: 'post',
  check(post, { input }) {
    const author = (post.fm.data as { author?: unknown } | null)?.author;
    if (typeof author !== 'string' || input.authorIds.includes(author)) return [];
    return [
      {
        file: post.file.path,
        line: post.fm.lineOf(['author']),
        field: 'author',
        message: `"${author}" is not an author; use one of ${input.authorIds.map((a) => `"${a}"`).join(', ')} (files in content/authors/)`,
        severity: 'error',
      },
    ];
  },
};
