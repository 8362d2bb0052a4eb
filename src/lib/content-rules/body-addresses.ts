import { describeUrlProblem, judgeUrl } from '../urls.ts';
import { otherUrlProblems } from './body-urls.ts';
import type { ContentRule, Problem } from './types.ts';

/** Every address in a post's body is usable; in a draft, which is not published, these are notices. */
export const bodyAddresses: ContentRule = {
  name: 'body-addresses',
  checks:
    "every link, image, link definition, HTML or MDX attribute address and bare address in a post's body is usable",
  scope: 'post',
  check(post) {
    const { links, others } = post.links();
    const severity: Problem['severity'] = post.draft ? 'notice' : 'error';
    const problems = otherUrlProblems(post.file.path, others, severity);
    for (const { node, line } of links) {
      const verdict = judgeUrl(node.url, node.type === 'image' ? 'resource' : 'link');
      if (verdict.ok) continue;
      const what = node.type === 'image' ? 'the image' : 'the link';
      problems.push({ file: post.file.path, line, message: describeUrlProblem(what, node.url, verdict), severity });
    }
    return problems;
  },
};
