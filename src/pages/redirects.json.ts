import type { APIRoute } from 'astro';
import { getRedirects } from '../data/redirects.ts';

/** Read by the legacy-redirects integration after the build, which turns it into redirect pages. */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getRedirects()), { headers: { 'Content-Type': 'application/json' } });
