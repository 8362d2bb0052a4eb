import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getRedirectFilePath, renderRedirectPage, renderRedirectsFile, type Redirect } from '../lib/redirects.ts';

/**
 * After the build, turns /redirects.json (see src/data/redirects.ts) into a redirect page at each
 * old address (meta refresh and canonical, for any static host) and a _redirects file of permanent
 * redirects (Netlify, Cloudflare Pages). A real page is never overwritten, and no page is written
 * for an address a server reads as another (getRedirectFilePath).
 */
export function legacyRedirects({ language }: { language: string }): AstroIntegration {
  let site = '';
  return {
    name: 'legacy-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const manifest = join(outDir, 'redirects.json');
        if (!existsSync(manifest)) return;
        const redirects = JSON.parse(readFileSync(manifest, 'utf8')) as Redirect[];
        rmSync(manifest);
        const written: Redirect[] = [];
        let pageless = 0;
        for (const redirect of redirects) {
          const path = getRedirectFilePath(redirect.from);
          if (path === undefined) {
            // A server reads this address as another ("/search/label/..%2Fetc" as /search/etc), or
            // a name in it is too long for a file: no page; _redirects and nginx match it as sent.
            written.push(redirect);
            pageless += 1;
            continue;
          }
          const file = resolve(outDir, path);
          if (!file.startsWith(resolve(outDir) + sep)) {
            throw new Error(
              `the old address ${redirect.from} (to ${redirect.to}) would be written outside the output folder; remove the ".." from it`,
            );
          }
          if (existsSync(file)) {
            logger.warn(`${redirect.from} is a page of the site; not redirecting it to ${redirect.to}`);
            continue;
          }
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, renderRedirectPage(new URL(redirect.to, site).href, language));
          written.push(redirect);
        }
        writeFileSync(join(outDir, '_redirects'), renderRedirectsFile(written));
        logger.info(
          `${written.length} redirect(s) from old addresses written${pageless ? ` (${pageless} in _redirects only: their addresses hold "/", "." or ".." that a static host reads as other addresses, or a name too long for a file)` : ''}`,
        );
      },
    },
  };
}
