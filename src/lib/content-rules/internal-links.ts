import { getCalendarParts, parseContentDate } from '../dates.ts';
import { parseFrontmatter } from '../frontmatter.ts';
import {
  BLOGGER_FIXED_REDIRECTS,
  BLOGGER_LABEL_PREFIX,
  getBloggerArchiveFiles,
  getBloggerLabelPath,
} from '../redirects.ts';
import { slugifyTag } from '../slugs.ts';
import { getPostPath, getTagPath, judgeUrl, normalizePath } from '../urls.ts';
import type { CheckedContent, ContentRule, Problem } from './types.ts';

const oldAddressCache = new WeakMap<CheckedContent, Set<string>>();

/**
 * The old addresses the build redirects (src/data/redirects.ts writes them): every redirectFrom of
 * a published post or page, Blogger's label address of each tag and old label, /search/label/,
 * the year and month archive addresses of the published posts and, for posts from Blogger, the
 * older archive pages; all as normalizePath gives them. An imported post linking to its blog's
 * old addresses (`/2021/03/other-post.html`, `/search/label/Reiki`) links to a page that leads on.
 */
function oldAddresses(content: CheckedContent): Set<string> {
  const cached = oldAddressCache.get(content);
  if (cached) return cached;
  const paths = [BLOGGER_LABEL_PREFIX, ...BLOGGER_FIXED_REDIRECTS.map((redirect) => redirect.from)];
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  for (const post of content.posts) {
    if (!content.published.has(post.id)) continue;
    const data = (post.fm.data ?? {}) as Record<string, unknown>;
    paths.push(...strings(data.redirectFrom));
    const oldLabels = data.oldLabels && typeof data.oldLabels === 'object' ? Object.keys(data.oldLabels) : [];
    for (const label of [...strings(data.tags), ...oldLabels]) paths.push(getBloggerLabelPath(label));
    const published = parseContentDate(data.pubDate, content.input.timeZone);
    if (!published) continue;
    const { year, month, day } = getCalendarParts(published, content.input.timeZone);
    paths.push(`/${year}/`, `/${year}/${String(month).padStart(2, '0')}/`);
    if (typeof data.feedId === 'string' && data.feedId.startsWith('tag:blogger.com,')) {
      const files = getBloggerArchiveFiles(year, month, day);
      paths.push(...files.exact, ...files.week);
    }
  }
  for (const page of content.input.pages ?? []) {
    const data = (parseFrontmatter(page.text).data ?? {}) as Record<string, unknown>;
    if (data.draft !== true) paths.push(...strings(data.redirectFrom));
  }
  const addresses = new Set(paths.map((path) => normalizePath(path)));
  oldAddressCache.set(content, addresses);
  return addresses;
}

/**
 * A link from a published post to a path of this site leads somewhere: a published post (with a
 * near slug suggested), a page, a tag that exists, a path that is always there, or an old address
 * the build redirects (see oldAddresses).
 */
export const internalLinks: ContentRule = {
  name: 'internal-links',
  checks: 'a link to a path of this site leads to a published post, a page, a tag or a fixed route',
  scope: 'post',
  check(post, content) {
    const { input, published, drafts, tagSlugs } = content;
    const problems: Problem[] = [];
    for (const { node, line } of post.links().links) {
      if (node.type !== 'link') continue;
      const verdict = judgeUrl(node.url, 'link');
      if (!verdict.ok || verdict.kind !== 'site-path') continue;
      const path = normalizePath(node.url);
      const postLink = /^\/posts\/([^/]+)\/$/.exec(path);
      if (postLink) {
        const target = postLink[1]!;
        if (post.draft || published.has(target)) continue;
        const near = [...published].find((id) => id.includes(target) || target.includes(id));
        problems.push({
          file: post.file.path,
          line,
          message: drafts.has(target)
            ? `links to ${node.url}, which is a draft and will not be published; publish it first or remove the link`
            : `links to ${node.url}, but there is no post "${target}"; ${near ? `did you mean ${getPostPath(near)}?` : 'fix the address or remove the link'}`,
          severity: 'error',
        });
        continue;
      }
      const tagLink = /^\/tags\/([^/]+)\/(?:\d+\/)?$/.exec(path);
      const known =
        input.staticPaths.has(path) ||
        input.pageIds.some((id) => path === `/${id}/`) ||
        (tagLink !== null && tagSlugs.has(tagLink[1]!)) ||
        oldAddresses(content).has(path);
      if (known || post.draft) continue;
      // "/tags/C++/" is no address, but the tag it names may have one: "/tags/c-plus-plus/".
      const tagSlug = tagLink ? slugifyTag(tagLink[1]!) : '';
      problems.push({
        file: post.file.path,
        line,
        message: tagSlugs.has(tagSlug)
          ? `links to ${node.url}, but that tag's page is at ${getTagPath(tagSlug)}; link to that address instead`
          : `links to ${node.url}, which is not a page of this site; check the address`,
        severity: 'error',
      });
    }
    return problems;
  },
};
