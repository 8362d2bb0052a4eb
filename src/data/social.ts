import { getImage } from 'astro:assets';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialCardInput } from '../lib/social-image.ts';
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

const KIND_LABELS: Record<Post['kind'], string> = { article: 'Article', review: 'Review' };

/**
 * What a post's drawn card shows: its title, kind and first tag that says more than the kind does
 * (a review tagged "reviews" shows its next tag), and the site's name and address.
 */
export function getPostCardInput(post: Pick<Post, 'title' | 'kind' | 'tags'>): SocialCardInput {
  const label = KIND_LABELS[post.kind];
  const echoes = new Set([label.toLowerCase(), `${label.toLowerCase()}s`]);
  const tag = post.tags.find((candidate) => !echoes.has(candidate.label.toLowerCase()));
  return { ...getSiteIdentity(), title: post.title, label, tag: tag?.label };
}

/** The site-wide card, for every page that is not a post. */
export function getSiteCardInput(): SocialCardInput {
  return { ...getSiteIdentity(), title: SITE.title, subtitle: SITE.description };
}

function getSiteIdentity(): Pick<SocialCardInput, 'siteName' | 'siteHost'> {
  return { siteName: SITE.title, siteHost: new URL(SITE.url).host };
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
      alt: `“${post.title}”, ${post.kind === 'article' ? 'an article' : 'a review'} on ${SITE.title}`,
    };
  }
  return { ...drawn, url: toAbsoluteUrl(SITE_SOCIAL_IMAGE_PATH, site), alt: `${SITE.title}: ${SITE.description}` };
}
