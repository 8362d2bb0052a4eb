import type { CollectionEntry } from 'astro:content';
import type { CommentThread } from '../lib/comments.ts';
import type { JsonLdNode } from '../lib/structured-data.ts';
import { getPostCommentsFeedPath, getTagPath } from '../lib/urls.ts';
import { hasVideoFacade } from '../lib/video.ts';
import { getCommentThreads, type PostComment } from './comments.ts';
import { getPopularPosts } from './popular.ts';
import { getAdjacentPosts, type Post } from './posts.ts';
import { getAuthor } from './site.ts';
import { getSocialImage, type SocialImage } from './social.ts';
import { getPostJsonLd } from './structured-data.ts';

/** What a post's page shows around the post's own text, all from the data layer. */
export interface PostPageData {
  author: CollectionEntry<'authors'>['data'];
  older?: Post | undefined;
  newer?: Post | undefined;
  /** The popular-posts sidebar, without this post. */
  popular: Post[];
  /** This post's approved comments, as threads (oldest first). */
  threads: CommentThread<PostComment>[];
  /** The card shown when the page is shared. */
  image: SocialImage;
  jsonLd: JsonLdNode[];
  /** Home → the post's first tag → the post, as site paths (BaseLayout's `breadcrumbs`). */
  breadcrumbs: { name: string; path: string }[];
  /** Site path of the RSS feed of this post's comments. */
  commentsFeedPath: string;
  /** Whether the post's own HTML holds a click-to-load video player (an imported one), so the page needs its script. */
  hasVideoPlayer: boolean;
}

/**
 * Gathers a post page's surroundings: author, neighbours, popular posts, comments, share card,
 * structured data and breadcrumbs. `site` is the absolute site URL (Astro.site). Throws as the
 * functions it calls do (an unknown author is caught earlier by the content check).
 */
export async function getPostPageData(post: Post, site: URL | string): Promise<PostPageData> {
  const [author, { older, newer }, popular, threads, image] = await Promise.all([
    getAuthor(post.author),
    getAdjacentPosts(post.slug),
    getPopularPosts(post.slug),
    getCommentThreads(),
    getSocialImage(post, site),
  ]);
  const mainTag = post.tags[0];
  return {
    author: author.data,
    older,
    newer,
    popular,
    threads: threads.get(post.slug) ?? [],
    image,
    jsonLd: [getPostJsonLd(post, author.data, site, [image.url])],
    breadcrumbs: [
      ...(mainTag ? [{ name: mainTag.label, path: getTagPath(mainTag.slug) }] : []),
      { name: post.title, path: post.path },
    ],
    commentsFeedPath: getPostCommentsFeedPath(post.slug),
    hasVideoPlayer: hasVideoFacade(post.entry.body ?? ''),
  };
}
