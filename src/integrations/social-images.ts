import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  formatSocialImageStats,
  getSocialImageState,
  pruneSocialImageCache,
  resetSocialImageStats,
} from '../lib/social-image-cache.ts';

/**
 * Gives the social image routes (src/pages/social/) a cache that outlives the build: Astro's cache
 * folder (node_modules/.astro/social-images/), since dist/ is built afresh and swapped in each time.
 * After a build it logs how many cards were drawn and how many came from the cache, and removes
 * the cached cards this build no longer uses.
 */
export function socialImages(): AstroIntegration {
  return {
    name: 'social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        getSocialImageState().cacheDir = fileURLToPath(new URL('social-images/', config.cacheDir));
      },
      'astro:build:start': () => {
        resetSocialImageStats();
      },
      'astro:build:done': ({ logger }) => {
        const { cacheDir, stats } = getSocialImageState();
        // The benchmark and the build tests read this line.
        logger.info(formatSocialImageStats(stats));
        if (cacheDir && stats.used.size > 0) {
          const removed = pruneSocialImageCache(cacheDir, stats.used);
          if (removed > 0) logger.info(`social images: ${removed} unused cached image(s) removed`);
        }
      },
    },
  };
}
