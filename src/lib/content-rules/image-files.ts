import { isLocalImagePath } from '../markdown-html-images.ts';
import { judgeUrl } from '../urls.ts';
import { dirname, joinPath } from './body-urls.ts';
import type { ContentRule, Problem } from './types.ts';

/** The path a relative image address names, decoded as Astro decodes it (decodeURI) when it can be. */
function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/**
 * An image a post's body names by a relative path is a file beside the post: a Markdown image, or
 * an `<img>` in its raw HTML (optimised the same way: see markdown-html-images.ts).
 */
export const imageFiles: ContentRule = {
  name: 'image-files',
  checks: "every image a post's body names by a relative path (Markdown or <img> in HTML) exists beside the post",
  scope: 'post',
  check(post, { input }) {
    const { links, htmlImages } = post.links();
    const missing = (src: string, line: number): Problem[] => {
      const imagePath = joinPath(dirname(post.file.path), decoded(src));
      if (input.fileExists(imagePath)) return [];
      return [
        {
          file: post.file.path,
          line,
          message: `the image ${src} does not exist (looked for ${imagePath}); put it next to the post or fix the path`,
          severity: 'error',
        },
      ];
    };
    const problems = links.flatMap(({ node, line }) => {
      if (node.type !== 'image') return [];
      const verdict = judgeUrl(node.url, 'resource');
      if (!verdict.ok || verdict.kind !== 'relative') return [];
      return missing(node.url, line);
    });
    for (const { src, line } of htmlImages) if (isLocalImagePath(src)) problems.push(...missing(src, line));
    return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  },
};
