import { distance } from 'fastest-levenshtein';
import { toASCII } from 'tr46';

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

/** The drawn social card of a post without a hero image (drawn by src/integrations/social-images.ts). */
export function getSocialImagePath(slug: string): string {
  return `/social/posts/${slug}.png`;
}

// The fixed paths are defined once, in the routes registry; links are built from this module.
export {
  ARCHIVE_PATH,
  ATOM_PATH,
  COMMENTS_FEED_PATH,
  FEEDS_PAGE_PATH,
  JSON_FEED_PATH,
  ROBOTS_PATH,
  RSS_PATH,
  SEARCH_PATH,
  SITE_SOCIAL_IMAGE_PATH,
  SITEMAP_PATH,
  TAGS_PATH,
  VIDEOS_PATH,
} from './routes.ts';

/** The RSS feed of one tag's posts, e.g. /tags/sleep/rss.xml. */
export function getTagFeedPath(tagSlug: string): string {
  return `/tags/${tagSlug}/rss.xml`;
}

/** The RSS feed of the comments on one post, e.g. /posts/my-post/comments.xml. */
export function getPostCommentsFeedPath(slug: string): string {
  return `${getPostPath(slug)}comments.xml`;
}

/**
 * The page that tells a reader their comment on this post arrived and awaits moderation, with a
 * link back to the post, e.g. /comments/received/my-post/. The comment inbox redirects there after
 * storing a comment; only builds with the inbox have these pages (see the comment manifest).
 */
