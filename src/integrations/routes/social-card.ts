import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedPosts, type Post } from '../../data/posts.ts';
import { getPostCardInputOf } from '../../data/social.ts';
import { drawSocialImage } from '../social-card-drawing.ts';

/**
 * A post's drawn card under `astro dev` only (src/integrations/social-images.ts injects it there),
 * drawn on each request. A build makes the cards in the social-images integration instead.
 */
export const getStaticPaths = (async () => {
  return (await getPublishedPosts())
    .filter((post) => !post.hero)
    .map((post) => ({ params: { slug: post.slug }, props: { post } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ post: Post }> = async ({ props }) =>
  new Response(new Uint8Array(await drawSocialImage(getPostCardInputOf(props.post))), {
    headers: { 'Content-Type': 'image/png' },
  });
