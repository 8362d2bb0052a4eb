import { parseContentDate } from '../dates.ts';
import { parseFrontmatter } from '../frontmatter.ts';
import { closestByEdits } from '../nearest.ts';
import { getContentRedirectLists, type PostAddressFacts } from '../redirects.ts';
import { slugifyTag } from '../slugs.ts';
import { getPostPath, getTagPath, judgeUrl, normalizePath } from '../urls.ts';
import type { CheckedContent, ContentRule, Problem } from './types.ts';

const oldAddressCache = new WeakMap<CheckedContent, Set<string>>();

/**
 * The old addresses the build redirects (getContentRedirectLists, which src/data/redirects.ts
 * writes), from the published posts' and pages' raw frontmatter, as normalizePath gives them. An
 * imported post linking to its blog's old addresses (`/2021/03/other-post.html`,
 * `/search/label/Reiki`) links to a page that leads on.
 */
function oldAddresses(content: CheckedContent): Set<string> {
  const cached = oldAddressCache.get(content);
  if (cached) return cached;
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const posts: PostAddressFacts[] = [];
  for (const post of content.posts) {
    if (!content.published.has(post.id)) continue;
    const data = (post.fm.data ?? {}) as Record<string, unknown>;
    const oldLabels = data.oldLabels && typeof data.oldLabels === 'object' ? data.oldLabels : {};
    posts.push({
      path: getPostPath(post.id),
      redirectFrom: strings(data.redirectFrom),
      tags: strings(data.tags).map((label) => ({ label, slug: slugifyTag(label) })),
      oldLabels: Object.fromEntries(
        Object.entries(oldLabels).map(([old, tag]) => [old, typeof tag === 'string' ? tag : '']),
      ),
      // A post without a readable date has no archive address (the date rule reports it).
      pubDate: parseContentDate(data.pubDate, content.input.timeZone) ?? undefined,
      feedId: typeof data.feedId === 'string' ? data.feedId : undefined,
    });
  }
  const pages = (content.input.pages ?? []).flatMap((page) => {
    const data = (parseFrontmatter(page.text).data ?? {}) as Record<string, unknown>;
    return data.draft === true
      ? []
      : [{ path: `/${page.entry.replace(/\.[^.]+$/, '')}/`, redirectFrom: strings(data.redirectFrom) }];
  });
  const lists = getContentRedirectLists(posts, pages, content.input.timeZone);
  const addresses = new Set(lists.flat().map((redirect) => normalizePath(redirect.from)));
  oldAddressCache.set(content, addresses);
  return addresses;
}

/** What to do about a link to no page: the near address when there is one, else the ways out. */
const unknownAddressAdvice = (near: string | undefined) =>
  near
    ? `did you mean ${near}?`
    : 'fix the address or remove the link (an address of the old blog: add it to "redirectFrom" of the post now there)';

/**
 * The candidate closest to `value` (closestByEdits) when it is close enough to be a slip: at most
 * a quarter of the longer of the two in edits, or 2 edits (a letter swapped, `/abuot/`).
 */
function closeEnough(value: string, candidates: Iterable<string>): string | undefined {
  const best = closestByEdits(value, candidates);
  return best && best.edits <= Math.max(2, Math.floor(Math.max(value.length, best.candidate.length) / 4))
    ? best.candidate
    : undefined;
}

/**
 * The address of this site closest to a mistyped one (`/archve/` → `/archive/`): among the fixed
 * routes, pages, published posts and tags (their first pages), the nearest when close enough
 * (closeEnough). Undefined when nothing is that close.
 */
function nearestAddress(path: string, content: CheckedContent): string | undefined {
  const { input, published, tagSlugs } = content;
  const candidates = [
    ...input.staticPaths,
    ...input.pageIds.map((id) => `/${id}/`),
    ...[...published].map(getPostPath),
    ...[...tagSlugs].map((slug) => getTagPath(slug)),
  ];
  return closeEnough(path, candidates);
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
    const { links, others } = post.links();
    const written = [
      ...links.flatMap(({ node, line }) => (node.type === 'link' ? [{ url: node.url, line }] : [])),
      // Links written as HTML (<a href> in raw HTML or in MDX) and link definitions lead somewhere too.
      ...others.filter((other) => other.what === 'the link').map(({ url, line }) => ({ url, line })),
    ];
    for (const { url, line } of written) {
      const verdict = judgeUrl(url, 'link');
      if (!verdict.ok || verdict.kind !== 'site-path') continue;
      const path = normalizePath(url);
      const postLink = /^\/posts\/([^/]+)\/$/.exec(path);
      if (postLink) {
        const target = postLink[1]!;
        if (post.draft || published.has(target)) continue;
        // A slip of a letter or two first, then an address that holds the other (a shortened slug).
        const near =
          closeEnough(target, published) ??
          [...published].find(
            (id) => Math.min(id.length, target.length) >= 4 && (id.includes(target) || target.includes(id)),
          );
        problems.push({
          file: post.file.path,
          line,
          message: drafts.has(target)
            ? `links to ${url}, which is a draft and will not be published; publish it first or remove the link`
            : `links to ${url}, but there is no post "${target}"; ${near ? `did you mean ${getPostPath(near)}?` : 'fix the address or remove the link'}`,
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
          ? `links to ${url}, but that tag's page is at ${getTagPath(tagSlug)}; link to that address instead`
          : `links to ${url}, which is not a page of this site; ${unknownAddressAdvice(nearestAddress(path, content))}`,
        severity: 'error',
      });
    }
    return problems;
  },
};