export function getCommentReceivedPath(slug: string): string {
  return `/comments/received/${slug}/`;
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

/**
 * Where a URL is written, which decides what it may be:
 * - `link`: the target of a link a reader follows (`<a href>`, Markdown `[text](target)`): a web
 *   address, a path on this site, a relative path, a `#fragment`, `mailto:` or `tel:`.
 * - `resource`: something the page loads (`<img src>`, `srcset`, `<video src poster>`, `<audio>`,
 *   `<source>`, `<track>`, `<iframe>`, `<object data>`): a web address, a site or relative path, or
 *   a `data:image/…` picture.
 * - `absolute`: a field that must hold a full address on its own, because it is shown or sent away
 *   from the page it was written on (`sources[].url`, an author's `url`, a commenter's `website`):
 *   an `http://` or `https://` address only.
 */
export type UrlUse = 'link' | 'resource' | 'absolute';

/** What a usable URL is: see judgeUrl. */
export type UrlKind = 'web' | 'site-path' | 'relative' | 'fragment' | 'mailto' | 'tel' | 'data-image';

/**
 * judgeUrl's answer. When `ok` is false, `problem` continues a sentence that starts with the URL in
 * quotes (`"http://" is not a valid web address: nothing follows "http://"`), `fix` says what to
 * write instead, and `suggestion`, when there is one, is the address the writer most likely meant
 * (`htp://x` → `http://x`), which a tool may offer or apply.
 */
export type UrlVerdict =
  { ok: true; kind: UrlKind } | { ok: false; problem: string; fix: string; suggestion?: string | undefined };

// Characters no one can see or type on purpose: C0 and C1 controls, zero-width characters, bidi
// controls and the byte-order mark. The URL parser silently drops tabs and newlines, so
// "java\nscript:" would become "javascript:"; any of them in a written address is a mistake.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
// Schemes that run code or hide a document inside the link.
const CODE_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'data']);
// Schemes that point at something only the writer's own computer or browser can open.
const LOCAL_SCHEMES = new Set([
  'file',
  'blob',
  'filesystem',
  'about',
  'chrome',
  'chrome-extension',
  'view-source',
  'jar',
  'content',
  'res',
  'resource',
  'moz-extension',
  'ms-appx',
  'ms-settings',
  'smb',
]);
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i;
// A relative path whose first part looks like a domain name ("example.com/page"): the https:// was forgotten.
const BARE_DOMAIN =
  /^(?:www\.[^/\s]+|[^/\s.]+(?:\.[^/\s.]+)*\.(?:com|org|net|io|co|uk|de|fr|es|it|nl|eu|info|biz|edu|gov|me|app|dev|blog|cn|jp|ru|au|ca|us))(?:[/?#:]|$)/i;
const PAIRS: [string, string][] = [
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
];

/** "a" or "an" before a scheme name as read aloud ("an ftp: address", "a sms: address"). */
const article = (scheme: string) =>
  /^[aeiou]/.test(scheme) || /^(?:ftp|sftp|sms|smb|ssh|svn|mms|rtsp|nntp|xmpp|irc|fb)$/.test(scheme) ? 'an' : 'a';

const unicodeName = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Whether a scheme is most likely http or https mistyped ("htp", "hhtp", "htps", "hxxp"). */
function isSchemeTypo(scheme: string, exact: boolean): boolean {
  if (/^hxxps?$/.test(scheme)) return true;
  if (exact && (scheme === 'http' || scheme === 'https')) return true;
  return (
    scheme.length >= 3 && /^[htp]/.test(scheme) && Math.min(distance(scheme, 'http'), distance(scheme, 'https')) <= 2
  );
}

/** The scheme a mistyped one was meant to be: https when it ends in "s". */
const secureFor = (scheme: string) => (/s$/i.test(scheme) ? 'https' : 'http');

const bad = (problem: string, fix: string, suggestion?: string): UrlVerdict => ({
  ok: false,
  problem,
  fix: suggestion ? `write ${suggestion}${fix ? ` (${fix})` : ''}` : fix,
  ...(suggestion ? { suggestion } : {}),
});

const WRITE_FULL = 'write the whole address, e.g. https://example.com/page, or remove the link';
const REAL_ADDRESS = "write the site's real address, e.g. https://example.com/, or remove the link and keep its text";

/**
 * A "\\" in the path of an address (value.slice(start, end)): browsers read it as "/", but Markdown
 * sends it as %5C, a different page. One at the very end is a slip of the key next to Enter, and
 * is left out; any other is a "/" typed the Windows way.
 */
function misplacedBackslash(value: string, start: number, end: number, prefix: string): UrlVerdict {
  const path = value.slice(start, end);
  if (end === value.length && path.indexOf('\\') === path.length - 1) {
    return bad(`${prefix}ends with a backslash (\\), which is most likely a typing slip`, '', value.slice(0, -1));
  }
  return bad(
    `${prefix}has a backslash (\\) where a "/" belongs`,
    '',
    value.slice(0, start) + path.replace(/\\/g, '/') + value.slice(end),
  );
}

/** Unmatched brackets in the part after the host, e.g. a ")" that Markdown left at the end. */
function findUnmatchedBracket(text: string): string | undefined {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const char of text) {
      if (char === open) depth += 1;
      else if (char === close && (depth -= 1) < 0) return close;
    }
    if (depth > 0) return open;
  }
  return undefined;
}

/**
 * The rules a host name must follow, from UTS #46 (Unicode IDNA processing, the algorithm the URL
 * Standard runs on every host, in its strict form): letters, digits and "-" only (STD3 rules, which
 * refuse "_"), no part empty or longer than 63 characters, valid xn-- parts, and the rules for
 * right-to-left scripts and joiners. International names (bücher.de, 例子.中国) pass. Its CheckHyphens
 * is left off: it also refuses "--" as third and fourth characters, which real hosts have
 * (r3---sn-4g5e6nsz.googlevideo.com); the part of it that RFC 952/1123 make a rule of every host
 * name, no part starting or ending with "-", is checked by HYPHEN_AT_EDGE.
 */
const HOST_NAME_RULES = {
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  verifyDNSLength: true,
} as const;
const HYPHEN_AT_EDGE = /(?:^|\.)-|-(?:\.|$)/;

const CHECK_ADDRESS =
  "check the site's real address (copy it from the browser's address bar), or remove the link and keep its text";

/** A list of quoted characters in words: "_", "_" and "!", "_", "!" and "*". */
const quoteAll = (chars: string[]) =>
  chars.length === 1
    ? `"${chars[0]}"`
    : `${chars
        .slice(0, -1)
        .map((char) => `"${char}"`)
        .join(', ')} and "${chars.at(-1)}"`;

