import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { setLiveSearchIndex } from '../lib/live-search-index.ts';
import { folderSize } from '../lib/files.ts';

async function createSearchIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  return index;
}

let live: { index: Promise<pagefind.PagefindIndex>; adds: Promise<void>[] } | undefined;

/**
 * Opens the search index before the pages are rendered: src/middleware.ts then hands it each post
 * page as it is made, and Pagefind indexes it in its own process while the build goes on.
 */
export function startSearchIndex(): void {
  const index = createSearchIndex();
  index.catch(() => {}); // Reported when the build finishes (buildSearchIndex awaits it).
  const adds: Promise<void>[] = [];
  live = { index, adds };
  setLiveSearchIndex({
    add(url, html) {
      const added = index
        .then((opened) => opened.addHTMLFile({ url, content: html }))
        .then(({ errors }) => {
          if (errors.length > 0) throw new Error(`${url} could not be indexed for search: ${errors.join('; ')}`);
        });
      added.catch(() => {});
      adds.push(added);
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
