import type { z } from 'astro/zod';
import { closestByEdits, isOneSwapAway } from './nearest.ts';

/** A frontmatter key that no schema knows, with the field it was probably meant to be. */
export interface UnknownField {
  /** Where the key is, e.g. ['drafts'] or ['hero', 'caption'] or ['sources', 0, 'titel']. */
  path: (string | number)[];
  /** The fields allowed beside it, from the schema. */
  known: string[];
  /** The known field it most likely means, when one is close enough to suggest. */
  suggestion?: string | undefined;
  /** Set when the key belongs to another kind of the same thing (e.g. `review:` on an article). */
  otherKind?: { discriminator: string; value: string } | undefined;
}

/**
 * Names other blog engines (Jekyll, Hugo, Blogger exports, WordPress) use for fields this site calls
 * differently. Only suggested when the target is a field of the object at hand.
 */
const OTHER_NAMES: Record<string, string[]> = {
  date: ['pubDate', 'uploadDate'],
  published: ['pubDate', 'draft'],
  lastmod: ['updatedDate'],
  modified: ['updatedDate'],
  updated: ['updatedDate'],
  categories: ['tags'],
  category: ['tags'],
  labels: ['tags'],
  keywords: ['tags'],
  summary: ['description'],
  excerpt: ['description'],
  image: ['hero', 'poster'],
  cover: ['hero', 'poster'],
  thumbnail: ['hero', 'poster'],
  permalink: ['slug'],
  aliases: ['redirectFrom'],
  name: ['author', 'title'],
};

/**
 * The known field a mistyped key most likely means, or undefined when none is close: same letters
 * in another case, a name other engines use (OTHER_NAMES), two neighbouring letters swapped
 * (`nmae` finds `name`), a Levenshtein distance of 1 for keys up
 * to 4 letters, 2 up to 8 and 3 beyond (`drafts`, `tag`, `titel`, `desciption` find `draft`, `tags`,
 * `title`, `description`), or one field's name inside the other (`updated` for `updatedDate`).
 */
export function suggestField(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((field) => field.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const alias = OTHER_NAMES[lower]?.find((field) => known.includes(field));
  if (alias) return alias;
  const swapped = known.find((field) => isOneSwapAway(lower, field.toLowerCase()));
  if (swapped) return swapped;
  const best = closestByEdits(
    lower,
    known.map((field) => field.toLowerCase()),
  );
  const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  if (best && best.edits <= allowed) return known.find((field) => field.toLowerCase() === best.candidate);
  const inside = known.filter(
    (field) =>
      Math.min(field.length, key.length) >= 4 &&
      (field.toLowerCase().includes(lower) || lower.includes(field.toLowerCase())),
  );
  return inside.length === 1 ? inside[0] : undefined;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** The schema a wrapper (optional, default, pipe, transform...) reads its input with. */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let current = schema; ;) {
    const def = defOf(current);
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? def.getter) as
      z.ZodType | (() => z.ZodType) | undefined;
    if (!inner) return current;
    current = typeof inner === 'function' ? inner() : inner;
  }
}

const shapeOf = (schema: z.ZodType): Record<string, z.ZodType> | undefined => {
  const def = defOf(schema);
  return def.type === 'object' ? (def.shape as Record<string, z.ZodType>) : undefined;
};

/**
 * Lists every key of `data` that `schema` does not define, at any depth (objects, lists, the kinds
 * of a discriminated union), with a suggestion for each. The schema is the only list of fields:
 * add a field to the schema and it is known here. Records (e.g. `extra:`) accept any key. Keys are
 * read the way the schema would read them, so a value of the wrong type is left to the schema.
 */
export function findUnknownFields(schema: z.ZodType, data: unknown, path: (string | number)[] = []): UnknownField[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'array' && Array.isArray(data)) {
    return data.flatMap((item, index) => findUnknownFields(def.element as z.ZodType, item, [...path, index]));
  }
  if (!isPlainObject(data)) return [];
  if (def.type === 'union') {
    const options = (def.options as z.ZodType[]).map(unwrap);
    const discriminator = def.discriminator as string | undefined;
    const literals = (option: z.ZodType) =>
      discriminator ? ((defOf(shapeOf(option)?.[discriminator] ?? option).values as unknown[] | undefined) ?? []) : [];
    const chosen = discriminator ? options.find((option) => literals(option).includes(data[discriminator])) : undefined;
    if (chosen) {
      return findUnknownFields(chosen, data, path).map((field) => {
        if (field.path.length !== path.length + 1 || field.suggestion) return field;
        const key = field.path.at(-1) as string;
        const owner = options.find((option) => option !== chosen && shapeOf(option)?.[key]);
        const value = owner ? literals(owner)[0] : undefined;
        return typeof value === 'string' ? { ...field, otherKind: { discriminator: discriminator!, value } } : field;
      });
    }
    // No kind chosen (or not a discriminated union): a key is unknown only if no option has it.
    const shapes = options.map(shapeOf).filter((shape) => shape !== undefined);
    if (shapes.length === 0) return [];
    return objectFields(Object.assign({}, ...shapes) as Record<string, z.ZodType>, data, path);
  }
  const shape = shapeOf(inner);
  return shape ? objectFields(shape, data, path) : [];
}

function objectFields(
  shape: Record<string, z.ZodType>,
  data: Record<string, unknown>,
  path: (string | number)[],
): UnknownField[] {
  const known = Object.keys(shape);
  return Object.entries(data).flatMap(([key, value]) => {
    const field = shape[key];
    if (field) return findUnknownFields(field, value, [...path, key]);
    return [{ path: [...path, key], known, suggestion: suggestField(key, known) }];
  });
}

/**
 * The sentence for an unknown field: `not a field of a post; did you mean "draft"?`. `noun` names
 * the file's kind ("a post"); a nested key names its parent field instead.
 */
export function describeUnknownField(field: UnknownField, noun: string): string {
  const parent = field.path.filter((part) => typeof part === 'string').slice(0, -1);
  const of = parent.length > 0 ? `"${parent.join('.')}"` : noun;
  if (field.otherKind) {
    const { discriminator, value } = field.otherKind;
    return `only a ${value} has this field (${discriminator}: ${value}); remove it or set ${discriminator}: ${value}`;
  }
  if (field.suggestion) return `not a field of ${of}; did you mean "${field.suggestion}"?`;
  const extra = parent.length === 0 && field.known.includes('extra');
  return `not a field of ${of}; the fields are ${field.known.join(', ')}${
    extra ? '. For a field of your own, put it under "extra:" (see README)' : ''
  }`;
}