/**
 * Why a host name no site can have is refused, or undefined when it is a real name (see
 * HOST_NAME_RULES; tr46 decides, the written name only chooses the words).
 *
 * @param host the host as the URL parser read it (lower case, international parts as xn--)
 * @param value the whole address as written
 * @param rawHost the host as written in `value` (%-escapes kept), replaced in a suggestion
 * @param shownHost the host as written, escapes decoded, as the message shows it
 */
function judgeHostName(host: string, value: string, rawHost: string, shownHost: string): UrlVerdict | undefined {
  // One final dot ends a fully qualified name (https://example.com./) and is no empty part.
  const name = host.replace(/\.$/, '');
  if (toASCII(name, HOST_NAME_RULES) !== null && !HYPHEN_AT_EDGE.test(name)) return undefined;
  const dots = /[.\u3002\uFF0E\uFF61]/u;
  const labels = shownHost.replace(new RegExp(`${dots.source}$`, 'u'), '').split(dots);
  const refused = (what: string, fix: string, suggestion?: string) =>
    bad(`is not a valid web address: ${what}`, fix, suggestion);
  if (labels.includes('')) {
    const joined = rawHost.replace(/\.{2,}/g, '.').replace(/^\./, '');
    // "example..com" → "example.com"; ".com" and "www..com" have lost the site's name, which no one can guess.
    const repaired = joined !== rawHost && joined.replace(/^www\./i, '').includes('.');
    return refused(
      labels[0] === ''
        ? `its host name "${shownHost}" starts with a dot, so the site's name before it is missing`
        : `its host name "${shownHost}" has two dots in a row`,
      repaired ? '' : "write the site's whole name, e.g. https://example.com/, or remove the link and keep its text",
      repaired ? value.replace(rawHost, joined) : undefined,
    );
  }
  const label = labels.find((part) => toASCII(part, HOST_NAME_RULES) === null || /^-|-$/.test(part));
  if (label === undefined) {
    return refused(`its host name "${shownHost}" is not a name a site can have`, CHECK_ADDRESS);
  }
  const wrongChars = [...new Set([...label].filter((char) => char !== '-' && toASCII(char, HOST_NAME_RULES) === null))];
  if (wrongChars.length > 0) {
    const hyphenated = value.replace(rawHost, rawHost.replace(/_/g, '-'));
    const maybeHyphen = wrongChars.every((char) => char === '_') && judgeWritten(hyphenated, 'link').ok;
    return refused(
      `its host name "${shownHost}" has ${quoteAll(wrongChars)}, which a host name cannot have (only letters, digits, "-" and dots)`,
      maybeHyphen
        ? `check the site's real address: perhaps ${hyphenated}, with "-" instead of "_"; or remove the link and keep its text`
        : CHECK_ADDRESS,
    );
  }
  if ([...label].length > 63) {
    return refused(
      `its host name has "${label.slice(0, 20)}…", longer than the 63 characters allowed between two dots`,
      CHECK_ADDRESS,
    );
  }
  const starts = label.startsWith('-');
  const ends = label.endsWith('-');
  if (starts || ends) {
    const where = starts && ends ? 'start and end' : starts ? 'start' : 'end';
    return refused(
      `its host name "${shownHost}" has "-" at the ${where} of "${label}", which a host name cannot`,
      CHECK_ADDRESS,
    );
  }
  if (/^xn--/i.test(label)) {
    return refused(
      `its host name "${shownHost}" has "${label}", which is not a valid international name`,
      CHECK_ADDRESS,
    );
  }
  return refused(`its host name "${shownHost}" has "${label}", which no site's name can have`, CHECK_ADDRESS);
}

