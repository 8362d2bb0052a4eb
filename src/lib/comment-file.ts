import { randomBytes } from 'node:crypto';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { commentIdField, postIdField } from './comment-manifest.ts';
import { stringifyYaml } from './frontmatter.ts';

/**
 * A new comment's id, which is also its file name: the UTC time it arrived and six random base-32
 * characters, e.g. 20261129-143205-k3f9qz. Sorts by arrival; never collides in practice.
 */
export function createCommentId(now: Date, random: Buffer = randomBytes(6)): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const suffix = [...random.subarray(0, 6)].map((byte) => alphabet[byte % 32]).join('');
  return `${stamp}-${suffix}`;
}

export interface ApprovedComment {
  id: string;
  post: string;
  author: string;
  /** When the reader sent it. */
  date: Date;
  website?: string | undefined;
  replyTo?: string | undefined;
  /** Markdown exactly as the reader wrote it (line ends normalised to \n). */
  body: string;
}

/**
 * The file `content/comments/<post>/<id>.md` for an approved comment, in the schema the build reads
 * (commentSchema in schemas.ts): YAML frontmatter with author, date (UTC, ISO 8601), optional
 * website and replyTo, then the body as typed. The email address is never written.
 */
export function renderCommentFile(comment: ApprovedComment): string {
  const frontmatter: Record<string, string> = { author: comment.author, date: comment.date.toISOString() };
  if (comment.website) frontmatter.website = comment.website;
  if (comment.replyTo) frontmatter.replyTo = comment.replyTo;
  const body = comment.body.endsWith('\n') ? comment.body : `${comment.body}\n`;
  return `---\n${stringifyYaml(frontmatter, ['date'])}---\n\n${body}`;
}

/**
 * The path of a comment's file inside `commentsDir`, after checking both ids again; throws when
 * either could name a file elsewhere (the inbox validated them already: this is the last guard).
 */
export function getCommentFilePath(commentsDir: string, post: string, id: string): string {
  if (!postIdField.safeParse(post).success || !commentIdField.safeParse(id).success) {
    throw new Error(`refusing the unsafe comment path ${JSON.stringify(`${post}/${id}`)}`);
  }
  const root = resolve(commentsDir);
  const file = resolve(join(root, post, `${id}.md`));
  const inside = relative(root, file);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new Error(`refusing the comment path ${JSON.stringify(file)}: it is outside ${root}`);
  }
  return file;
}
