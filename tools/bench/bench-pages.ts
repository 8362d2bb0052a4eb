/**
 * Page weight and image/font checks for the benchmark, read from a built page and the files it
 * links to. Pure: the caller hands in the HTML and a way to read a site file by its URL path.
 */
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface ImageFinding {
  src: string;
  loading: string;
  problems: string[];
}

export interface FontFinding {
  url: string;
  problems: string[];
}

export interface PageWeight {
  html: Bytes;
  /** Every inline script a browser runs (not JSON-LD), each on its own: the theme script's budget is per script. */
  inlineScripts: Bytes[];
  /** All inline <style> text together (already inside html). */
  inlineStyles: Bytes;
  /** External stylesheets (<link rel="stylesheet">), together. */
  css: Bytes & { files: string[] };
  /** External scripts (<script src>, <link rel="modulepreload">), together. */
  js: Bytes & { files: string[] };
  /** HTML plus external CSS, gzipped: what the first round trip (14 KB) must carry. */
  htmlCssGzip: number;
  images: ImageFinding[];
  /** Web fonts declared by the page's stylesheets; none means system fonts. */
  fonts: FontFinding[];
}

/** Raw and gzipped size of a text or file (gzip level 9, as a static host would precompress). */
export function measureBytes(data: string | Buffer): Bytes {
  const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { raw: buffer.length, gzip: buffer.length === 0 ? 0 : gzipSync(buffer, { level: 9 }).length };
}

const RASTER = /\.(avif|webp|jpe?g|png|gif)(\?|#|$)/i;
const MODERN = /\.(avif|webp)(\?|#|$)/i;

/** Same-site path of a URL in a page at `pagePath`, or undefined when it points to another origin. */
function sitePath(url: string, pagePath: string): string | undefined {
  const resolved = new URL(url, `http://site.invalid${pagePath}`);
  return resolved.origin === 'http://site.invalid' ? resolved.pathname : undefined;
}

interface Tag {
  name: string;
  attributes: Record<string, string>;
  inPicture: boolean;
  pictureSources: string[];
}

/** Reads a page's tags, inline scripts and inline styles with a real HTML tokenizer. */
function scanPage(html: string) {
  const tags: Tag[] = [];
  const scripts: string[] = [];
  const styles: string[] = [];
  let open: { kind: 'script' | 'style'; text: string } | undefined;
  let picture: string[] | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'picture') picture = [];
        if (name === 'source' && picture) picture.push((attributes.type ?? '').toLowerCase());
        tags.push({ name, attributes, inPicture: picture !== undefined, pictureSources: picture ?? [] });
        const type = (attributes.type ?? '').toLowerCase();
        const runs = !type || type === 'module' || type.endsWith('javascript');
        if (name === 'script' && attributes.src === undefined && runs) open = { kind: 'script', text: '' };
        if (name === 'style') open = { kind: 'style', text: '' };
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag(name) {
        if (name === 'picture') picture = undefined;
        if (open && name === open.kind) {
          (open.kind === 'script' ? scripts : styles).push(open.text);
          open = undefined;
        }
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  return { tags, scripts, styles };
}

/** What is wrong with one <img> for the image budget (lazy-below-the-fold is checked in a browser). */
export function checkImage(tag: Pick<Tag, 'attributes' | 'inPicture' | 'pictureSources'>): string[] {
  const { attributes } = tag;
  const src = attributes.src ?? '';
  const problems: string[] = [];
  if (!attributes.width || !attributes.height) problems.push('no width and height (the page shifts as it loads)');
  if (!RASTER.test(src)) return problems;
  if (!attributes.srcset) problems.push('no srcset (phones download the largest image)');
  const modern = MODERN.test(src) || tag.pictureSources.some((type) => type === 'image/avif' || type === 'image/webp');
  if (!modern) problems.push('no AVIF or WebP version');
  return problems;
}

/** Web fonts declared in a stylesheet, and what is wrong with each (remote, not woff2, not subset). */
export function checkFonts(css: string, cssPath: string): FontFinding[] {
  const findings: FontFinding[] = [];
  for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
    const subset = /unicode-range\s*:/.test(block);
    for (const match of block.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const quoted = match[2]!;
      const problems: string[] = [];
      if (!quoted.startsWith('data:') && sitePath(quoted, cssPath) === undefined)
        problems.push('served from another site');
      if (!/\.woff2(\?|#|$)/i.test(quoted) && !quoted.startsWith('data:font/woff2')) problems.push('not woff2');
      if (!subset) problems.push('no unicode-range (not subset)');
      findings.push({ url: quoted, problems });
    }
  }
  return findings;
}

/**
 * The weight of one built page: its HTML, inline scripts and styles, and the stylesheets and scripts
 * it links to (read through `readFile`, by URL path). Images and fonts are checked, not weighed: the
 * first round trip carries HTML and CSS; images load after.
 */
export function measurePage(
  html: string,
  pagePath: string,
  readFile: (path: string) => Buffer | undefined,
): PageWeight {
  const { tags, scripts, styles } = scanPage(html);
  const linked = (kind: 'css' | 'js') =>
    tags.flatMap((tag) => {
      const rel = (tag.attributes.rel ?? '').toLowerCase().split(/\s+/);
      const url =
        kind === 'css'
          ? tag.name === 'link' && rel.includes('stylesheet')
            ? tag.attributes.href
            : undefined
          : tag.name === 'script'
            ? tag.attributes.src
            : tag.name === 'link' && rel.includes('modulepreload')
              ? tag.attributes.href
              : undefined;
      const path = url === undefined ? undefined : sitePath(url, pagePath);
      return path === undefined ? [] : [path];
    });
  const sum = (files: string[]) => {
    const total = { raw: 0, gzip: 0, files };
    for (const file of new Set(files)) {
      const data = readFile(file);
      if (!data) throw new Error(`${pagePath} links to ${file}, which is not in the build`);
      const bytes = measureBytes(data);
      total.raw += bytes.raw;
      total.gzip += bytes.gzip;
    }
    return total;
  };
  const css = sum(linked('css'));
  const js = sum(linked('js'));
  const htmlBytes = measureBytes(html);
  const fonts = css.files.flatMap((file) => checkFonts(readFile(file)!.toString('utf8'), file));
  for (const style of styles) fonts.push(...checkFonts(style, pagePath));
  return {
    html: htmlBytes,
    inlineScripts: scripts.map(measureBytes),
    inlineStyles: measureBytes(styles.join('')),
    css,
    js,
    htmlCssGzip: htmlBytes.gzip + css.gzip,
    images: tags
      .filter((tag) => tag.name === 'img')
      .map((tag) => ({
        src: tag.attributes.src ?? '',
        loading: tag.attributes.loading ?? 'eager',
        problems: checkImage(tag),
      })),
    fonts,
  };
}
