import type { APIRoute, GetStaticPaths } from 'astro';
import { getFeedChannel, getTagFeedEntries } from '../../../feeds/items.ts';
import { getTagFeedKey } from '../../../data/page-keys.ts';
import { getTagSummaries } from '../../../data/tags.ts';
import { renderRssFeed } from '../../../lib/feeds.ts';
import type { Tag } from '../../../lib/slugs.ts';
import { getTagFeedPath, getTagPath, toAbsoluteUrl } from '../../../lib/urls.ts';
import { SITE } from '../../../site.config.ts';

export const getStaticPaths = (async () => {
  return Promise.all(
    (await getTagSummaries()).map(async ({ slug, label, posts }) => ({
      params: { tag: slug },
      props: { tag: { slug, label } },
      cacheKey: await getTagFeedKey({ slug, label }, posts),
    })),
  );
}) satisfies GetStaticPaths;

/** RSS 2.0 with every published post of one tag in full, newest first. */
export const GET: APIRoute<{ tag: Tag }> = async ({ props: { tag }, site = new URL(SITE.url) }) => {
  return new Response(
    await renderRssFeed(
      getFeedChannel(site, getTagFeedPath(tag.slug), {
        title: `${SITE.title}: posts tagged “${tag.label}”`,
        description: `Posts about ${tag.label} on ${SITE.title}, in full, newest first.`,
        homeUrl: toAbsoluteUrl(getTagPath(tag.slug), site),
      }),
      await getTagFeedEntries(site, tag.slug),
    ),
  );
};
