import { getCollection } from 'astro:content';
import { checkCommentPost } from '../lib/content-rules/comment-post.ts';
import { formatProblem } from '../lib/content-rules/types.ts';
import { cacheUnlessDev } from './cache.ts';
import { renderCommentMarkdown, threadComments, type CommentThread } from '../lib/comments.ts';

export interface PostComment {
  /** The file name within the post's folder, without extension; replyTo names it. */
  id: string;
  postSlug: string;
  author: string;
  date: Date;
  website?: string | undefined;
  replyTo?: string | undefined;
  /** The id the comment had in the old blog's feeds, if imported (see feedIdField). */
  feedId?: string | undefined;
  /** The body as safe HTML (see renderCommentMarkdown). */
  html: string;
}

async function loadComments(): Promise<Map<string, CommentThread<PostComment>[]>> {
  const [entries, posts] = await Promise.all([getCollection('comments'), getCollection('posts')]);
  const postIds = new Set(posts.map((post) => post.id));
  const byPost = new Map<string, PostComment[]>();
  const problems: string[] = [];
  for (const entry of entries) {
    const [postSlug = '', id = ''] = entry.id.split('/');
    const file = entry.filePath ?? `content/comments/${entry.id}.md`;
    const misfiled = checkCommentPost(file, postSlug, postIds);
    if (misfiled) {
      problems.push(formatProblem(misfiled));
      continue;
    }
    const list = byPost.get(postSlug) ?? [];
    list.push({ id, postSlug, ...entry.data, html: renderCommentMarkdown(entry.body ?? '') });
    byPost.set(postSlug, list);
  }
  const threaded = new Map<string, CommentThread<PostComment>[]>();
  for (const [postSlug, list] of byPost) {
    try {
      threaded.set(postSlug, threadComments(list, postSlug));
    } catch (error) {
      problems.push(`content/comments/${postSlug}/: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(`Comments have problems:\n  ${problems.join('\n  ')}`);
  return threaded;
}

/** Approved comments of every post, threaded one level deep, keyed by post slug. */
export const getCommentThreads: () => Promise<Map<string, CommentThread<PostComment>[]>> = cacheUnlessDev(loadComments);

/** The number of comments on a post, replies included. */
export function countComments(threads: readonly CommentThread<PostComment>[] | undefined): number {
  return (threads ?? []).reduce((total, thread) => total + 1 + thread.replies.length, 0);
}
