import type { ContentRule } from './types.ts';

/** A post's frontmatter is valid YAML and matches the post schema (known fields, right types). */
export const postFields: ContentRule = {
  name: 'post-fields',
  checks: "a post's frontmatter is valid YAML, every field is one the site knows and each value has the right form",
  scope: 'post',
  unreadableToo: true,
  check: (post) => post.fieldProblems,
};
