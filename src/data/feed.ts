import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import { MDX_COMPONENTS } from '../components/mdx/index.ts';
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

async function createContainer(): Promise<AstroContainer> {
  const created = await AstroContainer.create();
  // MDX bodies render through MDX's JSX renderer, as they do on the pages.
  created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  return created;
}
const htmlCache = new Map<string, Promise<string>>();

async function renderPostHtml(post: Post, url: string): Promise<string> {
  const { Content } = await render(post.entry);
  const html = await (
    await (container ??= createContainer())
  ).renderToString(Content, {
    props: { components: MDX_COMPONENTS },
  });
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
