import type { APIRoute, GetStaticPaths } from 'astro';
import { getPublishedPosts, type Post } from '../../../data/posts.ts';
import { getPostCardInput } from '../../../data/social.ts';
import { getSocialImagePng, prepareSocialImages } from '../../../lib/social-image-cache.ts';

/** A drawn card for each post without a hero image (a post with one shares its hero). */
export const getStaticPaths = (async () => {
  const posts = (await getPublishedPosts()).filter((post) => !post.hero);
  // Cards missing from the cache start drawing now, alongside the rest of the build.
  prepareSocialImages(posts.map(getPostCardInput));
  return posts.map((post) => ({ params: { slug: post.slug }, props: { post } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ post: Post }> = async ({ props }) =>
  new Response(new Uint8Array(await getSocialImagePng(getPostCardInput(props.post))), {
    headers: { 'Content-Type': 'image/png' },
  });
