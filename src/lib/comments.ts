import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { PhrasingContent, Root as MdastRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { describeMissingReply } from './content-rules/comment-reply.ts';
import { isCodeUrl, judgeUrl } from './urls.ts';

/** The rel every link in a reader's comment carries: no endorsement, marked user content, no opener. */
export const COMMENT_LINK_REL = ['nofollow', 'ugc', 'noopener'] as const;

// GitHub's sanitising rules, minus images (a comment must not make readers' browsers fetch anything),
// headings (a comment is not a section of the page) and form controls.
const REMOVED_TAGS = new Set(['img', 'picture', 'source', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'input']);
const COMMENT_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)),
  protocols: { href: ['http', 'https', 'mailto'] },
};

/** Raw HTML a reader typed is shown as the literal text they typed, never parsed as markup. */
function remarkHtmlAsText() {
  return (tree: MdastRoot) => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const text = { type: 'text' as const, value: node.value };
      const isBlock = parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
      parent.children[index] = (
        isBlock ? { type: 'paragraph', children: [text] } : text
      ) as (typeof parent.children)[number];
    });
  };
}

/**
 * A link whose target is not a usable address (judgeUrl: "http://", a host with spaces, a
 * misspelt scheme...) becomes plain text: its text and, after it in brackets, the target as the
 * reader wrote it, so nothing they typed is lost and no page or feed holds a broken link. A
 * target that would run code (javascript:, data:...) is not repeated: only the link text stays.
 */
function remarkUnusableLinksAsText() {
  return (tree: MdastRoot) => {
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node.url);
    });
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'link' && node.type !== 'linkReference') || !parent || index === undefined) return undefined;
      const target = node.type === 'link' ? node.url : definitions.get(node.identifier);
      if (target === undefined || judgeUrl(target, 'link').ok) return undefined;
      const text: PhrasingContent[] = [...node.children];
      if (!isCodeUrl(target) && mdastToString(node).trim() !== target.trim()) {
        text.push({ type: 'text', value: `${text.length > 0 ? ' ' : ''}(${target})` });
      }
      (parent.children as PhrasingContent[]).splice(index, 1, ...text);
      return [SKIP, index];
    });
  };
}

/** Headings become paragraphs and images become their alt text, so no words are lost to sanitising. */
function rehypeFlattenForComments() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        node.tagName = 'p';
        node.properties = {};
      } else if (node.tagName === 'img' && parent && index !== undefined) {
        const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

/** A link whose address the sanitiser removed (javascript:, data:) is left as plain text. */
function rehypeUnwrapDeadLinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || node.properties.href !== undefined || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...(node.children as ElementContent[]));
      return [SKIP, index];
    });
  };
}

const commentProcessor = unified()
  .use(remarkParse)
  .use(remarkHtmlAsText)
  .use(remarkUnusableLinksAsText)
  .use(remarkRehype)
  .use(rehypeFlattenForComments)
  .use(rehypeSanitize, COMMENT_SCHEMA)
  .use(rehypeUnwrapDeadLinks)
  .use(rehypeExternalLinks, {
    rel: [...COMMENT_LINK_REL],
    protocols: ['http', 'https', 'mailto'],
    test: () => true,
  })
  .use(rehypeStringify);

/**
 * Renders an untrusted comment body to safe HTML: Markdown only; raw HTML shown as the literal text
 * that was typed; images reduced to their alt text and headings to paragraphs; a link to an
 * unusable address shown as its text and the address as written (see remarkUnusableLinksAsText);
 * javascript: and data: links reduced to their text; every remaining link marked nofollow ugc
 * noopener.
 */
export function renderCommentMarkdown(markdown: string): string {
  return String(commentProcessor.processSync(markdown)).trim();
}

export interface ThreadableComment {
  /** The comment's id within its post (its file name without extension). */
  id: string;
  replyTo?: string | undefined;
  date: Date;
}

export type CommentThread<T> = T & { replies: T[] };

