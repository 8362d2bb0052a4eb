import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { folderSize, listFiles, readInOrder } from '../io/files.ts';
import { getSearchIndexLanguage, withDocumentLanguage } from '../lib/search-languages.ts';
import { SITE } from '../site.config.ts';

/** Only a post's page has a part marked for the index (its article); no other page reaches Pagefind. */
export const SEARCHABLE_MARKER = 'data-pagefind-body';

/**
 * How many pages are read from the disk ahead of the one being handed to Pagefind. Pages still go
 * to Pagefind one after another in path order (it numbers them in the order it gets them), so the
 * index is the same whatever order the reads finish in. Measured in docs/benchmark.md.
 */
const READ_AHEAD = 16;
/**
 * How many pages may wait for Pagefind's answer: a page handed over is held (in Node's pipe to
 * Pagefind's process) until Pagefind has read it, so without a bound a build whose pages are read
 * faster than Pagefind indexes them holds all of them at once.
 */
const PAGEFIND_AHEAD = 32;

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

/** A page's address from its file in the build: posts/a/index.html → /posts/a/ (percent-encoded). */
function urlOf(file: string): string {
  return encodeURI(`/${file.replace(/(^|\/)index\.html$/, '$1')}`);
}

/**
 * Hands every page of a finished build that carries the search marker to a Pagefind index, in
 * path order. Files are read a few at a time ahead of the one being handed over, and at most
 * PAGEFIND_AHEAD pages wait for Pagefind at a time.
 * Throws (naming the page) when Pagefind refuses a page.
 */
async function addPages(index: pagefind.PagefindIndex, outDir: string): Promise<number> {
  const files = listFiles(outDir, /\.html$/);
  /** Pages handed over that Pagefind has not answered yet, oldest first. */
  const waiting: Promise<void>[] = [];
  let added = 0;
  for await (const [file, html] of readInOrder(files, (file) => readFile(join(outDir, file), 'utf8'), READ_AHEAD)) {
    if (!html.includes(SEARCHABLE_MARKER)) continue;
    const url = urlOf(file);
    const adding = index.addHTMLFile({ url, content: forSearch(html) }).then(({ errors }) => {
      if (errors.length > 0) throw new Error(`${file}: the page could not be indexed for search: ${errors.join('; ')}`);
    });
    adding.catch(() => {}); // Awaited in turn below; this only keeps Node from calling it unhandled meanwhile.
    waiting.push(adding);
    added += 1;
    if (waiting.length >= PAGEFIND_AHEAD) await waiting.shift();
  }
  await Promise.all(waiting);
  return added;
}

/**
 * Writes the static search index with Pagefind into /pagefind/ of a finished build and returns the
 * line to log. Only elements marked data-pagefind-body (a post's article) are indexed, so list
 * pages, tag pages, the 404 page, the sidebar and the footer never appear in results. The pages
 * are read from the build's output in path order, so a clean and an incremental build, whatever
 * order their pages were rendered in, write the same bytes. Pagefind runs in a process of its own;
 * it is closed whether indexing succeeds or throws, so no process outlives a failed build.
 */
export async function buildSearchIndex(outDir: string): Promise<string> {
  const started = performance.now();
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
    await addPages(index, outDir);
    const bundle = join(outDir, 'pagefind');
    // Pagefind's process dies on a file where its folder goes, leaving the call unanswered forever.
    if (existsSync(bundle) && !statSync(bundle).isDirectory()) {
      throw new Error(
        `${bundle} is a file, where the search index's folder goes; rename public/pagefind (or whatever makes it)`,
      );
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new Error(`the search index was not written: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
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

/**
 * The site's search index (Pagefind's static files in /pagefind/), made from the finished build's
 * pages when the build is done (see buildSearchIndex). Under `astro dev` there is no index.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(await buildSearchIndex(fileURLToPath(dir)));
      },
    },
  };
}
