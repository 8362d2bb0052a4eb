import type { APIRoute, GetStaticPaths } from 'astro';
import { getCommentFeedEntries, getFeedChannel } from '../../../feeds/items.ts';
import { getCommentFeedKey } from '../../../data/page-keys.ts';
import { getPublishedPosts, type Post } from '../../../data/posts.ts';
import { renderRssFeed } from '../../../lib/feeds.ts';
import { getPostCommentsFeedPath, toAbsoluteUrl } from '../../../lib/urls.ts';
import { SITE } from '../../../site.config.ts';

// Every post has one, even before its first comment, so a reader can follow a conversation from the start.
export const getStaticPaths = (async () => {
  return Promise.all(
    (await getPublishedPosts()).map(async (post) => ({
      params: { slug: post.slug },
      props: { post },
      cacheKey: await getCommentFeedKey(post),
    })),
  );
}) satisfies GetStaticPaths;

/** RSS 2.0 of the approved comments on one post, newest first. */
export const GET: APIRoute<{ post: Post }> = async ({ props: { post }, site = new URL(SITE.url) }) => {
  return new Response(
    await renderRssFeed(
      getFeedChannel(site, getPostCommentsFeedPath(post.slug), {
        title: `Comments on “${post.title}”: ${SITE.title}`,
        description: `Readers’ comments on “${post.title}”, newest first.`,
        homeUrl: toAbsoluteUrl(post.path, site),
      }),
      await getCommentFeedEntries(site, post),
    ),
  );
};
