import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles, readInOrder } from '../io/files.ts';
import { getPostCardInput, getSiteCardInput, readPageCard } from '../lib/social-card-input.ts';
import type { SocialCardInput } from '../lib/social-card-input.ts';
import { SITE_SOCIAL_IMAGE_PATH } from '../lib/urls.ts';
import { formatSocialCardStats, SocialCardCache } from './social-card-cache.ts';
import { SITE } from '../site.config.ts';

/** Where drawn cards live on the site; a page naming an image here asks the build for it. */
const CARDS_PREFIX = '/social/';
/** How many pages' heads are read from the disk ahead of the one being read for its card. */
const READ_AHEAD = 16;
/** Enough of a page to hold its <head> (inline CSS and JSON-LD included); longer heads are read whole. */
const HEAD_BYTES = 64 * 1024;

/** The start of a built page, up to its </head> when that is in the first HEAD_BYTES; else the whole page. */
async function readHead(file: string): Promise<string> {
  const handle = await open(file);
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    const start = buffer.subarray(0, bytesRead).toString('utf8');
    if (start.includes('</head>') || bytesRead < HEAD_BYTES) return start;
    return (await handle.readFile('utf8')).toString();
  } finally {
    await handle.close();
  }
}

/**
 * The drawn cards a finished build needs, by site path: every card a built page names as its
 * og:image under /social/. The site card is drawn from the settings; a post's card from the Open
 * Graph article properties of the page that names it (og:title, article:section, article:tag),
 * which the post's page states from the data layer. Pages are read in path order, so the plan is
 * the same however the pages were built. Throws, naming the page, when a page names a card it does
 * not describe.
 */
export async function planSocialCards(outDir: string, site: URL | undefined): Promise<Map<string, SocialCardInput>> {
  const cards = new Map<string, SocialCardInput>();
  const files = listFiles(outDir, /\.html$/);
  for await (const [file, head] of readInOrder(files, (file) => readHead(join(outDir, file)), READ_AHEAD)) {
    const card = readPageCard(head);
    if (!card) continue;
    const image = new URL(card.image, site ?? 'https://site.invalid/');
    if (site && image.origin !== site.origin) continue;
    const path = decodeURI(image.pathname);
    if (!path.startsWith(CARDS_PREFIX) || cards.has(path)) continue;
    if (path === SITE_SOCIAL_IMAGE_PATH) {
      cards.set(path, getSiteCardInput(SITE));
    } else if (card.title !== undefined && card.section !== undefined) {
      cards.set(path, getPostCardInput({ title: card.title, section: card.section, tags: card.tags }, SITE));
    } else {
      throw new Error(
        `${file}: the page shares the drawn card ${path}, but states no og:title and article:section to draw it from`,
      );
    }
  }
  return cards;
}

/**
 * The site's drawn social cards (the site card and one per post without a hero image), made when
 * the build is done from what the finished pages name (see planSocialCards), copied from a cache
 * that outlives the build in Astro's cache folder (social-images/) or drawn into it first. It logs
 * how many were drawn and how many came from the cache, and removes the cached cards this build no
 * longer uses. Under `astro dev`, routes draw the cards on request.
 */
export function socialImages(): AstroIntegration {
  let cacheDir = '';
  let site: URL | undefined;
  return {
    name: 'social-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command !== 'dev') return;
        injectRoute({
          pattern: '/social/posts/[slug].png',
          entrypoint: new URL('./routes/social-card.ts', import.meta.url),
          prerender: true,
        });
        injectRoute({
          pattern: SITE_SOCIAL_IMAGE_PATH,
          entrypoint: new URL('./routes/site-card.ts', import.meta.url),
          prerender: true,
        });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(new URL('social-images/', config.cacheDir));
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const cache = new SocialCardCache(cacheDir);
        await cache.place(await planSocialCards(outDir, site), outDir, (message) => logger.warn(message));
        // The benchmark and the build tests read this line.
        logger.info(formatSocialCardStats(cache.stats));
        const removed = cache.prune();
        if (removed > 0) logger.info(`social images: ${removed} unused cached image(s) removed`);
      },
    },
  };
}
