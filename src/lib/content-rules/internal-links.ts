import { slugifyTag } from '../slugs.ts';
import { getPostPath, getTagPath, judgeUrl, normalizePath } from '../urls.ts';
import type { ContentRule, Problem } from './types.ts';

/**
 * A link from a published post to a path of this site leads somewhere: a published post (with a
 * near slug suggested), a page, a tag that exists, or a path that is always there.
 */
export const internalLinks: ContentRule = {
  name: 'internal-links',
  checks: 'a link to a path of this site leads to a published post, a page, a tag or a fixed route',
  scope: 'post',
  check(post, { input, published, drafts, tagSlugs }) {
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
        (tagLink !== null && tagSlugs.has(tagLink[1]!));
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
