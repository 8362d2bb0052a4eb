import { createHash } from 'node:crypto';
import parseSrcset from '@prettier/parse-srcset';
import { decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { FORM_BODY_LIMIT_BYTES, FORM_HEADER_LIMIT_BYTES } from './comment-submission.ts';
import { CONTENT_TYPES, MAIN_FEEDS, RSS_MEDIA_TYPE } from './routes.ts';

/** Third-party players the videos page may load, after a click. */
export const VIDEO_FRAME_SOURCES = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

/** Hashed assets (Astro names them by content) may be cached for a year. */
export const IMMUTABLE_PATH = '/_astro/';

export interface PageScriptAudit {
  /** CSP source expressions ('sha256-…') of every inline script a browser would run. */
  hashes: string[];
  /** Elements with inline event handlers (onclick=…), which a strict CSP forbids. */
  inlineHandlers: string[];
  /** Addresses on other sites the page shows as images (img src and srcset, source srcset, poster). */
  images: string[];
  /**
   * Addresses on other sites the page embeds as frames: an iframe's src, and the player a
   * click-to-load video puts in its place (`<a data-video-embed>`, see src/lib/video.ts).
   */
  frames: string[];
}

/** An address on another site (http:, https: or //host), as written; undefined for this site's own. */
function remoteAddress(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return /^(https?:)?\/\//i.test(trimmed) ? trimmed : undefined;
}

/**
 * The addresses of a srcset ("a.jpg 1x, https://x/b.jpg 2x"), by the HTML standard's algorithm
 * (@prettier/parse-srcset, as src/lib/html.ts reads them), so a comma inside an address stays in it;
 * a srcset it refuses gives none (the browser would load none of it either).
 */
function srcsetAddresses(srcset: string | undefined): string[] {
  if (!srcset?.trim()) return [];
  try {
    return parseSrcset(srcset).map((candidate) => candidate.source.value);
  } catch {
    return [];
  }
}

/**
 * Finds the inline scripts of an HTML page with a real HTML tokenizer, not a pattern: text such as
 * "</script><script>" inside an attribute value is inert and must not be mistaken for a script.
 * (A streaming tokenizer: a full tree for every page cost seconds on a large site.)
 */
export function auditPageScripts(html: string): PageScriptAudit {
  const hashes: string[] = [];
  const inlineHandlers: string[] = [];
  const images = new Set<string>();
  const frames = new Set<string>();
  let script: { runs: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const handlers = Object.keys(attributes).filter((attribute) => /^on[a-z]+$/.test(attribute));
        if (handlers.length > 0) inlineHandlers.push(`<${name} ${handlers.join(' ')}>`);
        // Remote images and frames, for img-src and frame-src (see computeContentSources).
        const shown =
          name === 'img' || name === 'source'
            ? [attributes.src, ...srcsetAddresses(attributes.srcset)]
            : name === 'video'
              ? [attributes.poster]
              : name === 'input' && attributes.type?.toLowerCase() === 'image'
                ? [attributes.src]
                : [];
        for (const address of shown.map(remoteAddress)) if (address) images.add(decodeHtml(address));
        const framed =
          name === 'iframe' || name === 'frame'
            ? remoteAddress(attributes.src)
            : name === 'a'
              ? remoteAddress(attributes['data-video-embed'])
              : undefined;
        if (framed) frames.add(decodeHtml(framed));
        if (name !== 'script') return;
        // Data blocks (JSON-LD) are never executed, so CSP does not apply to them.
        const type = (attributes.type ?? '').toLowerCase();
        const runs = attributes.src === undefined && (!type || type === 'module' || type.endsWith('javascript'));
        script = { runs, text: '' };
      },
      ontext(text) {
        if (script) script.text += text;
      },
      onclosetag(name) {
        if (name !== 'script' || !script) return;
        if (script.runs) hashes.push(`'sha256-${createHash('sha256').update(script.text, 'utf8').digest('base64')}'`);
        script = undefined;
      },
    },
    // Script bodies are raw text in HTML: hash them exactly as the browser sees them.
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  return { hashes, inlineHandlers, images: [...images], frames: [...frames] };
}

/** Attribute values come raw (the tokenizer keeps script text raw): decode them as a browser would. */
const decodeHtml = (value: string) => decodeHTMLAttribute(value);

/**
 * Providers whose players a page may embed (frame-src), by host; anything else is blocked and
 * reported. The list is the issue's: the players Blogger's own embed tools offered.
 */
