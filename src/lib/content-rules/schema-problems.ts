import { z } from 'astro/zod';
import type { ParsedFrontmatter } from '../frontmatter.ts';
import { closestByEdits } from '../nearest.ts';
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

/** What editors write for yes and no that YAML 1.2 (the frontmatter's) does not read as true/false. */
const YES = new Set(['yes', 'y', 'on', '1']);
const NO = new Set(['no', 'n', 'off', '0']);

/**
 * What to say when a field that takes true or false holds something else (`draft: ture`,
 * `draft: yes`, `draft: 1`): the value as written, and the word it most likely means when one is
 * plain: a yes/on (or no/off) word, or a misspelling of true or false within two edits
 * (Levenshtein distance). The frontmatter is YAML 1.2, which reads only true and false as booleans:
 * a quoted "false" is text (the quotes are named as the fault), and an empty field is null.
 */
export function describeNotBoolean(field: string, value: unknown): string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    return `is empty; write "${field}: true" or "${field}: false", or leave the line out`;
  }
  // Quoted, "true" is text to YAML: the word is right, the quotes are not.
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) {
    return `takes true or false without quotes; write "${field}: ${value.toLowerCase()}"`;
  }
  const written = typeof value === 'string' ? `"${value}"` : String(value);
  const word = String(value).trim().toLowerCase();
  const spelt = closestByEdits(word, ['true', 'false']);
  const meant = YES.has(word)
    ? 'true'
    : NO.has(word)
      ? 'false'
      : spelt && spelt.edits <= 2
        ? spelt.candidate
        : undefined;
  return meant
    ? `takes true or false, not ${written}; write "${field}: ${meant}"`
    : `takes true or false, not ${written}; write "${field}: true" or "${field}: false"`;
}

const KINDS: Readonly<Record<string, string>> = {
  string: 'one line of text',
  number: 'a number',
  array: 'a list',
  object: 'fields of its own',
};

/** What YAML made of a value, in an editor's words: a list, fields, text... */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object' && value !== null) return 'fields ("key: value")';
  return typeof value === 'string' ? 'text' : 'a number';
}

/** A list's items as one line of text (`[Hello, World]` → "Hello World"), or undefined when it holds more than words. */
function joinItems(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
  return value.join(' ');
}

/**
 * What to say when a field holds another kind of value than it takes, as YAML read it: a list
 * where one line of text belongs (`title:` then `- Hello` lines, `title: [A, B]`), fields where
 * text belongs (`title: {en: Hello}`, an indented `key: value`), one value where a list or fields
 * belong (`services: Massage`, `hero: ./hero.jpg`). `path` is the field's path (a number for a
 * list's item). Returns undefined for the kinds it does not know, so the schema's own message stands.
 */
export function describeWrongKind(path: readonly PropertyKey[], expected: string, value: unknown): string | undefined {
  const wanted = KINDS[expected];
  if (!wanted || value === undefined || value === null) return undefined;
  const last = path.at(-1);
  const isItem = typeof last === 'number';
  const name = isItem ? String(path.at(-2) ?? '') : String(last ?? '');
  const holds = `takes ${wanted}, not ${kindOf(value)}`;
  if (expected === 'string') {
    const joined = joinItems(value);
    if (isItem) {
      return `${holds}; write each ${name === 'tags' ? 'tag' : 'item'} as text in the one list${joined ? `, e.g. ${JSON.stringify(joined)}` : ''}`;
    }
    if (joined !== undefined) return `${holds}; write it on one line: ${name}: ${JSON.stringify(joined)}`;
    return `${holds}; write it on one line, in quotes when it has ": ", "[" or "{": ${name}: "…"`;
  }
  if (expected === 'array') {
    return `${holds}; write one line per item under "${name}:", each starting with "- " (see the README's example)`;
  }
  if (expected === 'object') {
    return `${holds}; write its fields on the lines under "${name}:", indented by two spaces (see the README's example)`;
  }
  return `${holds}; write one number, e.g. ${name}: 5`;
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
  // `title: Our #1 studio` is "Our" to YAML: the rest would be dropped from the page in silence.
  for (const cut of fm.cutByComment) {
    problems.push({
      file,
      line: cut.line,
      field: cut.path.join('.'),
      message: `YAML reads "${cut.written.slice(cut.kept.length).trim()}" as a comment and drops it, so the value is only "${cut.kept}"; put the whole value in quotes: ${JSON.stringify(cut.written)}`,
      severity: 'error',
    });
  }
  const result = schema.safeParse(fm.data);
  if (result.success) return { problems, result };
  for (const issue of result.error.issues) {
    // Each unknown key is reported above, on its own line.
    if (issue.code === 'unrecognized_keys') continue;
    let message = issue.message;
    const value = valueAt(fm.data, issue.path);
    if (issue.code === 'invalid_type' && issue.expected === 'boolean' && value !== undefined) {
      message = describeNotBoolean(String(issue.path.at(-1)), value);
    }
    // `tags: [2024]`, `title: 1984`: YAML reads a bare number or true/false as one, not as text.
    // zod's own words ("Invalid input: expected string, received array"), not a schema's message.
    const plainZod = issue.code === 'invalid_type' && /^Invalid input/.test(message);
    if (plainZod && typeof value === 'object' && value !== null && !(value instanceof Date)) {
      message = describeWrongKind(issue.path, issue.expected, value) ?? message;
    } else if (plainZod && issue.expected !== 'string' && typeof value === 'string') {
      message = describeWrongKind(issue.path, issue.expected, value) ?? message;
    }
    if (issue.code === 'invalid_type' && issue.expected === 'string' && /^(number|boolean)$/.test(typeof value)) {
      message = `YAML reads ${String(value)} as a ${typeof value === 'number' ? 'number' : 'true/false value'}, not as text; put it in quotes: "${String(value)}"`;
    } else if (issue.code === 'invalid_type' && issue.expected === 'string' && value === null) {
      message =
        typeof issue.path.at(-1) === 'number'
          ? 'is an empty item; write its text, or remove it'
          : 'is empty; write its text';
    }
    if (value === undefined && issue.path.length > 0) {
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
    message: error.whole
      ? error.message
      : `the frontmatter is not valid YAML (${error.message}); check quotes, colons and indentation`,
    severity: 'error' as const,
  }));
}
