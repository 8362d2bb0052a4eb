import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from './search-index.ts';
import { writeSecurityHeaders } from './security-headers.ts';

/**
 * The work on a finished build: the search index and the _headers file, at the same time. Pagefind
 * indexes in its own process while this one reads every page for the CSP hashes, so on two cores
 * the audit costs almost no extra time.
 */
export function finishBuild(): AstroIntegration {
  return {
    name: 'finish-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const [search, headers] = await Promise.all([buildSearchIndex(outDir), writeSecurityHeaders(outDir)]);
        logger.info(search);
        logger.info(headers);
      },
    },
  };
}
