import type { APIRoute } from 'astro';
import { getCommentFeedEntries, getFeedChannel } from '../feeds/items.ts';
import { renderRssFeed } from '../lib/feeds.ts';
import { COMMENTS_FEED_PATH } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

/** RSS 2.0 of every approved comment on the site, newest first. */
export const GET: APIRoute = async ({ site = new URL(SITE.url) }) => {
  return new Response(
    await renderRssFeed(
      getFeedChannel(site, COMMENTS_FEED_PATH, {
        title: `${SITE.title}: comments`,
        description: `Readers’ comments on every post of ${SITE.title}, newest first.`,
      }),
      await getCommentFeedEntries(site),
    ),
  );
};
