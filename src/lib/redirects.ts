import { groupByYearAndMonth } from './archive.ts';
import { getCalendarParts } from './dates.ts';
import { slugifyTag } from './slugs.ts';
import { getArchiveMonthId, getTagPath, ARCHIVE_PATH, TAGS_PATH } from './urls.ts';

/** An old address and where it now leads. */
export interface Redirect {
  from: string;
  to: string;
}

/** Addresses every Blogger blog had, and what serves their purpose here. */
export const BLOGGER_FIXED_REDIRECTS: readonly Redirect[] = [
  { from: '/feeds/posts/default', to: '/rss.xml' },
  { from: '/feeds/posts/summary', to: '/rss.xml' },
  { from: '/feeds/comments/default', to: '/comments.xml' },
  // Blogger's /search?q=... needs no redirect: the search page answers the same address and parameter.
  // The label address with no label (a reader trimming /search/label/Reflexology) lists the tags.
  { from: '/search/label/', to: '/tags/' },
];

/**
 * The old archive pages a Blogger blog had for a post published on `year`-`month`-`day` (its
 * calendar date in the blog's time zone; months 1 to 12). Blogger named each archive page after the
 * first day of the period it listed, `/2021_03_01_archive.html`, and the blog's setting chose the
 * period, so a post was listed on its month's page (the 1st) or its day's (`exact`), or on its
 * week's, which began on the Sunday or the Monday before it as the blog's locale began weeks
 * (`week`). A week's page may be named after a day of the month before: `exact` pages are the
 * better guess when two posts claim one address.
 */
export function getBloggerArchiveFiles(year: number, month: number, day: number): { exact: string[]; week: string[] } {
  const name = (date: Date) =>
    `/${String(date.getUTCFullYear()).padStart(4, '0')}_${String(date.getUTCMonth() + 1).padStart(2, '0')}_${String(date.getUTCDate()).padStart(2, '0')}_archive.html`;
  const daysBefore = (n: number) => new Date(Date.UTC(year, month - 1, day - n));
  const weekday = daysBefore(0).getUTCDay(); // 0 is Sunday
  return {
    exact: [...new Set([name(new Date(Date.UTC(year, month - 1, 1))), name(daysBefore(0))])],
    week: [...new Set([name(daysBefore(weekday)), name(daysBefore((weekday + 6) % 7))])],
  };
}

/** Where Blogger's label addresses start; everything after it is one label, as written. */
export const BLOGGER_LABEL_PREFIX = '/search/label/';

/**
 * Blogger's address of a label's posts, decoded: /search/label/Mobile Massage. Everything after
 * the prefix is the label, "/" included: Blogger wrote "TCP/IP" as /search/label/TCP%2FIP and
 * "../etc" as /search/label/..%2Fetc (see encodeRedirectFrom).
 */
export function getBloggerLabelPath(label: string): string {
  return `${BLOGGER_LABEL_PREFIX}${label}`;
}

/**
 * What nginx (and most web servers) compare an address by: decoded, runs of "/" merged, "." and
 * ".." segments resolved ("/search/label/../etc" → "/search/etc"); a final slash is kept.
 */
export function normalizeServerPath(decoded: string): string {
  const segments = decoded.split('/').slice(1);
  const out: string[] = [];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '..') out.pop();
    else if (segment !== '' && segment !== '.') out.push(segment);
    if (last && (segment === '' || segment === '.' || segment === '..')) out.push('');
  });
  return `/${out.join('/')}`;
}

/**
 * True when a server sees this old address (decoded) as written, so a redirect can be matched by
 * its decoded path and a redirect page written there: no empty, "." or ".." segment changes it,
 * and for a label address every "/" of the label lies between two other characters ("TCP/IP",
 * "a/b/c", but not "../etc", "/etc", "TCP/" or "a//b", which a server reads as other addresses);
 * /search/label/ itself is served as written.
 */
export function isServedAsWritten(from: string): boolean {
  // The label prefix alone (no label) is an ordinary folder address.
  if (from.startsWith(BLOGGER_LABEL_PREFIX) && from !== BLOGGER_LABEL_PREFIX) {
    return from
      .slice(BLOGGER_LABEL_PREFIX.length)
      .split('/')
      .every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  }
  return normalizeServerPath(from) === from;
}

