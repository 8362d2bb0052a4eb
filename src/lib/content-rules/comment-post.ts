import type { ContentRule, Problem } from './types.ts';

/**
 * The rule "a comment is filed under an existing post": a problem when the folder `postSlug` that
 * the comment `file` is in names none of `postIds` (drafts count: their comments wait with them).
 * The content check and data/comments.ts both apply it.
 */
export function checkCommentPost(file: string, postSlug: string, postIds: ReadonlySet<string>): Problem | undefined {
  if (postIds.has(postSlug)) return undefined;
  return {
    file,
    message: `this comment is filed under "${postSlug}", but there is no post with that slug; move it to content/comments/<post-slug>/ of an existing post or delete it`,
    severity: 'error',
  };
}

/** A comment is filed under a post that exists. */
export const commentPost: ContentRule = {
  name: 'comment-post',
  checks: 'a comment is filed under the folder of an existing post',
  scope: 'comment',
  check(comment, { posts }) {
    const problem = checkCommentPost(comment.file.path, comment.postSlug, new Set(posts.map((post) => post.id)));
    return problem ? [problem] : [];
  },
};
