import type { APIRoute } from 'astro';
import { getSiteCardInput } from '../../data/social.ts';
import { getSocialImagePng } from '../../lib/social-image-cache.ts';

/** The site's card, the social image of every page that is not a post. */
export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await getSocialImagePng(getSiteCardInput())), {
    headers: { 'Content-Type': 'image/png' },
  });
