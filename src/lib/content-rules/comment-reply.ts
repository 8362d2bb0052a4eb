import type { ContentRule, Problem } from './types.ts';

/**
 * What is wrong when a comment on the post `postSlug` replies to `replyTo` and no comment of that
 * post has that id: the message of the rule "replyTo names a comment", shared with threadComments.
 */
export function describeMissingReply(replyTo: string, postSlug: string): string {
  return `"${replyTo}" is not a comment on this post; use the file name (without .md) of a comment in content/comments/${postSlug}/`;
}

/**
 * The rule "replyTo names a comment": a problem (at `line` of `file`) when `replyTo` is set and is
 * not among `commentIds`, the ids of the comments filed under the same post.
 */
export function checkReplyTo(
  file: string,
  line: number | undefined,
  postSlug: string,
  replyTo: string | undefined,
  commentIds: ReadonlySet<string> | undefined,
): Problem | undefined {
  if (replyTo === undefined || commentIds?.has(replyTo)) return undefined;
  return { file, line, field: 'replyTo', message: describeMissingReply(replyTo, postSlug), severity: 'error' };
}

/** A reply answers a comment on the same post. */
export const commentReply: ContentRule = {
  name: 'comment-reply',
  checks: "a comment's replyTo names a comment filed under the same post",
  scope: 'comment',
  check(comment, { commentIds }) {
    if (!comment.valid) return [];
    const line = comment.fm.lineOf(['replyTo']);
    const problem = checkReplyTo(
      comment.file.path,
      line,
      comment.postSlug,
      comment.replyTo,
      commentIds.get(comment.postSlug),
    );
    return problem ? [problem] : [];
  },
};
