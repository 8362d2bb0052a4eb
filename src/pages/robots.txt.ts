import type { APIRoute } from 'astro';
import { toAbsoluteUrl } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${toAbsoluteUrl('/sitemap-index.xml', site ?? SITE.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
