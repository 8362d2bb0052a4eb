import { getContentRedirectLists, mergeRedirects, type Redirect } from '../lib/redirects.ts';
import { getPagePath, getPostPath, getTagPath } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { getPublishedPosts } from './posts.ts';
import { getPages } from './site.ts';
import { getTagSummaries } from './tags.ts';

/**
 * Every old address and where it leads (getContentRedirectLists names them: redirectFrom, file-name
 * addresses, Blogger's label, archive and feed addresses), from the published posts and the pages.
 * A real page's address is never redirected.
 */
export async function getRedirects(): Promise<Redirect[]> {
  const [posts, pages, tags] = await Promise.all([getPublishedPosts(), getPages(), getTagSummaries()]);
  const realPaths = new Set([
    ...posts.map((post) => post.path),
    ...pages.map((page) => getPagePath(page.id)),
    ...tags.map((tag) => getTagPath(tag.slug)),
  ]);
  const lists = getContentRedirectLists(
    posts.map((post) => ({
      path: post.path,
      filePath: getPostPath(post.fileId),
      redirectFrom: post.redirectFrom,
      tags: post.entry.data.tags,
      oldLabels: post.entry.data.oldLabels,
      pubDate: post.pubDate,
      feedId: post.feedId,
    })),
    pages.map((page) => ({ path: getPagePath(page.id), redirectFrom: page.data.redirectFrom })),
    SITE.timeZone,
  );
  return mergeRedirects(lists, realPaths);
}
