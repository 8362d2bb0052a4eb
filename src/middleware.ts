import { defineMiddleware } from 'astro:middleware';
import { getDevProblems, renderDevProblems } from './integrations/dev-problems.ts';

/**
 * Under `astro dev` (with unpublished posts shown), puts the content's current problems at the top
 * of every page (see src/integrations/dev-problems.ts). A build passes every response through
 * untouched: the search index and the other generated files are made by integrations from the
 * finished output, not here.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!import.meta.env.SHOW_UNPUBLISHED) return response;
  const notice = renderDevProblems(getDevProblems());
  if (!notice || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = (await response.text()).replace(/<body[^>]*>/i, (body) => `${body}${notice}`);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