function judgeWebAddress(value: string, scheme: string): UrlVerdict {
  const afterScheme = value.slice(scheme.length + 1);
  if (!/^\/\/(?![/\\])/.test(afterScheme)) {
    const rest = afterScheme.replace(/^[/\\]*/, '');
    return bad(
      `is not a valid web address: "${scheme}:" must be followed by exactly two slashes`,
      rest ? '' : WRITE_FULL,
      rest ? `${scheme}://${rest}` : undefined,
    );
  }
  const authority = afterScheme.slice(2).split(/[/?#\\]/, 1)[0]!;
  if (authority === '' || authority === ':' || /^:\d*$/.test(authority)) {
    return bad(`is not a valid web address: nothing names a site after "${scheme}://"`, WRITE_FULL);
  }
  const path = afterScheme.slice(2 + authority.length).split(/[?#]/, 1)[0]!;
  if (path.includes('\\')) {
    const start = value.length - afterScheme.length + 2 + authority.length;
    return misplacedBackslash(value, start, start + path.length, 'is not a valid web address: it ');
  }
  if (authority.includes('@')) {
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    return bad(
      `hides a user name or password before "@", so it really leads to ${host}, which readers cannot tell`,
      'remove the part before the "@"',
      `${scheme}://${value.slice(scheme.length + 3 + authority.length - host.length)}`,
    );
  }
  const rawHost = authority.replace(/:\d*$/, '');
  let decodedHost = rawHost;
  try {
    decodedHost = decodeURIComponent(rawHost);
  } catch {
    // A broken %-escape stays as written; the parser below refuses it.
  }
  if (/\s/.test(decodedHost)) {
    const joined = decodedHost.replace(/\s+/g, '');
    return bad(
      `is not a valid web address: its host name "${decodedHost}" has spaces, and a host name cannot`,
      /\./.test(joined) ? '' : REAL_ADDRESS,
      /\./.test(joined) ? value.replace(rawHost, joined) : undefined,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    const port = /:(\d*)$/.exec(authority)?.[1];
    if (port !== undefined && (port === '' || Number(port) > 65535)) {
      return bad(
        `is not a valid web address: its port "${port}" is not a number from 0 to 65535`,
        'remove the ":" and the port, or fix it',
      );
    }
    const wrongChars = [
      ...new Set([...decodedHost].filter((char) => !/[.-]/.test(char) && toASCII(char, HOST_NAME_RULES) === null)),
    ];
    return bad(
      `is not a valid web address: its host name "${decodedHost}" has ${wrongChars.length > 0 ? quoteAll(wrongChars) : 'characters'}, which a host name cannot have (only letters, digits, "-" and dots)`,
      CHECK_ADDRESS,
    );
  }
  const host = url.hostname;
  if (!host.startsWith('[')) {
    const misnamed = judgeHostName(host, value, rawHost, decodedHost);
    if (misnamed) return misnamed;
    if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '0.0.0.0') {
      return bad(
        `points at "${host}", which is each reader's own computer`,
        "link to the site's public address instead",
      );
    }
    if (/^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/.test(host)) {
      return bad(
        `points at "${host}", a private network address readers cannot reach`,
        "link to the site's public address instead",
      );
    }
    if (!host.includes('.')) {
      return bad(
        `is not a usable web address: its host name "${host}" has no domain ending such as .com`,
        REAL_ADDRESS,
      );
    }
  } else if (host === '[::1]') {
    return bad(`points at "${host}", which is each reader's own computer`, "link to the site's public address instead");
  }
  const rest = value.slice(scheme.length + 3 + authority.length);
  const unmatched = findUnmatchedBracket(rest);
  if (unmatched) {
    const trimmed = rest.endsWith(unmatched) ? value.slice(0, -1) : undefined;
    return bad(
      `has an unmatched "${unmatched}", which is most likely a typing slip`,
      trimmed ? '' : 'check where the address ends',
      trimmed,
    );
  }
  const badEscape = /%(?![0-9a-f]{2})/i.exec(rest);
  if (badEscape) {
    return bad(
      'has a "%" that is not followed by two hexadecimal digits',
      'write %25 for a percent sign',
      value.slice(0, value.length - rest.length) + rest.replace(/%(?![0-9a-f]{2})/gi, '%25'),
    );
  }
  return { ok: true, kind: 'web' };
}

/**
 * Judges a URL as the site needs it where it is written (see UrlUse), without any I/O: the one rule
 * for the content check, the feeds, reader comments and the importers.
 *
 * Usable: an absolute http(s) address whose host is a real public name (IDN hosts such as
 * https://bücher.example/ and any script in the path are fine; a space in a path is fine, the
 * browser encodes it), a site path (/posts/x/), a relative path (./photo.jpg), a #fragment, a
 * mailto: with an address, a tel: with a number, and for a `resource` a data:image/… picture.
 *
 * Refused, with what is wrong and what to write: an empty address or a lone "#"; invisible or
 * control characters; "http://" with no host, a host with spaces (written or as %20), a host name
 * no site can have (judged by tr46, see HOST_NAME_RULES: "-bad-.com", "exa_mple.com", an empty part
 * as in "example..com" or ".com", a part over 63 characters), a host without a dot, localhost and
 * private network addresses, a bad port, a user name or password before "@"; the wrong number of
 * slashes, a backslash in the host or path (one at the end is a slip and is left out), a misspelt
 * scheme ("htp://", "https//", "hxxp://"); an unmatched bracket; a "%" not followed by two hex
 * digits; a domain written without its scheme ("www.example.com"); schemes that run code
 * (javascript:, vbscript:, data: outside images), schemes that only open on the writer's own
 * computer (file:, blob:, C:\\…) and any other scheme; and, for `absolute`, anything that is not a
 * full http(s) address. The rules follow the WHATWG URL Standard (the parser browsers use), made
 * stricter where a browser would guess: a reader should get the page the writer meant. A
 * `suggestion` is always an address this function accepts (see settle).
 *
 * @param value the URL as written (surrounding ASCII whitespace is ignored, as browsers do)
 * @param use where it is written; `link` by default
 */
export function judgeUrl(value: string, use: UrlUse = 'link'): UrlVerdict {
  const verdict = settle(judgeWritten(value, use), use);
  if (verdict.ok || use === 'link') return verdict;
  const instead = use === 'absolute' ? 'or delete the field' : 'or remove it';
  return { ...verdict, fix: verdict.fix.replace(/or remove the link(?: and keep its text)?/, instead) };
}

/**
 * A refusal whose suggestion is itself a usable address. Each rule repairs one slip, so the address
 * it suggests may still have another ("www.example..com" → "https://www.example..com"): then that
 * one is repaired too and named in the problem ("…, and its host name … has two dots in a row";
 * write https://www.example.com), or, when no repair is left to offer ("http://.com" → "http://com",
 * "https:/x" → "https://x"), the suggestion is dropped and the fix of what remains is given instead.
 */
function settle(verdict: UrlVerdict, use: UrlUse, depth = 0): UrlVerdict {
  if (verdict.ok || verdict.suggestion === undefined) return verdict;
  const next = judgeWritten(verdict.suggestion, use);
  if (next.ok) return verdict;
  const rest = next.problem.replace(/^is not a (?:valid|usable) web address: /, '');
  // "…, and …" unless the first problem already has an "and" of its own ("has spaces, and a host name cannot").
  const also = verdict.problem.includes(', and ')
    ? `${verdict.problem}; also, ${rest}`
    : `${verdict.problem}, and ${rest}`;
  const further = depth < 3 && next.suggestion !== undefined ? settle(next, use, depth + 1) : undefined;
  if (further && !further.ok && further.suggestion !== undefined) {
    return {
      ok: false,
      problem: also,
      fix: verdict.fix.replace(`write ${verdict.suggestion}`, `write ${further.suggestion}`),
      suggestion: further.suggestion,
    };
  }
  return { ok: false, problem: also, fix: next.suggestion === undefined ? next.fix : WRITE_FULL };
}

function judgeWritten(value: string, use: UrlUse): UrlVerdict {
  const written = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  const removeWhat = use === 'resource' ? 'remove it' : 'remove the link';
  if (written === '') {
    return bad(
      'is empty',
      use === 'absolute'
        ? 'write a full web address starting with https://, or delete the field'
        : `write the address it should lead to, or ${removeWhat}`,
    );
  }
  const invisible = INVISIBLE.exec(written);
  if (invisible) {
    const cleaned = written.replace(new RegExp(INVISIBLE.source, 'gu'), '');
    return bad(
      `contains an invisible character (${unicodeName(invisible[0])}), which browsers drop or refuse`,
      'retype the address',
      cleaned || undefined,
    );
  }
  if (/^[a-z]:[\\/]/i.test(written) || written.startsWith('\\\\')) {
    return bad(
      "is a file on the writer's own computer, which readers cannot open",
      'put the file on the site (next to the post, or in public/) and use its path, or link to a web page',
    );
  }
  const schemeMatch = SCHEME.exec(written);
  if (!schemeMatch) {
    const missingColon = /^([a-z]{2,6})[;,.]?\/\/(?=[^/])/i.exec(written);
    if (missingColon && isSchemeTypo(missingColon[1]!.toLowerCase(), true)) {
      const rest = written.slice(missingColon[0].length);
      return bad(
        'is not a valid web address: the scheme is misspelt (it needs "://")',
        '',
        `${secureFor(missingColon[1]!)}://${rest}`,
      );
    }
    if (written.startsWith('//')) {
      if (use === 'absolute')
        return written === '//'
          ? bad('has no scheme and no host', WRITE_FULL)
          : bad('has no scheme', '', `https:${written}`);
      const verdict = judgeWebAddress(`https:${written}`, 'https');
      return verdict.ok ? verdict : bad(verdict.problem.replace('"https://"', '"//"'), verdict.fix);
    }
    if (use === 'absolute') {
      return bad(
        'is not a full web address',
        BARE_DOMAIN.test(written) ? '' : 'write the whole address, starting with https://',
        BARE_DOMAIN.test(written) ? `https://${written}` : undefined,
      );
    }
    if (written.startsWith('#')) {
      return written === '#'
        ? bad('leads nowhere (a "#" alone)', `write the address it should lead to, or ${removeWhat}`)
        : { ok: true, kind: 'fragment' };
    }
    if (use === 'link' && BARE_DOMAIN.test(written)) {
      return bad('is missing "https://", so it would lead to a page of this site', '', `https://${written}`);
    }
    if (written.includes('\\')) return misplacedBackslash(written, 0, written.length, '');
    const unmatched = findUnmatchedBracket(written);
    if (unmatched)
      return bad(`has an unmatched "${unmatched}", which is most likely a typing slip`, 'check where the address ends');
    if (/%(?![0-9a-f]{2})/i.test(written)) {
      return bad(
        'has a "%" that is not followed by two hexadecimal digits',
        '',
        written.replace(/%(?![0-9a-f]{2})/gi, '%25'),
      );
    }
    return { ok: true, kind: written.startsWith('/') ? 'site-path' : 'relative' };
  }
  const scheme = schemeMatch[1]!.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return judgeWebAddress(written, scheme);
  const afterScheme = written.slice(scheme.length + 1);
  if (CODE_SCHEMES.has(scheme)) {
    if (scheme === 'data' && use === 'resource' && DATA_IMAGE.test(written)) return { ok: true, kind: 'data-image' };
    return bad(
      scheme === 'data'
        ? "is a data: address, which hides a whole document inside the link; readers' browsers block it"
        : `is ${article(scheme)} ${scheme}: address, which would run code in a reader's browser`,
      use === 'resource' ? 'use an image file or a web address instead' : 'link to a web page (https://...) instead',
    );
  }
  if (LOCAL_SCHEMES.has(scheme)) {
    return bad(
      `is ${article(scheme)} ${scheme}: address, which only opens on the writer's own computer or browser`,
      'put the file on the site, or link to a web page (https://...) instead',
    );
  }
  if (isSchemeTypo(scheme, false)) {
    const rest = afterScheme.replace(/^[/\\]*/, '');
    return bad(
      `is not a valid web address: "${scheme}:" is a misspelt scheme`,
      rest ? '' : WRITE_FULL,
      rest ? `${secureFor(scheme)}://${rest}` : undefined,
    );
  }
  if (use === 'link' && scheme === 'mailto') {
    let addresses = afterScheme.split('?', 1)[0]!;
    try {
      addresses = decodeURIComponent(addresses);
    } catch {
      return bad(
        'is not a valid email link: it has a broken %-escape',
        'write mailto: followed by the address, e.g. mailto:hello@example.com',
      );
    }
    if (addresses.trim() === '')
      return bad(
        'has no email address after "mailto:"',
        'write mailto: followed by the address, e.g. mailto:hello@example.com',
      );
    const wrong = addresses
      .split(',')
      .find((address) => !/^[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[^\s@<>()[\].]+$/.test(address.trim()));
    if (wrong !== undefined)
      return bad(
        `is not a valid email link: "${wrong.trim()}" is not an email address`,
        'write mailto: followed by the address, e.g. mailto:hello@example.com',
      );
    return { ok: true, kind: 'mailto' };
  }
  if (use === 'link' && scheme === 'tel') {
    let number = afterScheme.split(';', 1)[0]!;
    try {
      number = decodeURIComponent(number);
    } catch {
      // judged as written
    }
    if (!/^\+?[\d\s().-]*\d[\d\s().-]*$/.test(number) || number.replace(/\D/g, '').length < 3) {
      return bad(
        number ? `is not a valid phone link: "${number}" is not a phone number` : 'has no phone number after "tel:"',
        'write tel: followed by the number in international form, e.g. tel:+442079460000',
      );
    }
    return { ok: true, kind: 'tel' };
  }
  if (use === 'absolute') {
    return bad(
      `is ${article(scheme)} ${scheme}: address, not a web address`,
      'write a full web address starting with https://',
    );
  }
  if (use === 'resource') {
    return bad(
      `is ${article(scheme)} ${scheme}: address, which a browser cannot load as an image or media file`,
      'use an image or media file on the site, or a web address (https://...)',
    );
  }
  return bad(
    `is ${article(scheme)} ${scheme}: address, which most readers' browsers cannot open`,
    'link to a web page (https://...), an email (mailto:) or a phone number (tel:) instead',
  );
}

/**
 * Whether a URL would run code or carry a whole document (javascript:, vbscript:, data:...), even
 * with the spaces or control characters a browser skips before the scheme: such a target is never
 * worth showing to readers, even as text.
 */
export function isCodeUrl(value: string): boolean {
  return /^[\s\u0000-\u001F]*(?:javascript|vbscript|livescript|data):/i.test(value);
}

/**
 * One line for a refused URL: `${what} "${value}" ${problem}; ${fix}` (`what` may be empty), with invisible characters
 * shown as \u escapes and a long value (a data: URI) cut to 80 characters.
 */
export function describeUrlProblem(what: string, value: string, verdict: Extract<UrlVerdict, { ok: false }>): string {
  let shown = value.replace(
    new RegExp(INVISIBLE.source, 'gu'),
    (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );
  if (shown.length > 80) shown = `${shown.slice(0, 77)}...`;
  return `${what ? `${what} ` : ''}"${shown}" ${verdict.problem}; ${verdict.fix}`;
}

/**
 * The HTML attributes that hold URLs, per element, and how each is used (see UrlUse); `srcset`
 * holds a list of image candidates. The content check judges them and the feeds resolve them.
 */
export const URL_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, UrlUse>>>> = {
  a: { href: 'link' },
  area: { href: 'link' },
  blockquote: { cite: 'link' },
  q: { cite: 'link' },
  del: { cite: 'link' },
  ins: { cite: 'link' },
  img: { src: 'resource', srcset: 'resource' },
  source: { src: 'resource', srcset: 'resource' },
  video: { src: 'resource', poster: 'resource' },
  audio: { src: 'resource' },
  track: { src: 'resource' },
  iframe: { src: 'resource' },
  embed: { src: 'resource' },
  object: { data: 'resource' },
  input: { src: 'resource' },
};
