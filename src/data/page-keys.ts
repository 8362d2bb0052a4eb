import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { cacheUnlessDev } from './cache.ts';
import type { Tag } from '../lib/slugs.ts';
import { COMMENT_CHANNEL } from '../site.config.ts';
import { getCommentThreads } from './comments.ts';
import { getPopularPosts } from './popular.ts';
import { getAdjacentPosts, type Post } from './posts.ts';

/**
 * Keys for Astro's incremental build (experimental.incrementalBuild in astro.config.ts). A route
 * that returns a `cacheKey` from getStaticPaths is not rendered again while its key and its code are
 * unchanged: Astro copies the page it made last time. So a key must cover every piece of data the
 * page shows, and nothing else (or the page is rebuilt for nothing). The code is Astro's part: it
 * hashes each route's modules, and the site's settings file and schemas are among them.
 *
 * tests/build/incremental.test.ts edits posts, comments, authors and page views in a project copy and
 * requires the incremental rebuild to equal a clean build, file for file.
 */

/** A short digest of JSON data (dates as ISO strings). */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 32);
}

const fingerprints = new WeakMap<Post, string>();

/**
 * Everything about one post that any page may show: its computed fields (title, tags with their
 * canonical labels, reading time, comment count...), its parsed frontmatter (hero image, review,
 * sources, author) and the digest Astro keeps of its file, which covers the body.
 */
export function getPostFingerprint(post: Post): string {
  let fingerprint = fingerprints.get(post);
  if (fingerprint === undefined) {
    const { entry, ...computed } = post;
    fingerprint = digestOf([computed, entry.id, entry.digest ?? entry.body, entry.data]);
    fingerprints.set(post, fingerprint);
  }
  return fingerprint;
}

/**
 * The data a post's page or feed item may read beyond the post and its comments: the authors (the
 * byline, JSON-LD, a feed item's author) and the videos (an MDX post may embed one).
 */
const getSharedDigest = cacheUnlessDev(async () => {
  const [authors, videos] = await Promise.all([getCollection('authors'), getCollection('videos')]);
  return digestOf([...authors, ...videos].map(({ collection, id, digest, data }) => [collection, id, digest, data]));
});

async function getThread(post: Post) {
  return (await getCommentThreads()).get(post.slug) ?? [];
}

/**
 * A post's page: the post, its comments, its neighbours, the popular posts beside it, the authors,
 * and the comment channel in use.
 */
export async function getPostPageKey(post: Post): Promise<string> {
  const [{ older, newer }, popular, thread, sharedDigest] = await Promise.all([
    getAdjacentPosts(post.slug),
    getPopularPosts(post.slug),
    getThread(post),
    getSharedDigest(),
  ]);
  return digestOf({
    post: getPostFingerprint(post),
    older: older && getPostFingerprint(older),
    newer: newer && getPostFingerprint(newer),
    popular: popular.map(getPostFingerprint),
    thread,
    shared: sharedDigest,
    // COMMENTS_INBOX_URL changes the comment form without changing any file.
    channel: COMMENT_CHANNEL,
  });
}

/** A post's comments feed: the post and its comments. */
export async function getCommentFeedKey(post: Post): Promise<string> {
  return digestOf({ post: getPostFingerprint(post), thread: await getThread(post) });
}

/** A page of a list (the home page's later pages, a tag's pages): what it lists, and where it is. */
export function getListPageKey(
  page: { items: readonly Post[]; currentPage: number; lastPage: number },
  extra: { tag?: Tag; total?: number; popular?: readonly Post[] } = {},
): string {
  return digestOf({
    items: page.items.map(getPostFingerprint),
    currentPage: page.currentPage,
    lastPage: page.lastPage,
    tag: extra.tag,
    total: extra.total,
    popular: extra.popular?.map(getPostFingerprint),
  });
}

/** A tag's full-content feed: the tag, every post in it, and their authors (each item names one). */
export async function getTagFeedKey(tag: Tag, posts: readonly Post[]): Promise<string> {
  return digestOf({ tag, posts: posts.map(getPostFingerprint), shared: await getSharedDigest() });
}
