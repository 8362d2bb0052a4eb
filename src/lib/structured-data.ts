/**
 * Schema.org structured data (JSON-LD) built from the same values the page shows, so search engines
 * read exactly what readers see. Pure functions: pages pass in their data and absolute URLs.
 */

export type JsonLdNode = { '@type': string | string[] } & Record<string, unknown>;

const SCHEMA_CONTEXT = 'https://schema.org';

/**
 * The JSON-LD document for a page's nodes, safe inside <script type="application/ld+json">: "<", ">"
 * and "&" are written as \u escapes, so a title containing "</script>" cannot end the script early.
 */
export function serializeJsonLd(nodes: readonly JsonLdNode[]): string {
  const document =
    nodes.length === 1 ? { '@context': SCHEMA_CONTEXT, ...nodes[0] } : { '@context': SCHEMA_CONTEXT, '@graph': nodes };
  return JSON.stringify(document)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface Publisher {
  name: string;
  url: string;
}

export interface AuthorInfo {
  name: string;
  /** A team or company rather than one person. */
  organization: boolean;
  url?: string | undefined;
}

function publisherNode({ name, url }: Publisher): JsonLdNode {
  return { '@type': 'Organization', name, url };
}

function authorNode({ name, organization, url }: AuthorInfo): JsonLdNode {
  return { '@type': organization ? 'Organization' : 'Person', name, ...(url ? { url } : {}) };
}

/** The home page: the site, and how to search it (the search page reads ?q=). */
export function websiteNode(site: {
  name: string;
  url: string;
  description: string;
  language: string;
  searchUrlTemplate: string;
}): JsonLdNode {
  return {
    '@type': 'WebSite',
    name: site.name,
    url: site.url,
    description: site.description,
    inLanguage: site.language,
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: site.searchUrlTemplate },
      'query-input': 'required name=search_term_string',
    },
  };
}

export interface ReviewedBusiness {
  /** The therapist or business reviewed. */
  subject: string;
  area: string;
  city: string;
  services: readonly string[];
  /** 1 to 5; only a draft previewed in dev has none. */
  rating?: number | undefined;
}

export interface PostData {
  url: string;
  headline: string;
  description: string;
  /** ISO 8601 with the site's offset. */
  datePublished: string;
  dateModified: string;
  author: AuthorInfo;
  publisher: Publisher;
  /** Absolute image URLs: the hero or the drawn social card. */
  images: readonly string[];
  keywords: readonly string[];
  language: string;
  wordCount: number;
  /** Present on reviews. */
  review?: ReviewedBusiness | undefined;
}

/**
 * An article is a BlogPosting; a review is a Review of a local business (named, with the area it
 * serves and the services tried) carrying its rating out of 5.
 */
export function postNode(post: PostData): JsonLdNode {
  const common = {
    '@id': `${post.url}#post`,
    mainEntityOfPage: post.url,
    url: post.url,
    headline: post.headline,
    name: post.headline,
    description: post.description,
    datePublished: post.datePublished,
    dateModified: post.dateModified,
    author: authorNode(post.author),
    publisher: publisherNode(post.publisher),
    inLanguage: post.language,
    wordCount: post.wordCount,
    ...(post.images.length > 0 ? { image: [...post.images] } : {}),
    ...(post.keywords.length > 0 ? { keywords: post.keywords.join(', ') } : {}),
  };
  if (!post.review) return { '@type': 'BlogPosting', ...common };
  const { subject, area, city, services, rating } = post.review;
  return {
    '@type': 'Review',
    ...common,
    itemReviewed: {
      '@type': 'LocalBusiness',
      name: subject,
      address: { '@type': 'PostalAddress', addressLocality: city },
      areaServed: { '@type': 'Place', name: `${area}, ${city}` },
      makesOffer: services.map((service) => ({
        '@type': 'Offer',
        itemOffered: { '@type': 'Service', name: service },
      })),
    },
    ...(rating !== undefined && {
      reviewRating: { '@type': 'Rating', ratingValue: rating, bestRating: 5, worstRating: 1 },
    }),
  };
}

/** The trail from the home page to this page; the last crumb is the page itself. */
export function breadcrumbNode(crumbs: readonly { name: string; url: string }[]): JsonLdNode {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

export interface VideoData {
  name: string;
  description: string;
  /** Absolute URL of the poster image. */
  thumbnailUrl: string;
  uploadDate: string;
  durationSeconds: number;
  /** The file itself, for a self-hosted video. */
  contentUrl?: string | undefined;
  /** The player page of a hosted video (YouTube, Vimeo). */
  embedUrl?: string | undefined;
  /** The page that shows the video. */
  pageUrl: string;
}

/** "PT1H2M3S": an ISO 8601 duration. */
export function toIsoDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || totalSeconds === 0 ? `${seconds}S` : ''}`;
  return `PT${parts}`;
}

export function videoNode(video: VideoData): JsonLdNode {
  return {
    '@type': 'VideoObject',
    name: video.name,
    description: video.description,
    thumbnailUrl: video.thumbnailUrl,
    uploadDate: video.uploadDate,
    duration: toIsoDuration(video.durationSeconds),
    url: video.pageUrl,
    ...(video.contentUrl ? { contentUrl: video.contentUrl } : {}),
    ...(video.embedUrl ? { embedUrl: video.embedUrl } : {}),
  };
}
