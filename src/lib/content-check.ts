import type { z } from 'astro/zod';
import { parseFrontmatter } from './frontmatter.ts';
import { getPostId } from './slugs.ts';
import { collectLinks } from './content-rules/body-urls.ts';
import { CONTENT_RULES } from './content-rules/index.ts';
import {
  checkAgainstSchema,
  commentFileSchema,
  postFileSchema,
  yamlProblems,
} from './content-rules/schema-problems.ts';
import { findTagUses } from './content-rules/tag-addresses.ts';
import type {
  CheckedComment,
  CheckedContent,
  CheckedPost,
  ContentInput,
  ContentRule,
  Problem,
  SourceFile,
} from './content-rules/types.ts';

export type { ContentInput, ContentRule, Problem, SourceFile } from './content-rules/types.ts';
export { formatProblem } from './content-rules/types.ts';
export { CONTENT_RULES } from './content-rules/index.ts';

/** Reads one post file: YAML, schema (problems kept for the post-fields rule), id and draft state. */
function readPost(file: SourceFile, timeZone: string): CheckedPost {
  const fm = parseFrontmatter(file.text);
  const data = (fm.data ?? {}) as Record<string, unknown>;
  let links: ReturnType<CheckedPost['links']> | undefined;
  const read = {
    file,
    id: getPostId(file.entry, data),
    fm,
    links: () => (links ??= collectLinks(fm.body, fm.bodyLine, file.path.endsWith('.mdx'))),
  };
  if (fm.errors.length > 0) {
    return { ...read, draft: data.draft === true, fieldProblems: yamlProblems(file.path, fm), readable: false };
  }
  const checked = checkAgainstSchema(file.path, fm, postFileSchema(timeZone), 'a post');
  const post = checked.result.success ? (checked.result.data as { draft: boolean }) : undefined;
  return { ...read, draft: post?.draft ?? data.draft === true, fieldProblems: checked.problems, readable: true };
}

/** Reads one comment file: YAML, schema, the post folder it is filed under and its replyTo. */
function readComment(file: SourceFile, timeZone: string): CheckedComment {
  const [postSlug = ''] = file.entry.split('/');
  const fm = parseFrontmatter(file.text);
  if (fm.errors.length > 0) return { file, postSlug, fm, fieldProblems: yamlProblems(file.path, fm), valid: false };
  const checked = checkAgainstSchema(file.path, fm, commentFileSchema(timeZone), 'a comment');
  if (!checked.result.success) return { file, postSlug, fm, fieldProblems: checked.problems, valid: false };
  const { replyTo } = checked.result.data as z.output<ReturnType<typeof commentFileSchema>>;
  return { file, postSlug, fm, fieldProblems: checked.problems, replyTo, valid: true };
}

/** The content tree read once for the rules. */
function readContent(input: ContentInput): CheckedContent {
  const allPosts = input.posts.map((file) => readPost(file, input.timeZone));
  const posts = allPosts.filter((post) => post.readable);
  const commentIds = new Map<string, Set<string>>();
  for (const file of input.comments) {
    const [postSlug = '', name = ''] = file.entry.split('/');
    commentIds.set(postSlug, (commentIds.get(postSlug) ?? new Set()).add(name.replace(/\.md$/i, '')));
  }
  return {
    input,
    posts,
    allPosts,
    comments: input.comments.map((file) => readComment(file, input.timeZone)),
    published: new Set(posts.filter((post) => !post.draft).map((post) => post.id)),
    drafts: new Set(posts.filter((post) => post.draft).map((post) => post.id)),
    tagSlugs: new Set(posts.flatMap(findTagUses).map((use) => use.slug)),
    commentIds,
  };
}

/**
 * Checks every content file the way an editor needs, by the rules of src/lib/content-rules/ (or
 * the `rules` given): the schema (with line numbers), and what a schema cannot see: duplicate
 * slugs, links to missing posts, missing images or alt text, tags without an address of their own,
 * pinned posts that do not exist, comments for missing posts or comments. Each file's problems come
 * together, top to bottom, files in the order first met.
 */
export function checkContent(input: ContentInput, rules: readonly ContentRule[] = CONTENT_RULES): Problem[] {
  const content = readContent(input);
  const problems: Problem[] = [];
  // Consecutive post rules run on each post in turn (and comment rules on each comment), so a
  // file's problems are met together, as an editor reads them.
  for (let start = 0, end = 1; start < rules.length; start = end, end = start + 1) {
    const scope = rules[start]!.scope;
    while (scope !== 'site' && end < rules.length && rules[end]!.scope === scope) end++;
    const batch = rules.slice(start, end);
    for (const rule of scope === 'site' ? batch : []) if (rule.scope === 'site') problems.push(...rule.check(content));
    for (const post of scope === 'post' ? content.allPosts : []) {
      for (const rule of batch) {
        if (rule.scope === 'post' && (post.readable || rule.unreadableToo)) problems.push(...rule.check(post, content));
      }
    }
    for (const comment of scope === 'comment' ? content.comments : []) {
      for (const rule of batch) if (rule.scope === 'comment') problems.push(...rule.check(comment, content));
    }
  }
  const fileOrder = new Map<string, number>();
  for (const problem of problems) if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  return problems.toSorted((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));
}