/**
 * Merges redirect lists, earlier lists first: an address claimed twice keeps its first target, and
 * an address that is a real page of the site is never redirected.
 */
export function mergeRedirects(lists: readonly (readonly Redirect[])[], realPaths: ReadonlySet<string>): Redirect[] {
  const byFrom = new Map<string, Redirect>();
  for (const redirect of lists.flat()) {
    if (realPaths.has(redirect.from) || byFrom.has(redirect.from) || redirect.from === redirect.to) continue;
    byFrom.set(redirect.from, redirect);
  }
  return [...byFrom.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** One published post, as much as its old addresses are made of (from the data layer or from raw frontmatter). */
export interface PostAddressFacts {
  /** The post's address, `/posts/<slug>/`. */
  path: string;
  /** The address of its file name (`/posts/<file name>/`), which a post that sets a `slug` keeps. */
  filePath?: string | undefined;
  /** Its `redirectFrom`: older addresses of its own (site paths). */
  redirectFrom: readonly string[];
  /** Its tags as it writes them, each with its slug. */
  tags: readonly { label: string; slug: string }[];
  /** Its `oldLabels`: a Blogger label and the tag it became, or `''` for a label that was no tag. */
  oldLabels: Readonly<Record<string, string>>;
  /** Its publication date; none for a post whose date cannot be read (the content check meets such). */
  pubDate?: Date | undefined;
  /** Its `feedId`; Blogger's (`tag:blogger.com,…`) marks a post from Blogger. */
  feedId?: string | undefined;
}

/**
 * Every old address a site's content has and where each leads, as lists for mergeRedirects
 * (earlier lists first, so an address two rules claim keeps the first): the posts' and pages'
 * `redirectFrom`, a post's file-name address, Blogger's label address of every tag as each post
 * spells it (Blogger's label addresses are case-sensitive) and of each old label (a label that was
 * no tag leads to the one post that had it, else to the list of tags), the `/YYYY/` and `/YYYY/MM/`
 * archive addresses, the older archive pages of posts from Blogger (getBloggerArchiveFiles: only
 * such a blog had them), and BLOGGER_FIXED_REDIRECTS. `posts` are the published ones, newest first;
 * `timeZone` is the site's IANA zone, which sets each post's calendar date. The build writes these
 * (src/data/redirects.ts) and the content check counts them as pages a link may lead to.
 */
export function getContentRedirectLists(
  posts: readonly PostAddressFacts[],
  pages: readonly { path: string; redirectFrom: readonly string[] }[],
  timeZone: string,
): Redirect[][] {
  const dated = posts.flatMap((post) => (post.pubDate ? [{ ...post, pubDate: post.pubDate }] : []));
  const archive = groupByYearAndMonth(dated, timeZone).flatMap(({ year, months }) => [
    { from: `/${year}/`, to: `${ARCHIVE_PATH}#year-${year}` },
    ...months.map(({ month }) => ({
      from: `/${year}/${String(month).padStart(2, '0')}/`,
      to: `${ARCHIVE_PATH}#${getArchiveMonthId(year, month)}`,
    })),
  ]);
  const bloggerArchive = dated
    .filter((post) => post.feedId?.startsWith('tag:blogger.com,'))
    .map((post) => {
      const { year, month, day } = getCalendarParts(post.pubDate, timeZone);
      const to = `${ARCHIVE_PATH}#${getArchiveMonthId(year, month)}`;
      const files = getBloggerArchiveFiles(year, month, day);
      return { exact: files.exact.map((from) => ({ from, to })), week: files.week.map((from) => ({ from, to })) };
    });
  const oldLabels = posts.flatMap((post) => Object.entries(post.oldLabels).map(([old, tag]) => ({ old, tag, post })));
  const labelsThatWereNoTag = Map.groupBy(
    oldLabels.filter(({ tag }) => !tag),
    ({ old }) => old,
  );
  return [
    posts.flatMap((post) => post.redirectFrom.map((from) => ({ from, to: post.path }))),
    posts.flatMap((post) => (post.filePath ? [{ from: post.filePath, to: post.path }] : [])),
    pages.flatMap((page) => page.redirectFrom.map((from) => ({ from, to: page.path }))),
    posts.flatMap((post) =>
      post.tags.map((tag) => ({ from: getBloggerLabelPath(tag.label), to: getTagPath(tag.slug) })),
    ),
    oldLabels
      .filter(({ tag }) => tag)
      .map(({ old, tag }) => ({ from: getBloggerLabelPath(old), to: getTagPath(slugifyTag(tag)) })),
    [...labelsThatWereNoTag].map(([old, had]) => ({
      from: getBloggerLabelPath(old),
      to: had.length === 1 ? had[0]!.post.path : TAGS_PATH,
    })),
    archive,
    bloggerArchive.flatMap((files) => files.exact),
    bloggerArchive.flatMap((files) => files.week),
    [...BLOGGER_FIXED_REDIRECTS],
  ];
}

/** The HTML a static host serves at an old address: an instant refresh, with the canonical URL. */
export function renderRedirectPage(target: string, language: string): string {
  const href = target.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>This page has moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${href}">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<p>This page has moved to <a href="${href}">${href}</a>.</p>
</body>
</html>
`;
}

/**
 * An old address as a URL path: what encodeURI encodes, and also `#` and `?`, which a label such as
 * "C#" or "Q&A?" holds (an old address is a path only: a server never sees a fragment). Read it back
 * with decodeURIComponent. A target keeps its fragment (`/archive/#2024-09`), so it is encodeURI'd.
 */
export function encodeOldPath(path: string): string {
  return encodeURI(path).replace(/[#?]/g, (char) => encodeURIComponent(char));
}

/**
 * An old address (decoded) as links carry it: a label address's label is one segment, encoded
 * whole as Blogger did ("TCP/IP" → /search/label/TCP%2FIP, "C++" → /search/label/C%2B%2B, a
 * newline → %0A); any other address as encodeOldPath does. Read it back with decodeURIComponent.
 */
export function encodeRedirectFrom(from: string): string {
  return from.startsWith(BLOGGER_LABEL_PREFIX)
    ? `${BLOGGER_LABEL_PREFIX}${encodeURIComponent(from.slice(BLOGGER_LABEL_PREFIX.length))}`
    : encodeOldPath(from);
}

/** The `_redirects` file Netlify and Cloudflare Pages read: permanent redirects, one per line. */
export function renderRedirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map(({ from, to }) => `${encodeRedirectFrom(from)} ${encodeURI(to)} 301`).join('\n') + '\n';
}

/**
 * The file a redirect page is written to: the address itself when it names a file, else its
 * index.html; a label address always names a folder ("Node.js", ".NET" are labels, not files).
 * Undefined when a server would not read the address as written (isServedAsWritten: "../etc"),
 * since a page there would answer another address, or when a name in it is longer than a file name
 * can be (255 bytes); _redirects and nginx still redirect it.
 */
export function getRedirectFilePath(from: string): string | undefined {
  if (!isServedAsWritten(from)) return undefined;
  const path = from.replace(/^\/+/, '');
  // A folder or file name holds 255 bytes on common file systems: a longer label (Blogger allows 200
  // characters, 3 bytes each in Thai) cannot be a page; _redirects and nginx still redirect it.
  if (path.split('/').some((name) => new TextEncoder().encode(name).length > MAX_FILE_NAME_BYTES)) return undefined;
  const isFile = !from.startsWith(BLOGGER_LABEL_PREFIX) && /\.[a-z0-9]+$/i.test(path);
  return isFile ? path : `${path.replace(/\/?$/, '/')}index.html`;
}

/** The longest file or folder name, in UTF-8 bytes, on common file systems (ext4, APFS, NTFS). */
const MAX_FILE_NAME_BYTES = 255;

/**
 * A PCRE pattern (for nginx's `~*`, case-insensitive) matching the raw request line's path of an
 * old address the server does not see as written (isServedAsWritten), in every spelling a link
 * may carry: each character raw or percent-encoded (hex in either case), a space also as "+",
 * letters in any case, a final slash or not, then any query string. Only hex escapes and the
 * characters [a-z0-9%/] appear in it, so it needs no quoting beyond the config string's own.
 */
export function getRequestUriPattern(from: string): string {
  const prefix = from.startsWith(BLOGGER_LABEL_PREFIX) ? BLOGGER_LABEL_PREFIX : '/';
  const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');
  const spell = (char: string) => {
    const bytes = [...new TextEncoder().encode(char)];
    const encoded = bytes.map((byte) => `%${hex(byte)}`).join('');
    if (/^[a-z0-9]$/i.test(char)) return char;
    if (char === ' ') return '(?:%20|\\x2B)';
    // Printable ASCII may come raw; anything else (controls, other scripts) comes percent-encoded.
    return bytes.length === 1 && bytes[0]! > 0x20 && bytes[0]! < 0x7f ? `(?:\\x${hex(bytes[0]!)}|${encoded})` : encoded;
  };
  const rest = [...from.slice(prefix.length)].map(spell).join('');
  return `^${prefix}${rest}/?(?:\\?.*)?$`;
}

/**
 * The other spellings of a label address a reader's link may carry, decoded: the label in lower
 * and in upper case ("C++" → "c++"; Blogger's addresses were case-sensitive, links to them are
 * not), and each with "+" for its spaces ("Mobile Massage" → "Mobile+Massage"). Percent-encoding
 * needs none: a server decodes %2B and %2b alike. [] for any other address.
 */
export function getLabelAddressVariants(from: string): string[] {
  if (!from.startsWith(BLOGGER_LABEL_PREFIX)) return [];
  const label = from.slice(BLOGGER_LABEL_PREFIX.length);
  const spellings = [label, label.toLowerCase(), label.toUpperCase()].flatMap((l) => [l, l.replaceAll(' ', '+')]);
  return [...new Set(spellings.map(getBloggerLabelPath))].filter((path) => path !== from);
}

/** The redirects a server such as nginx answers: by decoded path, and by the request as sent. */
export interface ServerRedirects {
  /** Matched by the decoded path (nginx `location =`). */
  exact: Redirect[];
  /** Matched by the raw request line (nginx `$request_uri ~*`), see getRequestUriPattern. */
  byRequest: { pattern: string; to: string }[];
}

/**
 * What a server answers for the build's redirects (`written`, decoded, from _redirects), first
 * claim winning: each old address a server sees as written by its decoded path; the other address
 * of a folder (with or without its final slash) unless `isRealPage` says the build has a page
 * there; the other spellings of a label address (getLabelAddressVariants), slash or not; and each
 * address a server would read as another ("/search/label/..%2Fetc") by the request as sent.
 */
export function planServerRedirects(
  written: readonly Redirect[],
  isRealPage: (path: string) => boolean,
): ServerRedirects {
  const plain = written.filter(({ from }) => from && isServedAsWritten(from));
  const otherSlash = ({ from, to }: Redirect): Redirect[] => {
    const isFile = !from.startsWith(BLOGGER_LABEL_PREFIX) && /\.[a-z0-9]+$/i.test(from);
    if (isFile || from === '/') return [];
    const other = from.endsWith('/') ? from.replace(/\/+$/, '') : `${from}/`;
    return isRealPage(other) ? [] : [{ from: other, to }];
  };
  const variants = plain.flatMap(({ from, to }) => getLabelAddressVariants(from).map((v) => ({ from: v, to })));
  const seen = new Set<string>();
  const exact = [...plain, ...plain.flatMap(otherSlash), ...variants, ...variants.flatMap(otherSlash)].filter(
    ({ from }) => {
      if (seen.has(from)) return false;
      seen.add(from);
      return true;
    },
  );
  const byRequest = written
    .filter(({ from }) => from && !isServedAsWritten(from))
    .map(({ from, to }) => ({ pattern: getRequestUriPattern(from), to }));
  return { exact, byRequest };
}
