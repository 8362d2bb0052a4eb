import type { ParsedFrontmatter } from '../frontmatter.ts';
import { describeUrlProblem, isCodeUrl, judgeUrl } from '../urls.ts';
import { collectLinks } from './body-urls.ts';
import type { ContentRule, Problem } from './types.ts';

/**
 * A reader's comment never stops the build: an unusable website is left out of the page and the
 * feeds (see commenterWebsite), and a link to an unusable address is shown as text (see
 * renderCommentMarkdown). Both are notices naming the file and line, so the owner can fix them.
 */
function commentUrlProblems(file: string, fm: ParsedFrontmatter): Problem[] {
  const problems: Problem[] = [];
  const website = (fm.data as { website?: unknown } | null)?.website;
  if (website !== undefined && website !== null) {
    const verdict = judgeUrl(String(website), 'absolute');
    if (!verdict.ok) {
      problems.push({
        file,
        line: fm.lineOf(['website']),
        field: 'website',
        message: `${describeUrlProblem('', String(website), verdict)}; until then the comment is shown without it`,
        severity: 'notice',
      });
    }
  }
  const { links, others } = collectLinks(fm.body, fm.bodyLine, false);
  const targets = [
    ...links.filter(({ node }) => node.type === 'link').map(({ node, line }) => ({ url: node.url, line })),
    ...others.filter((other) => other.what === 'the link'),
  ];
  for (const { url, line } of targets) {
    const verdict = judgeUrl(url, 'link');
    if (verdict.ok) continue;
    problems.push({
      file,
      line,
      message: `${describeUrlProblem('the link', url, verdict)}; the comment shows ${isCodeUrl(url) ? 'only its text' : 'it as plain text'}`,
      severity: 'notice',
    });
  }
  return problems;
}

/** A comment's website and links are usable addresses, or the owner is told which are shown without. */
export const commentLinks: ContentRule = {
  name: 'comment-links',
  checks: "a comment's website and links are usable addresses (notices only: a comment never stops the build)",
  scope: 'comment',
  check: (comment) => (comment.valid ? commentUrlProblems(comment.file.path, comment.fm) : []),
};
