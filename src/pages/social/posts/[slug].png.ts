import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedPosts, type Post } from '../../../data/posts.ts';
import { getPostCardInput } from '../../../data/social.ts';
import { getSocialImageKey } from '../../../lib/social-image.ts';
import { getSocialImagePng, prepareSocialImages } from '../../../lib/social-image-cache.ts';

/**
 * A drawn card for each post without a hero image (a post with one shares its hero). Its cache key
 * is the card's own: Astro's incremental build keeps a card whose pixels would not change.
 */
export const getStaticPaths = (async () => {
  const posts = (await getPublishedPosts()).filter((post) => !post.hero);
  // Cards missing from the cache start drawing now, alongside the rest of the build.
  const inputs = posts.map(getPostCardInput);
  prepareSocialImages(inputs);
  return posts.map((post, index) => ({
    params: { slug: post.slug },
    props: { post },
    cacheKey: getSocialImageKey(inputs[index]!),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ post: Post }> = async ({ props }) =>
  new Response(new Uint8Array(await getSocialImagePng(getPostCardInput(props.post))), {
    headers: { 'Content-Type': 'image/png' },
  });
