/** Every internal URL of the site is built here, so pages, feeds and the sitemap agree. */

export function getPostPath(slug: string): string {
  return `/posts/${slug}/`;
}

export function getTagPath(tagSlug: string, page = 1): string {
  return page > 1 ? `/tags/${tagSlug}/${page}/` : `/tags/${tagSlug}/`;
}

export function getHomePath(page = 1): string {
  return page > 1 ? `/page/${page}/` : '/';
}

export function getPagePath(slug: string): string {
  return `/${slug}/`;
}

/** The anchor of a month in the archive, e.g. "#2025-05". */
export function getArchiveMonthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The drawn social card of a post without a hero image (see src/pages/social/). */
export function getSocialImagePath(slug: string): string {
  return `/social/posts/${slug}.png`;
}

/** The site's own social card, shared by every page that is not a post. */
export const SITE_SOCIAL_IMAGE_PATH = '/social/site.png';
export const ARCHIVE_PATH = '/archive/';
export const TAGS_PATH = '/tags/';
export const VIDEOS_PATH = '/videos/';
export const RSS_PATH = '/rss.xml';
export const SEARCH_PATH = '/search/';
export const ATOM_PATH = '/atom.xml';
export const JSON_FEED_PATH = '/feed.json';
/** Every comment on the site, newest first. */
export const COMMENTS_FEED_PATH = '/comments.xml';
/** The XSL stylesheet that shows an RSS or Atom feed as a readable page in a browser. */
export const FEED_STYLESHEET_PATH = '/feed.xsl';

/** The RSS feed of one tag's posts, e.g. /tags/sleep/rss.xml. */
export function getTagFeedPath(tagSlug: string): string {
  return `/tags/${tagSlug}/rss.xml`;
}

/** The RSS feed of the comments on one post, e.g. /posts/my-post/comments.xml. */
export function getPostCommentsFeedPath(slug: string): string {
  return `${getPostPath(slug)}comments.xml`;
}

/** The anchor of a comment on its post's page, e.g. "comment-01-ann". */
export function getCommentAnchor(commentId: string): string {
  return `comment-${commentId}`;
}

/** An absolute URL for a site path (or a URL already absolute) against the site's origin. */
export function toAbsoluteUrl(pathOrUrl: string, site: string | URL): string {
  return new URL(pathOrUrl, site).href;
}

/**
 * The path part of a URL or path, in the site's canonical form: no origin, query or fragment,
 * decoded, and ending in "/" unless it names a file (e.g. "/2023/05/post.html").
 */
export function normalizePath(pathOrUrl: string): string {
  let path: string;
  try {
    path = new URL(pathOrUrl, 'http://placeholder.invalid').pathname;
  } catch {
    path = pathOrUrl;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape stays as written rather than failing the whole lookup.
  }
  if (!path.startsWith('/')) path = `/${path}`;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  if (!lastSegment.includes('.') && !path.endsWith('/')) path = `${path}/`;
  return path;
}
