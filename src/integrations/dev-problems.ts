import { formatProblem, type Problem } from '../lib/content-check.ts';
import { escapeXml } from '../lib/xml.ts';

/**
 * The content problems the dev server currently knows of, shared between the content-check
 * integration (which finds them when a file changes) and the middleware (which shows them on every
 * page). The two live in different module graphs of one process, hence a global slot.
 */
const SLOT = Symbol.for('massage-wellness-blog.dev-content-problems');
type Slot = { [SLOT]?: readonly Problem[] };

/** Records the latest problems (dev only). */
export function setDevProblems(problems: readonly Problem[]): void {
  (globalThis as Slot)[SLOT] = problems;
}

/** The latest problems found by the dev server's content check; none outside `astro dev`. */
export function getDevProblems(): readonly Problem[] {
  return (globalThis as Slot)[SLOT] ?? [];
}

/**
 * The notice the dev server puts at the top of every page while the content has errors: each
 * problem as the build would print it. A file with a broken field is left out of the preview until
 * it is fixed, so its own page is missing meanwhile; saving the fix brings it back.
 */
export function renderDevProblems(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return '';
  const items = errors.map((problem) => `<li><code>${escapeXml(formatProblem(problem))}</code></li>`).join('');
  return `<section role="alert" aria-labelledby="content-problems" style="margin:0;padding:1rem 1.5rem;background:#fff4e5;color:#3d2600;border-bottom:4px solid #b35900;font:1rem/1.5 system-ui,sans-serif"><h2 id="content-problems" style="margin:0 0 .5rem;font-size:1.25rem">The content has ${
    errors.length === 1 ? 'a problem' : `${errors.length} problems`
  }; a build would stop here</h2><ul style="margin:0;padding-left:1.25rem;overflow-wrap:anywhere">${items}</ul><p style="margin:.5rem 0 0">A file with a broken field is left out of this preview until you fix it and save; this page then shows it again.</p></section>`;
}
