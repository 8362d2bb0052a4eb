import type { ContentRule } from './types.ts';

/** A comment's frontmatter is valid YAML and matches the comment schema. */
export const commentFields: ContentRule = {
  name: 'comment-fields',
  checks:
    "a comment's frontmatter is valid YAML with the fields of a comment (author, date, optional website and replyTo)",
  scope: 'comment',
  check: (comment) => comment.fieldProblems,
};
