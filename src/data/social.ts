import { getImage } from 'astro:assets';
import { POST_KINDS } from '../lib/post-kinds.ts';
import { getPostCardInput } from '../lib/social-card-input.ts';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialCardInput } from '../lib/social-card-input.ts';
import { getSocialImagePath, SITE_SOCIAL_IMAGE_PATH, toAbsoluteUrl } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import type { Post } from './posts.ts';

/** The image a page shows when shared (Open Graph and Twitter cards). */
export interface SocialImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
  type: 'image/png' | 'image/jpeg';
}

/**
 * The section a post page states in its Open Graph article properties (article:section): its kind,
 * "Article" or "Review". Its drawn card shows it as the small label (see getPostCardInput).
 */
export function getPostSection(post: Pick<Post, 'kind'>): string {
  return POST_KINDS[post.kind].label;
}

/** What a post's drawn card shows, from the data layer (the dev route draws it from this). */
export function getPostCardInputOf(post: Pick<Post, 'title' | 'kind' | 'tags'>): SocialCardInput {
  return getPostCardInput(
    {
      title: post.title,
      section: getPostSection(post),
      tags: post.tags.map((tag) => tag.label),
    },
    SITE,
  );
}

/**
 * A post's social image: its hero, cropped to the card's 1200x630 shape (JPEG, which every
 * platform reads), or else its drawn card. Without a post, the site's card.
 */
export async function getSocialImage(post: Post | undefined, site: string | URL): Promise<SocialImage> {
  if (post?.hero) {
    const { image, alt } = post.hero;
    // Astro never enlarges an image: a smaller hero gets the largest crop of the same shape it has.
    const scale = Math.min(1, image.width / SOCIAL_IMAGE_WIDTH, image.height / SOCIAL_IMAGE_HEIGHT);
    const width = Math.floor(SOCIAL_IMAGE_WIDTH * scale);
    const height = Math.floor(SOCIAL_IMAGE_HEIGHT * scale);
    const cropped = await getImage({ src: image, width, height, fit: 'cover', format: 'jpeg', quality: 82 });
    return { url: toAbsoluteUrl(cropped.src, site), width, height, alt, type: 'image/jpeg' };
  }
  const drawn = {
    width: SOCIAL_IMAGE_WIDTH,
    height: SOCIAL_IMAGE_HEIGHT,
    type: 'image/png',
  } as const;
  if (post) {
    return {
      ...drawn,
      url: toAbsoluteUrl(getSocialImagePath(post.slug), site),
      alt: `“${post.title}”, ${POST_KINDS[post.kind].inSentence} on ${SITE.title}`,
    };
  }
  return { ...drawn, url: toAbsoluteUrl(SITE_SOCIAL_IMAGE_PATH, site), alt: `${SITE.title}: ${SITE.description}` };
}
