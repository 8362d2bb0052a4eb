import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCHABLE_MARKER, setLiveSearchIndex } from '../lib/live-search-index.ts';
import { folderSize } from '../lib/files.ts';

async function createSearchIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  return index;
}

interface LiveState {
  index: Promise<pagefind.PagefindIndex>;
  adds: Promise<void>[];
  /** Hands the post pages not rendered in this build (kept by Astro) to the index. */
  flush(): void;
}

let live: LiveState | undefined;

/** A URL path as written on disk and in the post list (a request's path arrives percent-encoded). */
function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The file a page's URL path names in the build, e.g. /posts/a/ → <outDir>/posts/a/index.html. */
function fileOf(outDir: string, url: string): string {
  return join(outDir, decodePath(url), url.endsWith('/') ? 'index.html' : '');
}

/**
 * Opens the search index before the pages are rendered: src/middleware.ts then hands it each post
 * page as it is made, and Pagefind indexes it in its own process while the build goes on. Pages
 * reach Pagefind in the post route's order (see LiveSearchIndex.setOrder), whether rendered now or
 * kept from the last build, so an incremental build writes the same index as a clean one.
 */
export function startSearchIndex(outDir: string): void {
  const index = createSearchIndex();
  index.catch(() => {}); // Reported when the build finishes (buildSearchIndex awaits it).
  const adds: Promise<void>[] = [];
  let order: readonly string[] = [];
  let position = new Map<string, number>();
  let next = 0;
  const handed = new Set<string>();

  const hand = (url: string, html: string) => {
    const path = decodePath(url);
    handed.add(path);
    // One spelling of the URL in the index, whether the page came from a request or from the disk.
    const added = index
      .then((opened) => opened.addHTMLFile({ url: encodeURI(path), content: html }))
      .then(({ errors }) => {
        if (errors.length > 0) throw new Error(`${url} could not be indexed for search: ${errors.join('; ')}`);
      });
    added.catch(() => {});
    adds.push(added);
  };
  /** Hands over, from the output, the pages before `until` in the order that were not rendered. */
  const catchUp = (until: number) => {
    for (; next < until; next += 1) {
      const url = order[next]!;
      if (handed.has(decodePath(url))) continue;
      let html: string;
      try {
        html = readFileSync(fileOf(outDir, url), 'utf8');
      } catch {
        throw new Error(`the search index expected the page ${url} in the build, but it is not there`);
      }
      if (html.includes(SEARCHABLE_MARKER)) hand(url, html);
    }
  };

  live = { index, adds, flush: () => catchUp(order.length) };
  setLiveSearchIndex({
    setOrder(urls) {
      order = urls;
      position = new Map(urls.map((url, at) => [decodePath(url), at]));
      next = 0;
    },
    add(url, html) {
      const at = position.get(decodePath(url));
      if (at !== undefined && at >= next) {
        catchUp(at);
        next = at + 1;
      }
      hand(url, html);
    },
  });
}

/**
 * Writes the static search index with Pagefind into /pagefind/ in a finished build; returns the line
 * to log (its time is what the index adds after the last page). Only elements marked
 * data-pagefind-body (a post's article) are indexed, so list pages, tag pages, the 404 page, the
 * sidebar and the footer never appear in results. Without pages handed over during the build, it
 * reads the built pages from disk instead.
 */
export async function buildSearchIndex(outDir: string): Promise<string> {
  const started = performance.now();
  const opened = live;
  live = undefined;
  setLiveSearchIndex(undefined);
  opened?.flush();
  const index = await (opened?.index ?? createSearchIndex());
  await Promise.all(opened?.adds ?? []);
  if (!opened?.adds.length) {
    const indexed = await index.addDirectory({ path: outDir });
    if (indexed.errors.length > 0) throw new Error(`search indexing failed: ${indexed.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`the search index was not written: ${written.errors.join('; ')}`);
  await pagefind.close();
  const bundle = join(outDir, 'pagefind');
  // The search page has its own interface; Pagefind's stock UI bundles would only be dead weight.
  for (const file of readdirSync(bundle)) {
    if (/-ui\.(js|css)$|^pagefind-highlight\.js$/.test(file)) rmSync(join(bundle, file));
  }
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = Object.values(entry.languages).reduce((total, language) => total + language.page_count, 0);
  // The benchmark reads this line (npm run bench).
  return `search index: ${pages} pages, ${(folderSize(bundle) / 1024).toFixed(1)} KiB, in ${Math.round(performance.now() - started)} ms`;
}
