import { groupByYearAndMonth } from '../lib/archive.ts';
import { getCalendarParts } from '../lib/dates.ts';
import {
  BLOGGER_FIXED_REDIRECTS,
  getBloggerArchiveFiles,
  getBloggerLabelPath,
  mergeRedirects,
  type Redirect,
} from '../lib/redirects.ts';
import { slugifyTag } from '../lib/slugs.ts';
import { getArchiveMonthId, getPagePath, getPostPath, getTagPath, ARCHIVE_PATH, TAGS_PATH } from '../lib/urls.ts';
import { SITE } from '../site.config.ts';
import { getPublishedPosts } from './posts.ts';
import { getPages } from './site.ts';
import { getTagSummaries } from './tags.ts';

/**
 * Every old address and where it leads: the redirectFrom of published posts and of pages (old
 * Blogger addresses, or a post's address before its slug changed), the file-name address of a post
 * that sets a `slug`, then Blogger's label addresses (each tag as posts write it, then the old
 * spellings in posts' oldLabels), archive and feed addresses. A real page's address is never redirected.
 */
export async function getRedirects(): Promise<Redirect[]> {
  const [posts, pages, tags] = await Promise.all([getPublishedPosts(), getPages(), getTagSummaries()]);
  const archive = groupByYearAndMonth(posts, SITE.timeZone).flatMap(({ year, months }) => [
    { from: `/${year}/`, to: `${ARCHIVE_PATH}#year-${year}` },
    ...months.map(({ month }) => ({
      from: `/${year}/${String(month).padStart(2, '0')}/`,
      to: `${ARCHIVE_PATH}#${getArchiveMonthId(year, month)}`,
    })),
  ]);
  // The older archive pages (/2021_03_01_archive.html) of posts that came from Blogger (a feed id of
  // Blogger's): only such a blog ever had them, and a large blog of its own pays no page for them.
  const bloggerArchive = posts
    .filter((post) => post.feedId?.startsWith('tag:blogger.com,'))
    .map((post) => {
      const { year, month, day } = getCalendarParts(post.pubDate, SITE.timeZone);
      const to = `${ARCHIVE_PATH}#${getArchiveMonthId(year, month)}`;
      const files = getBloggerArchiveFiles(year, month, day);
      return { exact: files.exact.map((from) => ({ from, to })), week: files.week.map((from) => ({ from, to })) };
    });
  const realPaths = new Set([
    ...posts.map((post) => post.path),
    ...pages.map((page) => getPagePath(page.id)),
    ...tags.map((tag) => getTagPath(tag.slug)),
  ]);
  return mergeRedirects(
    [
      posts.flatMap((post) => post.redirectFrom.map((from) => ({ from, to: post.path }))),
      // A post whose `slug` differs from its file name is also reachable at the file name's address.
      posts.map((post) => ({ from: getPostPath(post.fileId), to: post.path })),
      pages.flatMap((page) => page.data.redirectFrom.map((from) => ({ from, to: getPagePath(page.id) }))),
      // Blogger's label addresses are case-sensitive: every spelling a post uses gets one.
      // The tags as each post writes them: post.tags holds one canonical label per tag.
      posts.flatMap((post) =>
        post.entry.data.tags.map((tag) => ({ from: getBloggerLabelPath(tag.label), to: getTagPath(tag.slug) })),
      ),
      // Old spellings the importer merged into one tag, or labels of symbols it named (oldLabels).
      posts.flatMap((post) =>
        Object.entries(post.entry.data.oldLabels)
          .filter(([, tag]) => tag)
          .map(([old, tag]) => ({ from: getBloggerLabelPath(old), to: getTagPath(slugifyTag(tag)) })),
      ),
      // Labels that were no tag (spaces or invisible characters only, an empty tag in oldLabels):
      // to the one post that had it, else to the list of tags.
      [
        ...Map.groupBy(
          posts.flatMap((post) =>
            Object.entries(post.entry.data.oldLabels)
              .filter(([, tag]) => !tag)
              .map(([old]) => ({ old, path: post.path })),
          ),
          ({ old }) => old,
        ),
      ].map(([old, had]) => ({ from: getBloggerLabelPath(old), to: had.length === 1 ? had[0]!.path : TAGS_PATH })),
      archive,
      bloggerArchive.flatMap((files) => files.exact),
      bloggerArchive.flatMap((files) => files.week),
      BLOGGER_FIXED_REDIRECTS,
    ],
    realPaths,
  );
}
