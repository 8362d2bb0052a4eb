import { z } from 'astro/zod';

/** Where the build writes the manifest, as a site path (dist/comments-manifest.json). */
export const COMMENT_MANIFEST_PATH = '/comments-manifest.json';

/**
 * A comment id as the build knows it: a file name in content/comments/<post>/ without `.md`. Only
 * letters, digits, `-`, `_` and inner dots, so an id can never name a path outside its folder.
 */
export const commentIdField = z
  .string()
  .max(100, 'a comment id is at most 100 characters')
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/, 'a comment id uses letters, digits, "-", "_" and "."')
  .refine((id) => !id.includes('..'), 'a comment id cannot contain ".."');

/**
 * A post id (its folder under content/comments/): no slash, backslash, "..", control character or
 * leading dot, so it can never reach outside content/comments.
 */
export const postIdField = z
  .string()
  .min(1, 'the post is missing')
  .max(200, 'a post id is at most 200 characters')
  .refine(
    (id) => !/[/\\\u0000-\u001f\u007f]/.test(id) && !id.startsWith('.'),
    'a post id cannot contain "/", "\\", control characters or start with "."',
  );

export const commentManifestSchema = z.object({
  /** Bumped when the shape changes; the inbox refuses a manifest it does not understand. */
  version: z.literal(1),
  /** The site's public address (the build's `site`). */
  site: z.url(),
  posts: z.array(
    z.object({
      /** The post's id: its folder name under content/comments/. */
      id: postIdField,
      title: z.string(),
      /** The post's path on the site, e.g. /posts/my-post/. */
      path: z.string().startsWith('/'),
      comments: z.enum(['open', 'closed']),
      /** Ids of the published comments, which a reply may answer. */
      commentIds: z.array(commentIdField),
      /**
       * The site's page that thanks a reader for a comment on this post and links back to it
       * (/comments/received/<post>/), where the inbox sends the reader after storing the comment.
       * Only a build with the comment inbox has these pages; without it the reader goes back to
       * the post, whose #comment-sent notice says the same.
       */
      received: z.string().startsWith('/').optional(),
    }),
  ),
});

export type CommentManifest = z.infer<typeof commentManifestSchema>;
export type ManifestPost = CommentManifest['posts'][number];
