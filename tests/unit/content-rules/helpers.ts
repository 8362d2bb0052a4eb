import {
  checkContent,
  formatProblem,
  type ContentInput,
  type ContentRule,
  type SourceFile,
} from '../../../src/lib/content-check.ts';
import { contentInput } from '../content-input.ts';

/** A post file under content/posts/ with this frontmatter (a valid article unless overridden) and body. */
export function post(entry: string, frontmatter = '', body = 'Some text.'): SourceFile {
  const fields = new Map(
    `title: A post\ndescription: A summary.\npubDate: 2025-01-01\nauthor: editorial\nkind: article\n${frontmatter}`
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.replace(/:.*$/s, ''), line] as const),
  );
  return { path: `content/posts/${entry}`, entry, text: `---\n${[...fields.values()].join('\n')}\n---\n\n${body}\n` };
}

/** A comment file under content/comments/<post>/. */
export function comment(entry: string, frontmatter = 'author: Ann\ndate: 2025-01-02', body = 'Thanks!'): SourceFile {
  return { path: `content/comments/${entry}`, entry, text: `---\n${frontmatter}\n---\n\n${body}\n` };
}

/** The problems one rule finds in a content tree, as printed lines. */
export function run(rule: ContentRule, overrides: Partial<ContentInput>): string[] {
  return checkContent(contentInput(overrides), [rule]).map(formatProblem);
}
