import type { APIRoute } from 'astro';
import { getFeedChannel, getFeedPosts } from '../feeds/items.ts';
import { renderRssFeed } from '../lib/feeds.ts';
import { RSS_PATH } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** RSS 2.0 with every published post in full, newest first. */
export const GET: APIRoute = async ({ site = new URL(SITE.url) }) => {
  const posts = await getFeedPosts(site);
  return new Response(
    await renderRssFeed(
      getFeedChannel(site, RSS_PATH),
      posts.map((post) => post.entry),
    ),
  );
};
