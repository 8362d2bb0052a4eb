import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import { absolutizeHtmlUrls } from '../lib/html.ts';
import { toAbsoluteUrl } from '../lib/urls.ts';
import { getPublishedPosts, type Post } from './posts.ts';

export interface FeedPost {
  post: Post;
  /** Absolute URL of the post. */
  url: string;
  /** The post body as HTML with absolute links and image sources, for full-content feeds. */
  html: string;
}

let container: Promise<AstroContainer> | undefined;
const htmlCache = new Map<string, Promise<string>>();

async function renderPostHtml(post: Post, url: string): Promise<string> {
  const { Content } = await render(post.entry);
  const html = await (await (container ??= AstroContainer.create())).renderToString(Content);
  return absolutizeHtmlUrls(html, url);
}

/** Published posts with their full HTML, newest first; each body is rendered once per build. */
export async function getFeedPosts(site: URL | string): Promise<FeedPost[]> {
  return Promise.all(
    (await getPublishedPosts()).map(async (post) => {
      const url = toAbsoluteUrl(post.path, site);
      const key = `${url}|${post.entry.digest ?? ''}`;
      let html = htmlCache.get(key);
      if (!html) {
        html = renderPostHtml(post, url);
        htmlCache.set(key, html);
      }
      return { post, url, html: await html };
    }),
  );
}
