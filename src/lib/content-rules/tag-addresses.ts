import { getTagKey, MAX_TAG_SLUG_BYTES, normalizeTagLabel, slugifyTag } from '../slugs.ts';
import { getTagPath } from '../urls.ts';
import type { CheckedPost, ContentRule, Problem } from './types.ts';

/** One tag as written in one post: where, and the address it makes. */
interface TagUse {
  file: string;
  line: number;
  label: string;
  /** The tag as written, before normalizeTagLabel took out its bidi controls and extra spaces (the label when not given). */
  written?: string;
  key: string;
  slug: string;
}

/** The tags of a post as written (the raw list, so each keeps its line), skipping what the schema reports. */
export function findTagUses(post: CheckedPost): TagUse[] {
  const tags = (post.fm.data as { tags?: unknown } | null)?.tags;
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((raw: unknown, index) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return [];
    const written = String(raw);
    // An empty tag is the schema's to report; one of invisible characters alone is reported here.
    if (!written.trim()) return [];
    const label = normalizeTagLabel(written);
    const line = post.fm.lineOf(['tags', index]);
    return [{ file: post.file.path, line, label, written, key: getTagKey(label), slug: slugifyTag(label) }];
  });
}

const quote = (label: string) => JSON.stringify(label);

/** Characters that show nothing on their own: format controls, spaces, combining marks, variation selectors. */
const SHOWS_NOTHING = /^[\p{Cf}\p{Z}\p{Mn}\p{Me}\uFE00-\uFE0F]+$/u;

/** "U+200F U+200D": the code points of a text no one can see. */
const codePoints = (text: string) =>
  [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** "a", "a and b", "a, b and c". */
const listed = (items: string[]) =>
  items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Where tags are written: "content/posts/a.md:7, content/posts/b.md:9" (three at most, then "and N more"). */
const places = (uses: readonly TagUse[]) =>
  uses
    .slice(0, 3)
    .map((use) => `${use.file}:${use.line}`)
    .concat(uses.length > 3 ? [`${uses.length - 3} more`] : [])
    .join(', ');

/**
 * Tag addresses an editor must fix: a tag with nothing to make an address from, one too long for a
 * file name, and two different tags (keys that differ by more than case, spacing or Unicode form)
 * that would share one address, within a post or across posts. A tag is reported at its line; a
 * shared address once, at the first use of the tag written least often, naming the others' lines.
 */
export function checkTagAddresses(uses: readonly TagUse[]): Problem[] {
  const problems: Problem[] = [];
  for (const use of uses) {
    if (!use.slug && SHOWS_NOTHING.test(use.written ?? use.label)) {
      problems.push({
        file: use.file,
        line: use.line,
        field: 'tags',
        message: `a tag holds only characters no one can see (${codePoints(use.written ?? use.label)}); write it as a word (e.g. "notes") or remove it`,
        severity: 'error',
      });
    } else if (!use.slug) {
      problems.push({
        file: use.file,
        line: use.line,
        field: 'tags',
        message: `${quote(use.label)} cannot be used as a tag: it has no letter, digit, symbol or emoji to make its address from (dashes, brackets, slashes and bars such as / | \\ only separate the words of an address); write it as a word (e.g. "notes") or remove it`,
        severity: 'error',
      });
    } else if (new TextEncoder().encode(use.slug).length > MAX_TAG_SLUG_BYTES) {
      problems.push({
        file: use.file,
        line: use.line,
        field: 'tags',
        message: `${quote(use.label)} is too long to be a tag: its address would not fit in a file name; shorten it to a few words`,
        severity: 'error',
      });
    }
  }
  for (const [slug, same] of Map.groupBy(
    uses.filter((use) => use.slug),
    (use) => use.slug,
  )) {
    const tags = [...Map.groupBy(same, (use) => use.key).values()];
    if (tags.length < 2) continue;
    // Reported once, at the first use of the tag written least often (on a tie, the one met last):
    // most likely the slip. The other tags, and its other uses, are named with their lines.
    const odd = tags.reduce((least, tag) => (tag.length <= least.length ? tag : least));
    const at = odd[0]!;
    const also = odd.length > 1 ? ` (also ${places(odd.slice(1))})` : '';
    const others = tags.filter((tag) => tag !== odd).map((tag) => `${quote(tag[0]!.label)} (${places(tag)})`);
    problems.push({
      file: at.file,
      line: at.line,
      field: 'tags',
      message: `${listed([`${quote(at.label)}${also}`, ...others])} would ${tags.length > 2 ? 'all' : 'both'} have the address ${getTagPath(slug)}, but they are different tags (only capitals, spacing and Unicode forms are ignored when tags are matched); write them the same way if they are one tag, or change one so that their addresses differ`,
      severity: 'error',
    });
  }
  return problems;
}

/** Every tag needs an address of its own (see slugifyTag): none empty, none too long, none shared by two tags. */
export const tagAddresses: ContentRule = {
  name: 'tag-addresses',
  checks: 'every tag makes an address of its own: not empty, not too long, not shared with a different tag',
  scope: 'site',
  check: ({ posts }) => checkTagAddresses(posts.flatMap(findTagUses)),
};
