import type { ContentRule, Problem } from './types.ts';

/** An address that only stands in for a real one (RFC 2606 reserves these names for examples). */
const EXAMPLE_URL = /^https?:\/\/(?:[^/]*\.)?example\.(?:org|com|net)(?:[/:?#]|$)/i;

/** Paths of string values that still start with "TODO" or are example.org addresses (left by npm run new). */
export function findPlaceholders(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return /^TODO\b/i.test(value.trim()) || EXAMPLE_URL.test(value.trim()) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlaceholders(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}

/** A published post holds no placeholder `npm run new` left: no TODO field, no TODO line, no template text. */
export const placeholders: ContentRule = {
  name: 'placeholders',
  checks:
    'a published post keeps none of the placeholders npm run new writes (TODO values, example.org addresses, the template body)',
  scope: 'post',
  check(post) {
    if (post.draft) return [];
    const problems: Problem[] = findPlaceholders(post.fm.data).map((path) => ({
      file: post.file.path,
      line: post.fm.lineOf(path),
      field: path.join('.'),
      message: 'still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
      severity: 'error',
    }));
    // The body as npm run new left it (BODY_PLACEHOLDER, or the older template's sentence), or any
    // line still starting with TODO.
    const lines = post.fm.body.split('\n');
    const todo = lines.findIndex((line) => /^\s*(?:TODO\b|Write the post here, in Markdown\.)/.test(line));
    if (todo >= 0) {
      problems.push({
        file: post.file.path,
        line: post.fm.bodyLine + todo,
        message: /^(?:TODO: write the post here|Write the post here)/.test(lines[todo]!.trim())
          ? 'the text is still the placeholder of a new post; write the post before publishing (or keep draft: true)'
          : 'this line still starts with TODO; finish it before publishing (or keep draft: true)',
        severity: 'error',
      });
    }
    return problems;
  },
};
