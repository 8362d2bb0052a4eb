import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedPosts, type Post } from '../../data/posts.ts';
import { getPostCardInput } from '../../data/social.ts';
import { getSocialImagePng } from '../../lib/social-image-cache.ts';

/**
 * A post's drawn card under `astro dev` only (src/integrations/social-images.ts injects it there). A
 * build does not render cards as pages: the integration copies each one from the card cache into the
 * output, which spares Astro writing, and its incremental build copying, thousands of images.
 */
export const getStaticPaths = (async () => {
  return (await getPublishedPosts())
    .filter((post) => !post.hero)
    .map((post) => ({ params: { slug: post.slug }, props: { post } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ post: Post }> = async ({ props }) =>
  new Response(new Uint8Array(await getSocialImagePng(getPostCardInput(props.post))), {
    headers: { 'Content-Type': 'image/png' },
  });
