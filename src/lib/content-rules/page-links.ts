import { parseFrontmatter } from '../frontmatter.ts';
import { describeUrlProblem, judgeUrl } from '../urls.ts';
import { collectLinks, otherUrlProblems } from './body-urls.ts';
import type { ContentRule, Problem, SourceFile } from './types.ts';

/** The links, images and other URLs in a page's body (content/pages/). */
function pageUrlProblems(file: SourceFile): Problem[] {
  const fm = parseFrontmatter(file.text);
  if (fm.errors.length > 0) return [];
  const { links, others } = collectLinks(fm.body, fm.bodyLine, file.path.endsWith('.mdx'));
  const problems = otherUrlProblems(file.path, others, 'error');
  for (const { node, line } of links) {
    const verdict = judgeUrl(node.url, node.type === 'image' ? 'resource' : 'link');
    if (verdict.ok) continue;
    const what = node.type === 'image' ? 'the image' : 'the link';
    problems.push({ file: file.path, line, message: describeUrlProblem(what, node.url, verdict), severity: 'error' });
  }
  return problems;
}

/** The addresses in the pages' bodies are usable. */
export const pageLinks: ContentRule = {
  name: 'page-links',
  checks: 'every link, image and other address in a page (content/pages/) is usable',
  scope: 'site',
  check: ({ input }) => (input.pages ?? []).flatMap(pageUrlProblems),
};
