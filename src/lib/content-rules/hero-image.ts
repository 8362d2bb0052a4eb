import { describeUrlProblem, judgeUrl } from '../urls.ts';
import { dirname, joinPath } from './body-urls.ts';
import type { ContentRule, Problem } from './types.ts';

/** A post's hero image is a usable address, and a relative one names a file beside the post. */
export const heroImage: ContentRule = {
  name: 'hero-image',
  checks: "a post's hero.image is a usable address and, when relative, a file that exists beside the post",
  scope: 'post',
  check(post, { input }) {
    const image = ((post.fm.data as { hero?: unknown } | null)?.hero as { image?: unknown } | undefined)?.image;
    if (typeof image !== 'string') return [];
    const at = { file: post.file.path, line: post.fm.lineOf(['hero', 'image']), field: 'hero.image' };
    const verdict = judgeUrl(image, 'resource');
    if (!verdict.ok) return [{ ...at, message: describeUrlProblem('', image, verdict), severity: 'error' }];
    if (verdict.kind !== 'relative') return [];
    const imagePath = joinPath(dirname(post.file.path), image);
    if (input.fileExists(imagePath)) return [];
    const problem: Problem = {
      ...at,
      message: `${image} does not exist (looked for ${imagePath}); put the image next to the post or fix the path`,
      severity: 'error',
    };
    return [problem];
  },
};
