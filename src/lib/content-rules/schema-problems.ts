import { z } from 'astro/zod';
import type { ParsedFrontmatter } from '../frontmatter.ts';
import { commentSchema, createPostSchema, createVideoSchema, pageSchema } from '../schemas.ts';
import { describeUnknownField, findUnknownFields } from '../unknown-fields.ts';
import type { Problem } from './types.ts';

/** Memoises a schema factory by time zone: building a zod schema costs more than using it. */
function perTimeZone<T>(make: (timeZone: string) => T): (timeZone: string) => T {
  const made = new Map<string, T>();
  return (timeZone) => {
    if (!made.has(timeZone)) made.set(timeZone, make(timeZone));
    return made.get(timeZone)!;
  };
}

// The check reads files as text: a hero image and an author are plain strings here, checked by rules.
const heroImagePath = z.string();
const authorId = z.string();

/** The schemas of the content files, as the check applies them (per time zone, made once). */
export const postFileSchema = perTimeZone((timeZone) =>
  createPostSchema({ image: heroImagePath, author: authorId, timeZone }),
);
export const commentFileSchema = perTimeZone(commentSchema);
export const pageFileSchema = perTimeZone(pageSchema);
export const videoFileSchema = perTimeZone((timeZone) => createVideoSchema(heroImagePath, timeZone));

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
  return value;
}

/**
 * Checks one file's data against its schema and lists every problem with its line: each key the
 * schema does not define (with the field it probably means), then the schema's own issues, where a
 * missing field says so plainly and points at a misspelt key that may be it. `noun` names the
 * kind of file in messages ("a post").
 */
export function checkAgainstSchema(
  file: string,
  fm: ParsedFrontmatter,
  schema: z.ZodType,
  noun: string,
): { problems: Problem[]; result: z.ZodSafeParseResult<unknown> } {
  const unknown = findUnknownFields(schema, fm.data);
  const problems: Problem[] = unknown.map((field) => ({
    file,
    line: fm.lineOf(field.path),
    field: field.path.join('.'),
    message: describeUnknownField(field, noun),
    severity: 'error',
  }));
  const result = schema.safeParse(fm.data);
  if (result.success) return { problems, result };
  for (const issue of result.error.issues) {
    // Each unknown key is reported above, on its own line.
    if (issue.code === 'unrecognized_keys') continue;
    let message = issue.message;
    if (valueAt(fm.data, issue.path) === undefined && issue.path.length > 0) {
      const name = String(issue.path.at(-1));
      if (issue.code === 'invalid_type' && /^Invalid input/.test(message)) {
        message = `missing; ${issue.path.length > 1 ? `"${issue.path.slice(0, -1).join('.')}"` : noun} needs "${name}"`;
      }
      const misspelt = unknown.find(
        (field) => field.suggestion === name && field.path.slice(0, -1).join('.') === issue.path.slice(0, -1).join('.'),
      );
      if (misspelt)
        message += ` (is "${String(misspelt.path.at(-1))}" on line ${fm.lineOf(misspelt.path)} meant to be it?)`;
    }
    problems.push({
      file,
      line: fm.lineOf(issue.path),
      field: issue.path.join('.') || undefined,
      message,
      severity: 'error',
    });
  }
  return { problems, result };
}

/** The YAML syntax errors of a file's frontmatter or data, each at its line. */
export function yamlProblems(file: string, fm: ParsedFrontmatter): Problem[] {
  return fm.errors.map((error) => ({
    file,
    line: error.line,
    message: `the frontmatter is not valid YAML (${error.message}); check quotes, colons and indentation`,
    severity: 'error' as const,
  }));
}
