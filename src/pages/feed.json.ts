import type { APIRoute } from 'astro';
import { getFeedChannel, getFeedPosts } from '../feeds/items.ts';
import { renderJsonFeed } from '../lib/feeds.ts';
import { JSON_FEED_PATH } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** JSON Feed 1.1 with every published post in full, newest first. */
export const GET: APIRoute = async ({ site = new URL(SITE.url) }) => {
  const posts = await getFeedPosts(site);
  return new Response(
    renderJsonFeed(
      getFeedChannel(site, JSON_FEED_PATH),
      posts.map((post) => post.entry),
    ),
  );
};
