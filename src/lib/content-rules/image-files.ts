import { judgeUrl } from '../urls.ts';
import { dirname, joinPath } from './body-urls.ts';
import type { ContentRule } from './types.ts';

/** An image a post's body names by a relative path is a file beside the post. */
export const imageFiles: ContentRule = {
  name: 'image-files',
  checks: "every image a post's body names by a relative path exists beside the post",
  scope: 'post',
  check(post, { input }) {
    return post.links().links.flatMap(({ node, line }) => {
      if (node.type !== 'image') return [];
      const verdict = judgeUrl(node.url, 'resource');
      if (!verdict.ok || verdict.kind !== 'relative') return [];
      const imagePath = joinPath(dirname(post.file.path), decodeURI(node.url));
      if (input.fileExists(imagePath)) return [];
      return [
        {
          file: post.file.path,
          line,
          message: `the image ${node.url} does not exist (looked for ${imagePath}); put it next to the post or fix the path`,
          severity: 'error' as const,
        },
      ];
    });
  },
};
