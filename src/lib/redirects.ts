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
];

/** Blogger's address of a label's posts: /search/label/Mobile Massage. */
export function getBloggerLabelPath(label: string): string {
  return `/search/label/${label}`;
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

/** The `_redirects` file Netlify and Cloudflare Pages read: permanent redirects, one per line. */
export function renderRedirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map(({ from, to }) => `${encodeOldPath(from)} ${encodeURI(to)} 301`).join('\n') + '\n';
}

/** The file a redirect page is written to: the address itself when it names a file, else its index.html. */
export function getRedirectFilePath(from: string): string {
  const path = from.replace(/^\/+/, '');
  return /\.[a-z0-9]+$/i.test(path) ? path : `${path.replace(/\/?$/, '/')}index.html`;
}
