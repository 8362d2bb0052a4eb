import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { commentIdField, postIdField, type CommentManifest, type ManifestPost } from './comment-manifest.ts';
import { webUrl } from './schemas.ts';
import { removeBidiControls } from './slugs.ts';

/** The most characters (code points) a comment may have; the site's textarea has the same maxlength. */
export const MAX_COMMENT_CHARS = 2000;
/**
 * The largest comment form post the inbox (and nginx in front of it) reads, in bytes as sent. A
 * browser percent-escapes each UTF-8 byte, so a character of Hindi, Chinese or Japanese takes 9
 * bytes: a form filled to every field's maxlength in those scripts is about 24 KB. Anything the
 * site's form can send fits, so a reader over a limit gets the form back with their words; only
 * a body no form can make is cut off with a 413.
 */
export const FORM_BODY_LIMIT_BYTES = 32 * 1024;
/** The largest request head (request line and headers) the inbox reads, in bytes; more gets 431. */
export const FORM_HEADER_LIMIT_BYTES = 8 * 1024;
/** The most links (web addresses, www. names, mailto:) a comment may hold. */
export const MAX_COMMENT_LINKS = 3;
/** The form field that people never see and bots fill in. */
export const HONEYPOT_FIELD = 'fax';

const optionalText = (schema: z.ZodType<string | undefined>) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema);

/**
 * A comment form post as the browser sends it (every value a string). Empty optional fields count
 * as absent; a website without a scheme ("ann.example") is read as https://. Messages are written
 * for the reader, who sees them next to the field.
 */
export const commentFormSchema = z.object({
  post: postIdField,
  replyTo: optionalText(commentIdField.optional()),
  author: z
    .string({ error: 'write the name to show with your comment' })
    .overwrite(removeBidiControls)
    .trim()
    .min(1, 'write the name to show with your comment')
    .max(80, 'keep the name under 80 characters'),
  email: optionalText(z.email('this is not an email address; correct it or leave the field empty').max(254).optional()),
  website: optionalText(
    z
      .string()
      .trim()
      .transform((value) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`))
      .pipe(webUrl('the website must be a web address such as https://example.org; or leave it empty'))
      .optional(),
  ),
  body: z
    .string({ error: 'the comment is empty; write something first' })
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .refine((text) => text.trim().length > 0, 'the comment is empty; write something first')
    .superRefine((text, ctx) => {
      const length = [...text].length;
      if (length > MAX_COMMENT_CHARS) {
        ctx.addIssue({
          code: 'custom',
          message: `the comment is ${length} characters long; shorten it to ${MAX_COMMENT_CHARS} or fewer`,
        });
      }
      const links = countLinks(text);
      if (links > MAX_COMMENT_LINKS) {
        ctx.addIssue({
          code: 'custom',
          message: `the comment has ${links} links; keep it to ${MAX_COMMENT_LINKS} or fewer (spam filters count them)`,
        });
      }
    }),
  token: z.string().max(300).optional(),
  [HONEYPOT_FIELD]: z.string().max(1000).optional(),
});

export type CommentForm = z.infer<typeof commentFormSchema>;

/** What the reader typed, kept to show again on an error page (unknown fields dropped, strings only). */
export type CommentDraft = Partial<Record<'post' | 'replyTo' | 'author' | 'email' | 'website' | 'body', string>>;

/** The reader's own values from a parsed form body, whatever their validity. */
export function toDraft(fields: Record<string, unknown>): CommentDraft {
  const draft: CommentDraft = {};
  for (const name of ['post', 'replyTo', 'author', 'email', 'website', 'body'] as const) {
    const value = fields[name];
    if (typeof value === 'string') draft[name] = value;
  }
  return draft;
}

/** Links in a comment's Markdown: web addresses, bare www. names and mailto: addresses. */
export function countLinks(markdown: string): number {
  return markdown.match(/\b(?:https?:\/\/|www\.|mailto:)/gi)?.length ?? 0;
}

export type FieldErrors = Partial<Record<keyof CommentDraft | 'form', string>>;

export type SubmissionCheck =
  | { ok: true; comment: CommentForm; post: ManifestPost }
  | { ok: false; status: 400 | 403 | 404 | 409 | 422; errors: FieldErrors };

/**
 * Validates a form post against the schema and the built site: the post must exist and be open to
 * comments, and a reply must answer a published comment (`alsoPublished` adds ids approved since
 * the last build). Errors name the field they belong to, in words for the reader.
 */
export function checkSubmission(
  fields: Record<string, unknown>,
  manifest: CommentManifest,
  alsoPublished: (postId: string, commentId: string) => boolean = () => false,
): SubmissionCheck {
  const parsed = commentFormSchema.safeParse(fields);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      const key = (
        ['post', 'replyTo', 'author', 'email', 'website', 'body'].includes(field) ? field : 'form'
      ) as keyof FieldErrors;
      errors[key] ??= issue.message;
    }
    // A mangled post or reply id is not the reader's doing: the form is not one of ours.
    const notOurs = errors.post !== undefined || errors.replyTo !== undefined;
    return { ok: false, status: notOurs ? 400 : 422, errors };
  }
  const comment = parsed.data;
  const post = manifest.posts.find((candidate) => candidate.id === comment.post);
  if (!post) {
    return { ok: false, status: 404, errors: { form: 'There is no post here to comment on; it may have moved.' } };
  }
  if (post.comments === 'closed') {
    return { ok: false, status: 403, errors: { form: 'Comments on this post are closed.' } };
  }
  if (
    comment.replyTo !== undefined &&
    !post.commentIds.includes(comment.replyTo) &&
    !alsoPublished(post.id, comment.replyTo)
  ) {
    return {
      ok: false,
      status: 404,
      errors: {
        replyTo:
          'The comment you are answering is not on this post (it may have been removed); your words are kept below.',
      },
    };
  }
  return { ok: true, comment, post };
}

/** Why a valid comment is filed as spam, or undefined when it looks like a person's. */
export function detectSpam(comment: CommentForm): string | undefined {
  if ((comment[HONEYPOT_FIELD] ?? '').trim() !== '') return 'filled in the hidden field';
  const words = comment.body.replace(/\S*(?:https?:\/\/|www\.|mailto:)\S*/gi, ' ').match(/\p{L}+/gu) ?? [];
  if (countLinks(comment.body) > 0 && words.length < 3) return 'links with almost no words';
  return undefined;
}

/**
 * The same comment sent twice (a double click, a resend after a timeout) has the same fingerprint:
 * post, reply target, author and body, with case and runs of whitespace ignored.
 */
export function fingerprintComment(comment: {
  post: string;
  replyTo?: string | undefined;
  author: string;
  body: string;
}): string {
  const normal = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256')
    .update(JSON.stringify([comment.post, comment.replyTo ?? '', normal(comment.author), normal(comment.body)]))
    .digest('base64url');
}
