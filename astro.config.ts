import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { previewUnpublished } from './src/integrations/preview-unpublished.ts';
import { SITE } from './src/site.config.ts';

/** Where editors' files live; tests point this at a fixture tree (see src/content.config.ts). */
const CONTENT_DIR = fileURLToPath(new URL(process.env.BLOG_CONTENT_DIR ?? './content', `file://${process.cwd()}/`));
/** Tests build into their own folder so they never disturb dist/. */
const OUT_DIR = process.env.BLOG_OUT_DIR ?? './dist';
const outDirUrl = new URL(`${OUT_DIR.replace(/\/?$/, '/')}`, import.meta.url);

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

export default defineConfig({
  site: process.env.SITE_URL ?? SITE.url,
  outDir: OUT_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  image: { responsiveStyles: true },
  integrations: [
    contentCheck({ contentDir: CONTENT_DIR }),
    previewUnpublished(),
    mdx(),
    sitemap({
      filter: (page) => !new URL(page).pathname.startsWith('/404'),
      serialize(item) {
        const lastmod = readLastModified(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
  ],
});
