import type { APIRoute } from 'astro';
import { getFeedChannel, getFeedPosts } from '../feeds/items.ts';
import { renderAtomFeed } from '../lib/feeds.ts';
import { ATOM_PATH } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** Atom 1.0 with every published post in full, newest first. */
export const GET: APIRoute = async ({ site = new URL(SITE.url) }) => {
  const posts = await getFeedPosts(site);
  return new Response(
    renderAtomFeed(
      getFeedChannel(site, ATOM_PATH),
      posts.map((post) => post.entry),
    ),
  );
};
