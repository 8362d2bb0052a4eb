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
  let outDir = '';
  let keptDir = '';
  let auditMemo = '';
  return {
    name: 'finish-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        // Where Astro's incremental build keeps its copy of each page (astro/dist/core/build/incremental.js).
        keptDir = fileURLToPath(new URL('dist/', config.cacheDir));
        auditMemo = fileURLToPath(new URL('csp-audit.json', config.cacheDir));
      },
      'astro:build:start': () => startSearchIndex(outDir, keptDir),
      'astro:build:done': async ({ dir, logger }) => {
        const built = fileURLToPath(dir);
        const [search, headers] = await Promise.all([buildSearchIndex(built), writeSecurityHeaders(built, auditMemo)]);
        logger.info(search);
        logger.info(headers.message);
        for (const warning of headers.warnings) logger.warn(warning);
      },
    },
  };
}
