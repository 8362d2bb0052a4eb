import { defineMiddleware } from 'astro:middleware';
import { getDevProblems, renderDevProblems } from './integrations/dev-problems.ts';
import { getLiveSearchIndex, SEARCHABLE_MARKER } from './lib/live-search-index.ts';

/**
 * During a build, hands each rendered post page to the search index as soon as it exists (see
 * src/lib/live-search-index.ts). Under `astro dev`, puts the content's current problems at the top
 * of every page (see src/integrations/dev-problems.ts). Otherwise it passes the response through.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (import.meta.env.SHOW_UNPUBLISHED) return showDevProblems(response);
  const index = getLiveSearchIndex();
  if (!index || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  if (html.includes(SEARCHABLE_MARKER)) index.add(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});

async function showDevProblems(response: Response): Promise<Response> {
  const notice = renderDevProblems(getDevProblems());
  if (!notice || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = (await response.text()).replace(/<body[^>]*>/i, (body) => `${body}${notice}`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}
