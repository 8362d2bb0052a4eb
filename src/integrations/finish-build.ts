import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, startSearchIndex } from './search-index.ts';
import { writeSecurityHeaders } from './security-headers.ts';

/**
 * The search index and the _headers file. Pagefind indexes each post page in its own process as
 * soon as it is rendered (see startSearchIndex); when the build is done, the index is written while
 * this process reads every page for the CSP hashes.
 */
export function finishBuild(): AstroIntegration {
  return {
    name: 'finish-build',
    hooks: {
      'astro:build:start': () => startSearchIndex(),
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const [search, headers] = await Promise.all([buildSearchIndex(outDir), writeSecurityHeaders(outDir)]);
        logger.info(search);
        logger.info(headers);
      },
    },
  };
}
