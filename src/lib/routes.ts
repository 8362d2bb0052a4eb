/**
 * The registry of the site's fixed routes and feeds: every path below is spelled here only, and
 * every consumer reads it (link building in urls.ts, the content check's list of known paths, the
 * head's <link rel="alternate"> list, the feeds page, the _headers and nginx content types).
 *
 * To add a feed format: add it to MAIN_FEEDS, and write its route in src/pages/ (e.g.
 * src/pages/feed.xml.ts); the head, the feeds page, the content check and the server
 * configurations follow from this list.
 */

export const ARCHIVE_PATH = '/archive/';
export const TAGS_PATH = '/tags/';
export const VIDEOS_PATH = '/videos/';
export const SEARCH_PATH = '/search/';
/**
 * The page that explains the feeds to people (what a feed is, each address to copy, buttons for common
 * readers). The feed files stay plain XML and JSON: browsers are dropping XSLT.
 */
export const FEEDS_PAGE_PATH = '/feeds/';
export const RSS_PATH = '/rss.xml';
export const ATOM_PATH = '/atom.xml';
export const JSON_FEED_PATH = '/feed.json';
/** Every comment on the site, newest first. */
export const COMMENTS_FEED_PATH = '/comments.xml';
/** Written by @astrojs/sitemap. */
export const SITEMAP_PATH = '/sitemap-index.xml';
export const ROBOTS_PATH = '/robots.txt';
/** The site's own social card, shared by every page that is not a post. */
export const SITE_SOCIAL_IMAGE_PATH = '/social/site.png';

/** The media type of RSS 2.0, for the feeds of the whole site, of a tag and of a post's comments. */
export const RSS_MEDIA_TYPE = 'application/rss+xml';

/** A format of the site's main feed (every published post, newest first). */
export interface FeedFormat {
  /** The feed's path, e.g. "/rss.xml"; its route is the file of that name in src/pages/. */
  path: string;
  /** The format's name as readers know it, e.g. "Atom"; shown in link titles and on the feeds page. */
  name: string;
  /** Its IANA media type, for <link rel="alternate" type> and the server's gzip list. */
  mediaType: string;
  /**
   * The Content-Type a host must send when the file's extension alone gives the wrong one (.json
   * is served as application/json); undefined keeps the host's type. RSS and Atom keep the XML
   * type hosts give .xml, which every feed reader accepts and a browser shows as a document.
   */
  contentType?: string | undefined;
  /** The id of its address box on the feeds page. */
  id: string;
  /** Its label on the feeds page. */
  label: string;
}

/** The main feed in every format the site offers, the first one being the one to recommend. */
export const MAIN_FEEDS: readonly FeedFormat[] = [
  { path: RSS_PATH, name: 'RSS', mediaType: RSS_MEDIA_TYPE, id: 'rss', label: 'RSS (works with every reader)' },
  { path: ATOM_PATH, name: 'Atom', mediaType: 'application/atom+xml', id: 'atom', label: 'Atom' },
  {
    path: JSON_FEED_PATH,
    name: 'JSON Feed',
    mediaType: 'application/feed+json',
    contentType: 'application/feed+json; charset=utf-8',
    id: 'json-feed',
    label: 'JSON Feed',
  },
];

/** Paths that always exist in a build, whatever the content: a link to one of them is never broken. */
export const FIXED_ROUTES: readonly string[] = [
  '/',
  ARCHIVE_PATH,
  TAGS_PATH,
  VIDEOS_PATH,
  SEARCH_PATH,
  FEEDS_PAGE_PATH,
  ...MAIN_FEEDS.map((feed) => feed.path),
  COMMENTS_FEED_PATH,
  SITEMAP_PATH,
  ROBOTS_PATH,
];

/** Files whose extension alone does not give the right Content-Type, by path (see FeedFormat.contentType). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  MAIN_FEEDS.flatMap((feed) => (feed.contentType ? [[feed.path, feed.contentType]] : [])),
);
