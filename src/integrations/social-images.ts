import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  formatSocialImageStats,
  getSocialImageState,
  placeSocialImages,
  pruneSocialImageCache,
  resetSocialImageStats,
} from '../lib/social-image-cache.ts';

/**
 * Gives social cards a cache that outlives the build: Astro's cache folder
 * (node_modules/.astro/social-images/), since dist/ is built afresh and swapped in each time. The
 * post pages name the cards they share (planSocialImages); when the pages are done, this copies each
 * card from the cache into the output, logs how many were drawn and how many came from the cache,
 * and removes the cached cards this build no longer uses. Under `astro dev` a route draws them.
 */
export function socialImages(): AstroIntegration {
  return {
    name: 'social-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') {
          injectRoute({
            pattern: '/social/posts/[slug].png',
            entrypoint: new URL('./routes/social-card.ts', import.meta.url),
            prerender: true,
          });
        }
      },
      'astro:config:done': ({ config }) => {
        getSocialImageState().cacheDir = fileURLToPath(new URL('social-images/', config.cacheDir));
      },
      'astro:build:start': () => {
        resetSocialImageStats();
      },
      'astro:build:done': async ({ dir, logger }) => {
        await placeSocialImages(fileURLToPath(dir));
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
