import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { folderSize } from '../lib/files.ts';

/**
 * Builds the static search index with Pagefind into /pagefind/ in a finished build; returns the line
 * to log. Only elements marked data-pagefind-body (a post's article) are indexed, so list pages, tag
 * pages, the 404 page, the sidebar and the footer never appear in results.
 */
export async function buildSearchIndex(outDir: string): Promise<string> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  const indexed = await index.addDirectory({ path: outDir });
  if (indexed.errors.length > 0) throw new Error(`search indexing failed: ${indexed.errors.join('; ')}`);
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
