import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getFeedPosts } from '../data/feed.ts';
import { getLastModified } from '../data/posts.ts';
import { getAuthor } from '../data/site.ts';
import { RSS_PATH, toAbsoluteUrl } from '../lib/urls.ts';
import { escapeXml } from '../lib/xml.ts';
import { SITE } from '../site.config.ts';

/** RSS 2.0 with every published post in full, newest first. */
export const GET: APIRoute = async ({ site = new URL(SITE.url) }) => {
  const items = await getFeedPosts(site);
  const newest = items[0] ? getLastModified(items[0].post) : undefined;
  const authorNames = new Map<string, string>();
  for (const { post } of items) {
    const id = post.entry.data.author.id;
    if (!authorNames.has(id)) authorNames.set(id, (await getAuthor(id)).data.name);
  }
  return rss({
    title: SITE.title,
    description: SITE.description,
    site,
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: [
      `<language>${escapeXml(SITE.language)}</language>`,
      `<atom:link href="${escapeXml(toAbsoluteUrl(RSS_PATH, site))}" rel="self" type="application/rss+xml"/>`,
      // The newest post's date, not the build's, so that an unchanged site builds an identical feed.
      newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '',
    ].join(''),
    items: items.map(({ post, url, html }) => ({
      title: post.title,
      link: url,
      pubDate: post.pubDate,
      description: post.description,
      content: html,
      categories: post.tags.map((tag) => tag.label),
      commentsUrl: `${url}#comments`,
      customData: `<dc:creator>${escapeXml(authorNames.get(post.entry.data.author.id) ?? '')}</dc:creator>`,
    })),
  });
};
