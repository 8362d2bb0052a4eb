import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { FEED_STYLESHEET_PATH, JSON_FEED_PATH } from './urls.ts';

/** Third-party players the videos page may load, after a click. */
export const VIDEO_FRAME_SOURCES = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

/** Hashed assets (Astro names them by content) may be cached for a year. */
export const IMMUTABLE_PATH = '/_astro/';

export interface PageScriptAudit {
  /** CSP source expressions ('sha256-…') of every inline script a browser would run. */
  hashes: string[];
  /** Elements with inline event handlers (onclick=…), which a strict CSP forbids. */
  inlineHandlers: string[];
}

/**
 * Finds the inline scripts of an HTML page with a real HTML tokenizer, not a pattern: text such as
 * "</script><script>" inside an attribute value is inert and must not be mistaken for a script.
 * (A streaming tokenizer: a full tree for every page cost seconds on a large site.)
 */
export function auditPageScripts(html: string): PageScriptAudit {
  const hashes: string[] = [];
  const inlineHandlers: string[] = [];
  let script: { runs: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const handlers = Object.keys(attributes).filter((attribute) => /^on[a-z]+$/.test(attribute));
        if (handlers.length > 0) inlineHandlers.push(`<${name} ${handlers.join(' ')}>`);
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
  return { hashes, inlineHandlers };
}

/**
 * The security headers every page is served with. Scripts run only from this site or when their
 * hash is listed (no 'unsafe-inline'); styles may be inline (Astro inlines small stylesheets).
 * Forms may post to this site and to `formActions` (the comment inbox's origin, see
 * getFormActionSources), nowhere else.
 */
export function getSecurityHeaders(
  scriptHashes: readonly string[],
  formActions: readonly string[] = ["'self'"],
): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly; it allows no inline script.
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "media-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${VIDEO_FRAME_SOURCES.join(' ')}`,
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

/**
 * Files whose extension alone does not give the right type. RSS and Atom feeds keep the XML type
 * hosts give .xml (text/xml or application/xml), not application/rss+xml: browsers show those as
 * plain text instead of applying the feed's XSL stylesheet, and feed readers accept both.
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  [JSON_FEED_PATH]: 'application/feed+json; charset=utf-8',
  [FEED_STYLESHEET_PATH]: 'application/xslt+xml; charset=utf-8',
};

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

export interface NginxOptions {
  /** The folder with the built site. */
  root: string;
  port: number;
  serverName?: string;
  /** Old addresses to answer with a permanent redirect (from the build's _redirects). */
  redirects?: readonly { from: string; to: string }[];
}

/** An nginx server block that serves the built site with the same headers as `_headers`. */
export function renderNginxServer(
  headers: Record<string, string>,
  { root, port, serverName = '_', redirects = [] }: NginxOptions,
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
    gzip_types text/css application/javascript text/xml application/xml application/rss+xml application/atom+xml application/json application/feed+json application/xslt+xml image/svg+xml;
    charset_types text/xml text/plain text/css application/javascript application/rss+xml application/json application/feed+json application/xslt+xml;
    error_page 404 /404.html;
${redirects
  .map(
    ({ from, to }) =>
      `\n    location = ${JSON.stringify(from)} {\n        return 301 ${JSON.stringify(encodeURI(to))};\n    }`,
  )
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
 * An nginx server block that passes the comment inbox through: the same 16 KB body cap and 10 s
 * client timeouts as the inbox itself, so nginx turns away what the inbox would, and the reader's
 * address in X-Forwarded-For, replaced rather than appended so a reader cannot forge it (run the
 * inbox with COMMENTS_TRUST_PROXY=true behind it).
 */
export function renderNginxInboxServer({ upstream, port, serverName }: NginxInboxOptions): string {
  return `server {
    listen ${port};
    server_name ${serverName};
    client_max_body_size 16k;
    client_body_timeout 10s;
    client_header_timeout 10s;
    large_client_header_buffers 4 8k;

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