/**
 * Nests comments one level deep: each top-level comment, oldest first, with every comment that
 * replies to it or to one of its replies, oldest first. Throws when a reply names a missing comment
 * (the rule of content-rules/comment-reply.ts, with its message; `postSlug` names the folder in it)
 * or when replies form a loop.
 */
export function threadComments<T extends ThreadableComment>(
  comments: readonly T[],
  postSlug = '<post-slug>',
): CommentThread<T>[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const rootOf = (comment: T): T => {
    const seen = new Set<string>();
    let current = comment;
    while (current.replyTo !== undefined) {
      if (seen.has(current.id)) throw new Error(`comment "${comment.id}" is part of a reply loop`);
      seen.add(current.id);
      const parent = byId.get(current.replyTo);
      if (!parent) {
        throw new Error(`comment "${current.id}": replyTo: ${describeMissingReply(current.replyTo, postSlug)}`);
      }
      current = parent;
    }
    return current;
  };
  const byDate = (a: T, b: T) => a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id);
  const threads = new Map<string, CommentThread<T>>();
  for (const comment of [...comments].sort(byDate)) {
    if (comment.replyTo === undefined) threads.set(comment.id, { ...comment, replies: [] });
  }
  for (const comment of [...comments].sort(byDate)) {
    if (comment.replyTo !== undefined) threads.get(rootOf(comment).id)!.replies.push(comment);
  }
  return [...threads.values()];
}

export type CommentChannel =
  { mode: 'mailto'; address: string } | { mode: 'form'; url: string } | { mode: 'inbox'; url: string };

/** The environment variable that, at build time, switches on the inbox form whatever the settings say. */
export const INBOX_URL_VARIABLE = 'COMMENTS_INBOX_URL';

/**
 * The channel the build uses: the comment inbox at `inboxUrl` (the COMMENTS_INBOX_URL variable) when
 * it is set, else the configured one. Throws a sentence naming the variable when it is not a web
 * address.
 */
export function resolveCommentChannel(configured: CommentChannel, inboxUrl: string | undefined): CommentChannel {
  if (inboxUrl === undefined || inboxUrl.trim() === '') return configured;
  let url: URL;
  try {
    url = new URL(inboxUrl.trim());
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `${INBOX_URL_VARIABLE}=${JSON.stringify(inboxUrl)} is not a web address; set it to the comment inbox's address, e.g. https://comments.example.org/, or unset it`,
    );
  }
  return { mode: 'inbox', url: url.href };
}

/** The inbox's addresses: where the form posts, and the form page a Reply link opens. */
export function getInboxEndpoints(inboxUrl: string): { action: string; origin: string } {
  const base = new URL(inboxUrl.endsWith('/') ? inboxUrl : `${inboxUrl}/`);
  return { action: new URL('comments', base).href, origin: base.origin };
}

/** The inbox page with the comment form set to answer one published comment. */
export function getReplyUrl(inboxUrl: string, post: string, commentId: string): string {
  const url = new URL(getInboxEndpoints(inboxUrl).action);
  url.searchParams.set('post', post);
  url.searchParams.set('replyTo', commentId);
  url.hash = 'comment-form';
  return url.href;
}

/** The sources a page's forms may post to (CSP form-action): the site, and the inbox's origin if any. */
export function getFormActionSources(channel: CommentChannel): string[] {
  return channel.mode === 'inbox' ? ["'self'", getInboxEndpoints(channel.url).origin] : ["'self'"];
}

/**
 * Where a reader sends a comment on a post: an email with the post's title as subject, or the
 * configured form with {title} and {url} filled in. (The inbox has a form on the page instead.)
 */
export function getLeaveCommentUrl(
  channel: Exclude<CommentChannel, { mode: 'inbox' }>,
  post: { title: string; url: string },
): string {
  if (channel.mode === 'mailto') {
    const subject = encodeURIComponent(`Comment on: ${post.title}`);
    const body = encodeURIComponent(`\n\n---\nPost: ${post.url}\nName to show with your comment:`);
    return `mailto:${channel.address}?subject=${subject}&body=${body}`;
  }
  return channel.url
    .replaceAll('{title}', encodeURIComponent(post.title))
    .replaceAll('{url}', encodeURIComponent(post.url));
}
