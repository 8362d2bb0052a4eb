import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCHABLE_MARKER, setLiveSearchIndex } from '../lib/live-search-index.ts';
import { folderSize } from '../lib/files.ts';
import { getSearchIndexLanguage, withDocumentLanguage } from '../lib/search-languages.ts';
import { SITE } from '../site.config.ts';

/** The language the page's <html lang> names, or the site's. */
function pageLanguage(html: string): string {
  return /<html\b[^>]*\slang=(["'])([^"']+)\1/i.exec(html)?.[2] ?? SITE.language;
}

/**
 * A page as Pagefind should index it: under the language its search will be read in (see
 * getSearchIndexLanguage), so a Chinese or Japanese page gets its own, word-segmented index and a
 * page in any other language is searched with the site's own stemmer.
 */
function forSearch(html: string): string {
  const lang = pageLanguage(html);
  const indexed = getSearchIndexLanguage(lang, SITE.language);
  return indexed === lang ? html : withDocumentLanguage(html, indexed);
}

async function createSearchIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  return index;
}

interface LiveState {
  index: Promise<pagefind.PagefindIndex>;
  adds: Promise<void>[];
  /** Hands over every page still waiting; each is in the build's output by now. */
  finish(): void;
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

/** The file a page's URL path names below a folder, e.g. /posts/a/ → <dir>/posts/a/index.html. */
function fileOf(dir: string, url: string): string {
  return join(dir, decodePath(url), url.endsWith('/') ? 'index.html' : '');
}

/** How often, while pages are being written, the index looks for pages Astro kept. */
const POLL_MS = 50;

/**
 * Opens the search index before the pages are rendered: src/middleware.ts then hands it each post
 * page as it is made, and Pagefind indexes it in its own process while the build goes on.
 *
 * Pagefind numbers pages in the order it gets them, so pages go to it in the post route's order
 * (LiveSearchIndex.setOrder) whatever order they are made in: a page rendered ahead of its turn
 * waits here. A page that Astro's incremental build kept is never rendered: once it appears in the
 * output, its turn is taken with the copy in Astro's cache (`keptDir`), which is whole even while
 * the output's copy is still being written. So a clean build and an incremental one, pages rendered
 * one at a time or several at once, all write the same index.
 */
export function startSearchIndex(outDir: string, keptDir: string): void {
  const index = createSearchIndex();
  index.catch(() => {}); // Reported when the build finishes (buildSearchIndex awaits it).
  const adds: Promise<void>[] = [];
  let order: readonly string[] = [];
  let next = 0;
  /** Rendered post pages waiting for their turn, by decoded path. */
  const waiting = new Map<string, string>();
  const positions = new Set<string>();

  const hand = (path: string, html: string) => {
    // One spelling of the URL in the index, whether the page came from a request or from the disk.
    const url = encodeURI(path);
    const added = index
      .then((opened) => opened.addHTMLFile({ url, content: forSearch(html) }))
      .then(({ errors }) => {
        if (errors.length > 0) throw new Error(`${url} could not be indexed for search: ${errors.join('; ')}`);
      });
    added.catch(() => {});
    adds.push(added);
  };

  /** Hands over pages in order for as long as the next one is there; at the end, every page must be. */
  const pump = (finishing = false) => {
    while (next < order.length) {
      const path = decodePath(order[next]!);
      let html = waiting.get(path);
      if (html !== undefined) {
        waiting.delete(path);
      } else if (existsSync(fileOf(outDir, path))) {
        // Not rendered, yet in the output: kept from the last build.
        const kept = fileOf(keptDir, path);
        html = readFileSync(existsSync(kept) ? kept : fileOf(outDir, path), 'utf8');
      } else if (finishing) {
        throw new Error(`the search index expected the page ${path} in the build, but it is not there`);
      } else {
        return;
      }
      if (html.includes(SEARCHABLE_MARKER)) hand(path, html);
      next += 1;
    }
  };
  const poll = setInterval(() => pump(), POLL_MS);
  poll.unref();

  live = {
    index,
    adds,
    finish() {
      clearInterval(poll);
      pump(true);
      // Pages with the marker outside the post route's list (none today) go last, in path order.
      for (const path of [...waiting.keys()].sort()) hand(path, waiting.get(path)!);
      waiting.clear();
    },
  };
  setLiveSearchIndex({
    setOrder(urls) {
      order = urls;
      positions.clear();
      for (const url of urls) positions.add(decodePath(url));
      next = 0;
    },
    add(url, html) {
      const path = decodePath(url);
      waiting.set(path, html);
      if (positions.has(path)) pump();
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
  opened?.finish();
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
