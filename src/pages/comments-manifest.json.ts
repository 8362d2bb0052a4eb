import type { APIRoute } from 'astro';
import { getCommentThreads } from '../data/comments.ts';
import { getPublishedPosts } from '../data/posts.ts';
import type { CommentManifest } from '../lib/comment-manifest.ts';
import { getCommentReceivedPath } from '../lib/urls.ts';
import { COMMENT_CHANNEL, SITE } from '../site.config.ts';

/**
 * The posts readers may comment on, for the comment inbox (npm run comments:serve), which checks
 * every form post against it: each published post's id, title, path, whether comments are open and
 * the ids of its published comments (a reply must answer one of them).
 */
export const GET: APIRoute = async ({ site }) => {
  const [posts, threads] = await Promise.all([getPublishedPosts(), getCommentThreads()]);
  const manifest: CommentManifest = {
    version: 1,
    site: (site ?? new URL(SITE.url)).href,
    posts: posts
      .filter((post) => !post.draft && !post.scheduled)
      .map((post) => ({
        id: post.slug,
        title: post.title,
        path: post.path,
        comments: post.commentsOpen ? 'open' : 'closed',
        commentIds: (threads.get(post.slug) ?? []).flatMap((thread) => [
          thread.id,
          ...thread.replies.map((reply) => reply.id),
        ]),
        // src/pages/comments/received/ has a page for each open post, in builds with the inbox.
        ...(COMMENT_CHANNEL.mode === 'inbox' && post.commentsOpen
          ? { received: getCommentReceivedPath(post.slug) }
          : {}),
      })),
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } });
};
