import type { APIRoute } from 'astro';
import { getSiteCardInput } from '../../lib/social-card-input.ts';
import { drawSocialImage } from '../social-card-drawing.ts';
import { SITE } from '../../site.config.ts';

/**
 * The site's card under `astro dev` only (src/integrations/social-images.ts injects it there), drawn
 * on each request. A build makes it in the social-images integration.
 */
export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await drawSocialImage(getSiteCardInput(SITE))), {
    headers: { 'Content-Type': 'image/png' },
  });
