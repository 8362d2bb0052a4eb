import type { APIRoute } from 'astro';
import { SITEMAP_PATH, toAbsoluteUrl } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${toAbsoluteUrl(SITEMAP_PATH, site ?? SITE.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
