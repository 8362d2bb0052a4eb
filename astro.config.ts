import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig, envField } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { legacyRedirects } from './src/integrations/legacy-redirects.ts';
import { autolinkLiterals } from './src/integrations/markdown-autolinks.ts';
import { localImagesInRawHtml } from './src/integrations/markdown-html-images.ts';
import { withExactImageText } from './src/integrations/markdown-image-text.ts';
import { withTypographyChoice } from './src/integrations/markdown-typography.ts';
import { previewUnpublished } from './src/integrations/preview-unpublished.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { CONTENT_DIR_VARIABLE, resolveContentDir } from './src/lib/content-dir.ts';
import { SITE } from './src/site.config.ts';

/** Where editors' files live; tests point this at a fixture tree (see src/content.config.ts). */
const CONTENT_DIR = resolveContentDir();
/** Tests build into their own folder so they never disturb dist/. */
const OUT_DIR = process.env.BLOG_OUT_DIR ?? './dist';
const outDirUrl = new URL(`${OUT_DIR.replace(/\/?$/, '/')}`, import.meta.url);
/**
 * Astro's caches (the content store, optimised images, drawn social cards) belong to one content
 * folder. The content store keeps an unchanged entry's file path from the build that first read it,
 * so builds of the test site's copy must not share it with builds of content/.
 */
const CACHE_DIR = process.env[CONTENT_DIR_VARIABLE]?.trim()
  ? `./node_modules/.astro-content-${createHash('sha256').update(CONTENT_DIR).digest('hex').slice(0, 12)}/`
  : './node_modules/.astro/';

// Each post page states its last change in <meta property="article:modified_time">; the sitemap
// reads it there, so its lastmod comes from the same published data as the page itself.
const MODIFIED_META = /<meta property="article:modified_time" content="([^"]+)"/;
function readLastModified(pageUrl: string): string | undefined {
  const file = new URL(`.${new URL(pageUrl).pathname}index.html`, outDirUrl);
  try {
    return MODIFIED_META.exec(readFileSync(fileURLToPath(file), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Astro keeps parsed content between builds and re-reads it only when the text of
 * src/content.config.ts changes; our schemas live in src/lib and the settings file. Their digest is
 * declared as a build constant in env (a part of the config Astro hashes; vite is not), so changing a
 * schema clears the cache instead of publishing data parsed by the old one.
 */
function digestSchemaSources(): string {
  const hash = createHash('sha256');
  const lib = new URL('./src/lib/', import.meta.url);
  // The modules of src/lib and the collections' schemas in src/lib/schemas/ (not its other folders).
  const files = readdirSync(lib, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && (!name.includes('/') || name.startsWith('schemas/')))
    .sort()
    .map((name) => new URL(name, lib));
  for (const file of [...files, new URL('./src/site.config.ts', import.meta.url)]) {
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The site's Markdown processor (its steps are described where `markdown` is set, below). */
const markdownProcessor = withExactImageText(
  withTypographyChoice(
    satteri({
      features: { smartPunctuation: { quotes: true, ellipses: true, dashes: false } },
      hastPlugins: [localImagesInRawHtml(), autolinkLiterals()],
    }),
  ),
);
// Astro keeps each entry's rendered HTML until the entry or this config changes, and a plugin
// function does not count: a value in the processor's options does. Change it when a raw-HTML step
// writes differently, so entries rendered before are rendered again (a raw <img>'s srcset, "www.",
// where a bare address ends).
Object.assign(markdownProcessor.options, { rawHtmlSteps: 'astro-srcset-only+bare-www-as-text+autolink-ends' });

export default defineConfig({
  site: process.env.SITE_URL ?? SITE.url,
  outDir: OUT_DIR,
  cacheDir: CACHE_DIR,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages in flight at once: while one waits for the disk (writing a page, or copying one kept by
    // the incremental build), another renders. Measured in the note of issue 7 (npm run bench).
    concurrency: 8,
  },
  image: { responsiveStyles: true, layout: 'constrained' },
  markdown: {
    // Typography keeps the characters the author typed where they can carry meaning: straight
    // quotes curl and "..." becomes an ellipsis (only the glyph changes), but "--" and "---" stay
    // hyphens, because the site cannot tell a dash from a command-line flag (`--verbose`), an ASCII
    // arrow or a separator, and an author who wants a dash types one (– or —). Code is never touched.
    // Local images in raw HTML (an imported Blogger table, an editor's <div>) are optimised like
    // ![alt](./photo.jpg): see src/lib/markdown-html-images.ts. An image's alt and title reach the
    // page as written, backticks too: see src/integrations/markdown-image-text.ts.
    // A post or page whose frontmatter says `typography: false` (an imported Blogger post does)
    // keeps every character as typed: see src/integrations/markdown-typography.ts. "www." in a
    // sentence stays text, not a link to http://www, and an address written bare ends before a
    // curly quote or a Chinese full stop: see src/integrations/markdown-autolinks.ts.
    processor: markdownProcessor,
  },
  experimental: {
    // A rebuild renders again only the pages whose data changed: the routes that list every post
    // return a cacheKey from getStaticPaths (src/data/page-keys.ts); Astro copies the rest from its
    // cache. `astro build --force` renders everything.
    incrementalBuild: true,
  },
  vite: {
    build: {
      rollupOptions: {
        // Astro's MDX output starts with its own "use astro:head-inject" directive, which Astro's plugin
        // handles; the bundler's warning about it is noise an editor can do nothing about.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  env: {
    schema: {
      CONTENT_SCHEMA_DIGEST: envField.string({ context: 'server', access: 'public', default: digestSchemaSources() }),
    },
  },
  integrations: [
    contentCheck({ contentDir: CONTENT_DIR }),
    previewUnpublished(),
    mdx(),
    sitemap({
      // Not for search engines: the 404 page, and the thank-you pages the comment inbox sends readers to.
      filter: (page) => !/^\/(?:404|comments\/received\/)/.test(new URL(page).pathname),
      serialize(item) {
        const lastmod = readLastModified(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
    legacyRedirects({ language: SITE.language }),
    searchIndex(),
    securityHeaders(),
    socialImages(),
  ],
});
