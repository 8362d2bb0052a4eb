import { defineMiddleware } from 'astro:middleware';
import { getLiveSearchIndex, SEARCHABLE_MARKER } from './lib/live-search-index.ts';

/**
 * During a build, hands each rendered post page to the search index as soon as it exists (see
 * src/lib/live-search-index.ts). Everywhere else (the dev server, a build without the index) it
 * passes the response through untouched.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const index = getLiveSearchIndex();
  if (!index || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (html.includes(SEARCHABLE_MARKER)) index.add(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