export const FRAME_PROVIDERS: readonly { name: string; hosts: readonly string[]; path?: RegExp }[] = [
  { name: 'YouTube', hosts: ['www.youtube-nocookie.com', 'www.youtube.com', 'youtube.com'] },
  { name: 'Vimeo', hosts: ['player.vimeo.com'] },
  { name: 'Google Docs, Sheets and Slides', hosts: ['docs.google.com'] },
  { name: 'Google Maps', hosts: ['www.google.com', 'maps.google.com'], path: /^\/maps\b/ },
  { name: 'SoundCloud', hosts: ['w.soundcloud.com'] },
  { name: 'Spotify', hosts: ['open.spotify.com'] },
  // Not in the issue's list, but old Blogger posts embedded its Flash player, which the importer converts.
  { name: 'Dailymotion', hosts: ['www.dailymotion.com'], path: /^\/embed\// },
];

/** A page's remote images and frames, as found by auditPageScripts. */
export interface PageSources {
  /** The page's address on the site, e.g. /posts/my-post/. */
  page: string;
  images: readonly string[];
  frames: readonly string[];
}

export interface ContentSources {
  /** Origins (https://host) of the remote images the pages show. */
  imageSources: string[];
  /** Origins of the frames the pages embed from known providers. */
  frameSources: string[];
  /** What the policy will block, one sentence per page and address, naming the page and the fix. */
  warnings: string[];
}

/**
 * The img-src and frame-src sources the built pages need: exactly the https origins of their remote
 * images, and of their frames when the provider is a known one (FRAME_PROVIDERS). What the policy
 * would still block (an http address, a frame from an unknown provider, an address that does not
 * parse) is a warning naming the page.
 */
export function computeContentSources(pages: readonly PageSources[]): ContentSources {
  const imageSources = new Set<string>();
  const frameSources = new Set<string>();
  const warnings = new Set<string>();
  const parse = (address: string) => {
    try {
      return new URL(address.startsWith('//') ? `https:${address}` : address);
    } catch {
      return undefined;
    }
  };
  for (const { page, images, frames } of pages) {
    for (const address of images) {
      const url = parse(address);
      if (!url) warnings.add(`${page} shows the image "${address}", which is not a valid address; fix or remove it`);
      else if (url.protocol !== 'https:') {
        warnings.add(
          `${page} shows the image ${address} over http, which the Content-Security-Policy blocks; write it with https://`,
        );
      } else imageSources.add(url.origin);
    }
    for (const address of frames) {
      const url = parse(address);
      const provider =
        url && FRAME_PROVIDERS.find((p) => p.hosts.includes(url.hostname) && (!p.path || p.path.test(url.pathname)));
      if (!url || !provider) {
        warnings.add(
          `${page} embeds ${url ? url.origin : `"${address}"`}, which is not a known video, map or document provider (${FRAME_PROVIDERS.map((p) => p.name).join(', ')}); the Content-Security-Policy blocks it: replace the embed with a link`,
        );
      } else if (url.protocol !== 'https:') {
        warnings.add(
          `${page} embeds ${address} over http, which the Content-Security-Policy blocks; write it with https://`,
        );
      } else frameSources.add(url.origin);
    }
  }
  return { imageSources: [...imageSources].sort(), frameSources: [...frameSources].sort(), warnings: [...warnings] };
}

/**
 * The security headers every page is served with. Scripts run only from this site or when their
 * hash is listed (no 'unsafe-inline'); styles may be inline (Astro inlines small stylesheets).
 * Forms may post to this site and to `formActions` (the comment inbox's origin, see
 * getFormActionSources), nowhere else. Images and frames from other sites are allowed from the
 * origins `sources` lists (see computeContentSources), and frames from the videos page's players.
 */
export function getSecurityHeaders(
  scriptHashes: readonly string[],
  formActions: readonly string[] = ["'self'"],
  sources: { imageSources?: readonly string[]; frameSources?: readonly string[] } = {},
): Record<string, string> {
  const frames = [...new Set([...VIDEO_FRAME_SOURCES, ...(sources.frameSources ?? [])])].sort();
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly; it allows no inline script.
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...[...new Set(sources.imageSources ?? [])].sort()].join(' '),
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${frames.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${[...new Set(formActions)].join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

export { CONTENT_TYPES } from './routes.ts';

export const HTML_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A `_headers` file, the format Netlify and Cloudflare Pages read. */
export function renderHeadersFile(headers: Record<string, string>): string {
  const block = (path: string, entries: Record<string, string>) =>
    [path, ...Object.entries(entries).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return `${[
    block('/*', { ...headers, 'Cache-Control': HTML_CACHE_CONTROL }),
    block(`${IMMUTABLE_PATH}*`, { 'Cache-Control': IMMUTABLE_CACHE_CONTROL }),
    ...Object.entries(CONTENT_TYPES).map(([path, type]) => block(path, { 'Content-Type': type })),
  ].join('\n\n')}\n`;
}

/** The feeds' media types (routes.ts): nginx compresses them and declares their charset like other text. */
const FEED_MEDIA_TYPES = [RSS_MEDIA_TYPE, ...MAIN_FEEDS.map((feed) => feed.mediaType)];
const GZIP_TYPES = [
  ...new Set([
    'text/css',
    'application/javascript',
    'text/xml',
    'application/xml',
    'application/json',
    'image/svg+xml',
    ...FEED_MEDIA_TYPES,
  ]),
];
const CHARSET_TYPES = [
  ...new Set(['text/xml', 'text/plain', 'text/css', 'application/javascript', 'application/json', ...FEED_MEDIA_TYPES]),
];

export interface NginxOptions {
  /** The folder with the built site. */
  root: string;
  port: number;
  serverName?: string;
  /** Old addresses to answer with a permanent redirect (from the build's _redirects), decoded. */
  redirects?: readonly { from: string; to: string }[];
  /** Old addresses matched by the request as sent: a PCRE pattern for `$request_uri ~*`. */
  requestRedirects?: readonly { pattern: string; to: string }[];
}

/**
 * A double-quoted nginx string of any text: in a quoted string nginx reads back a backslash before
 * a backslash or a quote, and \n, \r and \t, so a label with quotes, backslashes or a newline stays one string.
 */
export function nginxString(text: string): string {
  const escaped = text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/**
 * A redirect target for nginx's `return`, which reads `$name` as a variable: encoded as a URL, with
 * "$" as %24 too, so no text of an address becomes a variable.
 */
const nginxTarget = (to: string) => nginxString(encodeURI(to).replaceAll('$', '%24'));

/** An nginx server block that serves the built site with the same headers as `_headers`. */
export function renderNginxServer(
  headers: Record<string, string>,
  { root, port, serverName = '_', redirects = [], requestRedirects = [] }: NginxOptions,
): string {
  const addHeaders = (indent: string) =>
    Object.entries(headers)
      .map(([name, value]) => `${indent}add_header ${name} "${value}" always;`)
      .join('\n');
  // add_header in a location replaces the server's, so each location repeats the set.
  return `server {
    listen ${port};
    server_name ${serverName};
    root ${root};
    index index.html;
    charset utf-8;
    gzip on;
    gzip_types ${GZIP_TYPES.join(' ')};
    charset_types ${CHARSET_TYPES.join(' ')};
    error_page 404 /404.html;
${requestRedirects
  .map(
    ({ pattern, to }) =>
      `\n    if ($request_uri ~* ${nginxString(pattern)}) {\n        return 301 ${nginxTarget(to)};\n    }`,
  )
  .join('')}
${redirects
  .map(({ from, to }) => `\n    location = ${nginxString(from)} {\n        return 301 ${nginxTarget(to)};\n    }`)
  .join('')}
${Object.entries(CONTENT_TYPES)
  .map(
    ([path, type]) => `
    location = ${path} {
${addHeaders('        ')}
        add_header Cache-Control "${HTML_CACHE_CONTROL}" always;
        types { }
        default_type "${type.replace(/;.*/, '')}";
        try_files $uri =404;
    }`,
  )
  .join('')}

    location ${IMMUTABLE_PATH} {
${addHeaders('        ')}
        add_header Cache-Control "${IMMUTABLE_CACHE_CONTROL}" always;
        try_files $uri =404;
    }

    location / {
${addHeaders('        ')}
        add_header Cache-Control "${HTML_CACHE_CONTROL}" always;
        try_files $uri $uri/ =404;
    }
}
`;
}

export interface NginxInboxOptions {
  /** Where the comment inbox listens (npm run comments:serve), e.g. http://127.0.0.1:8787. */
  upstream: string;
  port: number;
  /** The inbox's host name, e.g. comments.blog.example (its own origin, so its own CSP). */
  serverName: string;
}

/**
 * An nginx server block that passes the comment inbox through: the same body cap (32 KB) and 10 s
 * client timeouts as the inbox itself, so nginx turns away what the inbox would, and the reader's
 * address in X-Forwarded-For, replaced rather than appended so a reader cannot forge it (run the
 * inbox with COMMENTS_TRUST_PROXY=true behind it).
 */
export function renderNginxInboxServer({ upstream, port, serverName }: NginxInboxOptions): string {
  return `server {
    listen ${port};
    server_name ${serverName};
    client_max_body_size ${FORM_BODY_LIMIT_BYTES / 1024}k;
    client_body_timeout 10s;
    client_header_timeout 10s;
    large_client_header_buffers 4 ${FORM_HEADER_LIMIT_BYTES / 1024}k;

    location / {
        proxy_pass ${upstream};
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_connect_timeout 5s;
        proxy_read_timeout 30s;
    }
}
`;
}
