import type { CollectionEntry } from 'astro:content';
import { toIsoDateTime } from '../lib/dates.ts';
import { breadcrumbNode, postNode, type JsonLdNode } from '../lib/structured-data.ts';
import { toAbsoluteUrl } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { getLastModified, type Post } from './posts.ts';

/** A post's BlogPosting (or Review), from the same values its page shows (its author included). */
export function getPostJsonLd(
  post: Post,
  author: CollectionEntry<'authors'>['data'],
  site: URL | string,
  images: readonly string[],
): JsonLdNode {
  return postNode({
    url: toAbsoluteUrl(post.path, site),
    headline: post.title,
    description: post.description,
    datePublished: toIsoDateTime(post.pubDate, SITE.timeZone),
    dateModified: toIsoDateTime(getLastModified(post), SITE.timeZone),
    author: { name: author.name, organization: author.type === 'organization', url: author.url },
    publisher: { name: SITE.title, url: toAbsoluteUrl('/', site) },
    images,
    keywords: post.tags.map((tag) => tag.label),
    language: post.lang,
    wordCount: post.wordCount,
    review: post.review,
  });
}

/** A BreadcrumbList from the home page through `trail` (site paths) to the current page. */
export function getBreadcrumbs(trail: readonly { name: string; path: string }[], site: URL | string): JsonLdNode {
  return breadcrumbNode(
    [{ name: SITE.title, path: '/' }, ...trail].map(({ name, path }) => ({ name, url: toAbsoluteUrl(path, site) })),
  );
}
