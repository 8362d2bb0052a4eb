/**
 * The feeds' items: every published post with its full body as HTML, and comments as items. Above
 * the data layer (src/data/), beside the pages: it renders MDX bodies with the components editors
 * write in them (src/components/mdx/), which the data layer must not know about.
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render } from 'astro:content';
import { cacheByKeyUnlessDev } from '../data/cache.ts';
import { MDX_COMPONENTS } from '../components/mdx/index.ts';
import { getFeedItemId, type FeedAuthor, type FeedChannel, type FeedEntry } from '../lib/feeds.ts';
import { absolutizeHtmlUrls } from '../lib/html.ts';
import { getCommentAnchor, toAbsoluteUrl } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { getCommentThreads } from '../data/comments.ts';
import { getLastModified, getPublishedPosts, type Post, type PostEntry } from '../data/posts.ts';
import { getAuthor } from '../data/site.ts';

export interface FeedPost {
  post: Post;
  /** Absolute URL of the post. */
  url: string;
  /** The post body as HTML with absolute links and image sources, for full-content feeds. */
  html: string;
  /** The post as an item of every post feed (RSS, Atom, JSON Feed, tag feeds). */
  entry: FeedEntry;
}

const FEED_ID_HOST = SITE.feedIdHost ?? new URL(SITE.url).hostname;

/**
 * The id of a post in every feed: the one its old blog's feed gave it (kept by the importer), else
 * one from its file, so a new title, date, tag or slug keeps it.
 */
export function getPostFeedId(post: Pick<Post, 'fileId' | 'feedId'>): string {
  return post.feedId ?? getFeedItemId(FEED_ID_HOST, SITE.feedIdDate, ['posts', post.fileId]);
}

/** The id of a comment in the comments feeds: its old feed id, else its post's file id and its own name. */
export function getCommentFeedId(postFileId: string, commentId: string, oldFeedId?: string): string {
  return oldFeedId ?? getFeedItemId(FEED_ID_HOST, SITE.feedIdDate, ['comments', postFileId, commentId]);
}

/** What every feed of the site says about itself; `path` is the feed's own address. */
export function getFeedChannel(
  site: URL | string,
  path: string,
  overrides: Partial<Pick<FeedChannel, 'title' | 'description' | 'homeUrl'>> = {},
): FeedChannel {
  return {
    title: SITE.title,
    description: SITE.description,
    language: SITE.language,
    homeUrl: toAbsoluteUrl('/', site),
    feedUrl: toAbsoluteUrl(path, site),
    // A feed with nothing in it yet is dated by the fixed feed-id date, never by the build.
    fallbackUpdated: new Date(`${SITE.feedIdDate}T00:00:00Z`),
    ...overrides,
  };
}

let container: Promise<AstroContainer> | undefined;

async function createContainer(): Promise<AstroContainer> {
  const created = await AstroContainer.create();
  // MDX bodies render through MDX's JSX renderer, as they do on the pages.
  created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
  return created;
}

/**
 * The HTML the content layer stored when it parsed a Markdown post: the same HTML the page shows,
 * with no render at all. Not for MDX (its components run only when rendered) nor for a post with
 * local images (stored as placeholders that only a render turns into optimised <img> tags).
 */
function getStoredHtml(entry: PostEntry): string | undefined {
  // MDX entries are rendered only on demand: the content layer stores no HTML for them.
  if (!entry.rendered || /\.mdx$/i.test(entry.filePath ?? '')) return undefined;
  if (entry.rendered.metadata?.imagePaths?.length) return undefined;
  return entry.rendered.html;
}

async function renderPostHtml(post: Post): Promise<string> {
  const stored = getStoredHtml(post.entry);
  if (stored !== undefined) return stored;
  const { Content } = await render(post.entry);
  return (await (container ??= createContainer())).renderToString(Content, {
    props: { components: MDX_COMPONENTS },
  });
}

const authorCache = new Map<string, Promise<FeedAuthor>>();
function getFeedAuthor(id: string): Promise<FeedAuthor> {
  let author = authorCache.get(id);
  if (!author) {
    author = getAuthor(id).then(({ data }) => ({ name: data.name, url: data.url }));
    authorCache.set(id, author);
  }
  return author;
}

async function toFeedPost(post: Post, site: URL | string): Promise<FeedPost> {
  const url = toAbsoluteUrl(post.path, site);
  const [html, author] = await Promise.all([
    renderPostHtml(post).then((body) => absolutizeHtmlUrls(body, url)),
    getFeedAuthor(post.author),
  ]);
  return {
    post,
    url,
    html,
    entry: {
      id: getPostFeedId(post),
      url,
      title: post.title,
      summary: post.description,
      html,
      published: post.pubDate,
      updated: getLastModified(post),
      authors: [author],
      tags: post.tags.map((tag) => tag.label),
      commentsUrl: `${url}#comments`,
      language: post.lang,
      reading: { minutes: post.readingMinutes, wordCount: post.wordCount },
    },
  };
}

const feedPostsBySite = cacheByKeyUnlessDev(async (site: string) =>
  Promise.all((await getPublishedPosts()).map((post) => toFeedPost(post, site))),
);

/**
 * Published posts with their full HTML, newest first: the one list every feed uses. Each body is
 * rendered (or read from the content layer) once per build, however many feeds carry it.
 */
export function getFeedPosts(site: URL | string): Promise<FeedPost[]> {
  return feedPostsBySite(String(site));
}

const tagFeedsBySite = cacheByKeyUnlessDev(async (site: string) => {
  const grouped = new Map<string, FeedEntry[]>();
  for (const { post, entry } of await getFeedPosts(site)) {
    for (const tag of post.tags) {
      const entries = grouped.get(tag.slug);
      if (entries) entries.push(entry);
      else grouped.set(tag.slug, [entry]);
    }
  }
  return grouped;
});

/**
 * The items of one tag's feed, newest first. The posts are grouped by tag once per build, so a tag's
 * feed does not go through every post.
 */
export async function getTagFeedEntries(site: URL | string, tagSlug: string): Promise<FeedEntry[]> {
  return (await tagFeedsBySite(String(site))).get(tagSlug) ?? [];
}

/**
 * Comments as feed items, newest first: every comment of the site, or only those on `onlyPost`
 * (which reads that post's comments alone, not every post's). Each links to its anchor on the
 * post's page and is titled with its author and post.
 */
export async function getCommentFeedEntries(site: URL | string, onlyPost?: Post): Promise<FeedEntry[]> {
  const [posts, threads] = await Promise.all([onlyPost ? [onlyPost] : getPublishedPosts(), getCommentThreads()]);
  const entries: FeedEntry[] = [];
  for (const post of posts) {
    const url = toAbsoluteUrl(post.path, site);
    for (const comment of (threads.get(post.slug) ?? []).flatMap((thread) => [thread, ...thread.replies])) {
      const commentUrl = `${url}#${getCommentAnchor(comment.id)}`;
      entries.push({
        id: getCommentFeedId(post.fileId, comment.id, comment.feedId),
        url: commentUrl,
        title: `${comment.author} on “${post.title}”`,
        html: absolutizeHtmlUrls(comment.html, url),
        published: comment.date,
        updated: comment.date,
        authors: [{ name: comment.author, url: comment.website }],
        tags: [],
      });
    }
  }
  return entries.sort((a, b) => b.published.getTime() - a.published.getTime() || a.id.localeCompare(b.id, 'en'));
}
