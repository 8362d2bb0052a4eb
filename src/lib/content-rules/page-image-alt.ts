import { parseFrontmatter } from '../frontmatter.ts';
import { collectLinks } from './body-urls.ts';
import { findAltProblems } from './image-alt.ts';
import type { ContentRule } from './types.ts';

/** The same rule for the pages (content/pages/), which an import may also mark altTextPending. */
export const pageImageAlt: ContentRule = {
  name: 'page-image-alt',
  checks: 'every image in a page (Markdown or <img> in HTML) has alt text, and a published page no TODO for it',
  scope: 'site',
  check: ({ input }) =>
    (input.pages ?? []).flatMap((file) => {
      const fm = parseFrontmatter(file.text);
      if (fm.errors.length > 0) return [];
      const data = (fm.data ?? {}) as { altTextPending?: unknown; draft?: unknown };
      return findAltProblems(file.path, collectLinks(fm.body, fm.bodyLine, file.path.endsWith('.mdx')), {
        pending: data.altTextPending === true,
        draft: data.draft === true,
      });
    }),
};
