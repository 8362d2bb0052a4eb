import { Parser } from 'htmlparser2';

/** Open Graph's recommended size for a large card; every social image of the site has it. */
export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/** What a card shows. Everything here reaches the pixels, so everything here is in the cache key. */
export interface SocialCardInput {
  /** The large text: a post's title, or the site's name on the site card. */
  title: string;
  siteName: string;
  /** The site's address without the scheme, e.g. "massage-wellness.example", shown after its name. */
  siteHost?: string | undefined;
  /** A small word above the title, e.g. "Review". */
  label?: string | undefined;
  /** A tag shown after the label. */
  tag?: string | undefined;
  /** A line of smaller text under the title (the site card's description). */
  subtitle?: string | undefined;
}

/** The settings a card names the site by (SITE in src/site.config.ts). */
export interface CardSite {
  title: string;
  description: string;
  /** The site's address; the card shows its host. */
  url: string;
}

/**
 * What a post's drawn card shows, from the words its page states: its title, its section (the
 * post's kind: "Article", "Review") as the small label, and its first tag that says more than the
 * label does (a review tagged "reviews" shows its next tag); the site's name and address come from
 * the settings. The one rule for a post's card, whether the post comes from the data layer
 * (src/data/social.ts) or from its built page (readPageCard).
 */
export function getPostCardInput(
  post: { title: string; section: string; tags: readonly string[] },
  site: CardSite,
): SocialCardInput {
  const echoes = new Set([post.section.toLowerCase(), `${post.section.toLowerCase()}s`]);
  const tag = post.tags.find((candidate) => !echoes.has(candidate.toLowerCase()));
  return { ...getSiteIdentity(site), title: post.title, label: post.section, tag };
}

/** The site-wide card, for every page that is not a post: the site's name and description. */
export function getSiteCardInput(site: CardSite): SocialCardInput {
  return { ...getSiteIdentity(site), title: site.title, subtitle: site.description };
}

function getSiteIdentity(site: CardSite): Pick<SocialCardInput, 'siteName' | 'siteHost'> {
  return { siteName: site.title, siteHost: new URL(site.url).host };
}

/** The Open Graph properties of a built page's <head> that name its card and what the card shows. */
export interface PageCard {
  /** og:image: the address of the image the page shares (absolute, as written). */
  image: string;
  /** og:title. */
  title: string | undefined;
  /** article:section (a post's kind label). */
  section: string | undefined;
  /** article:tag, in the order written. */
  tags: string[];
}

/**
 * Reads a built page's shared image and the Open Graph article properties its card is drawn from
 * (og:image, og:title, article:section, article:tag; https://ogp.me/#type_article), with their
 * character references decoded. Stops at </head>. Undefined when the page names no og:image.
 */
export function readPageCard(html: string): PageCard | undefined {
  const found: Partial<PageCard> & { tags: string[] } = { tags: [] };
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (done || name !== 'meta' || attributes.content === undefined) return;
        const content = attributes.content;
        switch (attributes.property) {
          case 'og:image':
            found.image ??= content;
            break;
          case 'og:title':
            found.title ??= content;
            break;
          case 'article:section':
            found.section ??= content;
            break;
          case 'article:tag':
            found.tags.push(content);
            break;
        }
      },
      onclosetag(name) {
        if (name === 'head') done = true;
      },
    },
    { decodeEntities: true },
  );
  const end = html.indexOf('</head>');
  parser.end(end === -1 ? html : html.slice(0, end + '</head>'.length));
  const { image, title, section, tags } = found;
  return image === undefined ? undefined : { image, title, section, tags };
}
