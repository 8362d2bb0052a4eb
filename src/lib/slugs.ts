import { slug as githubSlug } from 'github-slugger';
import emojiData from 'emojibase-data/en/compact.json' with { type: 'json' };

/** A tag's label (as written, spaces tidied) and its URL slug, kept apart so pages show the label. */
export interface Tag {
  slug: string;
  label: string;
}

/**
 * Lower case for addresses, file names and tag keys, the same in every locale: JavaScript's
 * toLowerCase (Unicode's default lowercasing, SpecialCasing.txt included: "ΣΟΦΟΣ" → "σοφος" with
 * its final ς), except that "İ" (U+0130, the Turkish capital dotted I) becomes a plain "i", as
 * Unicode's case folding has it for Turkish (CaseFolding.txt, status T), instead of "i̇": an "i"
 * with a combining dot above (U+0307), shown with a doubled dot and percent-encoded in an address.
 * The dotless "ı" stays a letter of its own; "ß" stays "ß" (getTagKey makes it "ss").
 */
export function lowerCase(text: string): string {
  return text.replace(/\u0130/g, 'i').toLowerCase();
}

/**
 * The URL slug of a title or heading: lowercase (see lowerCase: "İstanbul" → "istanbul"), hyphens
 * for spaces, letters of any script kept, in NFKC so that a ligature or a compatibility letter is
 * the letters it stands for ("ﬁ" → "fi", "Ǆ" → "dž", full-width "Ｓ" → "s"). Tags use slugifyTag.
 */
export function slugify(text: string): string {
  return githubSlug(lowerCase(text.normalize('NFKC')).trim())
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Whether a text is a slug as the site writes them (slugify's output): lowercase letters of any
 * script (letters without case, as in Chinese or Arabic, count as lowercase), combining marks,
 * digits, and single hyphens between, in NFC. `my-first-post`, `массаж-шеи`, `按摩入门` are slugs;
 * `My Post`, `a--b`, `-a` are not.
 */
export function isSlug(text: string): boolean {
  return (
    /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{Nd}]+)*$/u.test(text) &&
    text === text.normalize('NFC')
  );
}

/**
 * A short text shown inline (a tag, a commenter's name) without its bidi controls (UAX #9's
 * Bidi_Control: the marks LRM, RLM and ALM, the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069). They are invisible, and an override left open turns the text after it
 * around: with a name "Ann" + U+202E, the comment feed's title "Ann on “Hot stones”" reads
 * backwards after the name. A label's own letters give it its direction.
 */
export function removeBidiControls(text: string): string {
  return text.replace(/\p{Bidi_Control}/gu, '');
}

/** Tidies a tag label for display: NFC, bidi controls removed (see removeBidiControls), trimmed, inner whitespace collapsed to one space. */
export function normalizeTagLabel(label: string): string {
  return removeBidiControls(label.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

/**
 * Characters that change nothing a reader sees: soft hyphen, zero-width space, direction marks and
 * embeddings, word joiner and friends, the byte order mark, and emoji variation selectors (❤ and ❤️
 * are one emoji). ZWJ and ZWNJ are not here: they join emoji sequences and shape Persian or Indic words.
 */
const INVISIBLE = /[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe0e\ufe0f]/gu;

/**
 * A tag's identity: two labels are one tag exactly when their keys are equal. The key ignores what
 * a reader would not call a different word: compatibility normalisation (NFKC: "Ｃ＃" is "C#", "ﬁ" is
 * "fi"), invisible characters (see INVISIBLE), runs of whitespace, and case, folded the same in every
 * locale (lowercase, with "İ" as a plain "i" (see lowerCase), then "ß" as "ss", as Unicode's full
 * case folding does; the Turkish dotless ı stays a letter of its own). Everything else
 * (punctuation, symbols, accents) makes a different tag.
 */
export function getTagKey(label: string): string {
  const tidied = label
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    // ZWJ and ZWNJ mean something only between two characters of a word or an emoji sequence.
    .replace(/(?<=^|\s)[\u200c\u200d]+|[\u200c\u200d]+(?=\s|$)/gu, '')
    .trim();
  return lowerCase(tidied).replace(/ß/g, 'ss');
}

/** ASCII symbols a tag may carry meaning with, spelled as words in its address ("C++" → "c-plus-plus"). */
const SYMBOL_WORDS: Readonly<Record<string, string>> = {
  '+': 'plus',
  '&': 'and',
  '@': 'at',
  '%': 'percent',
  '=': 'equals',
  '?': 'question-mark',
  '!': 'exclamation-mark',
  '*': 'star',
  $: 'dollar',
  '~': 'tilde',
  '^': 'caret',
  '<': 'less-than',
  '>': 'greater-than',
};

/** Apostrophes join the letters around them ("women's" → "womens"), as in post slugs. */
const APOSTROPHES = new Set(["'", '’', '‘', '`', '´', '׳', '״']);

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
/** Kept in an address as written: letters of every script, their combining marks, digits, ZWJ and ZWNJ. */
const KEPT = /[\p{L}\p{M}\p{N}\u200c\u200d]/u;
/** Symbols outside ASCII that are not emoji (€, £, °, ±, →) are kept as written too. */
const OTHER_SYMBOL = /\p{S}/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const SKIN_TONE = /[\u{1f3fb}-\u{1f3ff}]/gu;

/** Emoji code points (without variation selectors) → their CLDR name, e.g. "1F486" → "person getting massage". */
let emojiNames: Map<string, string> | undefined;
function getEmojiNames(): Map<string, string> {
  if (emojiNames) return emojiNames;
  emojiNames = new Map();
  type Entry = { hexcode: string; label: string; skins?: Entry[] };
  const add = (entry: Entry) => {
    emojiNames!.set(entry.hexcode.replace(/-FE0[EF]/g, ''), entry.label);
    entry.skins?.forEach(add);
  };
  (emojiData as Entry[]).forEach(add);
  for (const [tone, name] of [
    ['1F3FB', 'light skin tone'],
    ['1F3FC', 'medium-light skin tone'],
    ['1F3FD', 'medium skin tone'],
    ['1F3FE', 'medium-dark skin tone'],
    ['1F3FF', 'dark skin tone'],
  ] as const) {
    if (!emojiNames.has(tone)) emojiNames.set(tone, name);
  }
  return emojiNames;
}

const toHexcode = (text: string) =>
  [...text].map((char) => char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join('-');

/**
 * The name of one emoji (a grapheme: a ZWJ sequence, a flag, a keycap, with or without a skin tone),
 * from Emojibase's English CLDR data; a sequence it does not know is named part by part, and an
 * emoji it cannot name at all (newer than the data) stays as written.
 */
function nameEmoji(grapheme: string): string {
  const names = getEmojiNames();
  const exact = names.get(toHexcode(grapheme));
  if (exact) return exact;
  const parts = grapheme.split('\u200d').flatMap((part) => {
    const tones = part.match(SKIN_TONE) ?? [];
    const base = part.replace(SKIN_TONE, '');
    return [names.get(toHexcode(base)) ?? base, ...tones.map((tone) => names.get(toHexcode(tone))!)];
  });
  return parts.join(' ');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Spells one key (or emoji name) as address words, with "-" for separators; see slugifyTag. */
function spell(text: string, words: string[]): void {
  let previous = '';
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) {
      const name = nameEmoji(segment);
      words.push(' ');
      if (name === segment) words.push(segment);
      else spell(getTagKey(name), words);
      words.push(' ');
    } else if (KEPT.test(segment[0]!)) {
      words.push(segment);
    } else if (APOSTROPHES.has(segment)) {
      // joins the letters on either side
    } else if (segment === '.') {
      words.push(LETTER_OR_DIGIT.test(previous) ? ' ' : ' dot ');
    } else if (segment === '#') {
      words.push(LETTER_OR_DIGIT.test(previous) ? ' sharp ' : ' hash ');
    } else if (SYMBOL_WORDS[segment]) {
      words.push(` ${SYMBOL_WORDS[segment]} `);
    } else if (segment.codePointAt(0)! > 0x7f && OTHER_SYMBOL.test(segment)) {
      words.push(segment);
    } else {
      // whitespace, other ASCII punctuation (- _ / \ | , ; : ( ) [ ] { } "), punctuation of other
      // scripts (、。«» ¿ ¡ — …), control and private-use characters: a word boundary.
      words.push(' ');
    }
    previous = segment;
  }
}

/**
 * THE rule for a tag's address (its slug): pages, feeds, search filters, redirects and the Blogger
 * import all call this, and nothing else turns a tag into an address.
 *
 * The slug is made from the tag's key (getTagKey: case, NFKC, invisible characters and whitespace
 * ignored), word by word, joined with "-":
 * - letters of every script, their combining marks and digits are kept, lowercased: "入门",
 *   "массаж", "العلاج", "café" stay readable; such an address is percent-encoded in links by the
 *   browser or URL helper, and written to dist/ and served by nginx as UTF-8 (file name ≤ 255 bytes,
 *   see MAX_TAG_SLUG_BYTES).
 * - symbols that carry meaning are spelled in English: "+" plus, "&" and, "@" at, "%" percent, "="
 *   equals, "?" question-mark, "!" exclamation-mark, "*" star, "$" dollar, "~" tilde, "^" caret,
 *   "<" less-than, ">" greater-than; "#" is "sharp" after a letter or digit ("C#", "F#") and "hash"
 *   elsewhere ("#selfcare"); "." is a word break after a letter or digit ("Node.js", "St. Albans")
 *   and "dot" elsewhere (".NET"). So "C++" → "c-plus-plus", "Q&A" → "q-and-a", "100%" → "100-percent".
 * - an emoji is its CLDR name (Emojibase's English data, pinned to one version so addresses do not
 *   move): "💆" → "person-getting-massage", "💆🏽‍♀️" → "woman-getting-massage-medium-skin-tone",
 *   "🇬🇧" → "flag-united-kingdom"; one the data does not know stays as written.
 * - other symbols outside ASCII (€, °, ±) stay as written; apostrophes join ("women's" → "womens");
 *   all other punctuation, in any script, and whitespace separate words.
 *
 * Returns "" when nothing is left ("-", "…"), which the content check reports. Two different keys can
 * still meet on one slug ("C++" and "C plus plus", "self-care" and "self care"): the content check
 * reports that too, so no tag is ever merged or dropped in silence.
 */
export function slugifyTag(label: string): string {
  const words: string[] = [];
  spell(getTagKey(label), words);
  return words.join('').trim().split(/\s+/u).filter(Boolean).join('-');
}

/** The longest slug, in UTF-8 bytes, that still makes a file name (255 bytes on common file systems). */
export const MAX_TAG_SLUG_BYTES = 200;

/**
 * Tags from frontmatter: labels tidied (normalizeTagLabel), one per key (the first spelling in the
 * post wins: "Stress, stress" is one tag). A label whose slug is empty or whose slug another label of
 * the post already holds is left out here; the content check reports both as errors with the line.
 */
export function toTags(labels: readonly string[]): Tag[] {
  const bySlug = new Map<string, Tag>();
  for (const raw of labels) {
    const label = normalizeTagLabel(raw);
    const slug = slugifyTag(label);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, { slug, label });
  }
  return [...bySlug.values()];
}

/**
 * A post's id (its address): the `slug` field when the frontmatter sets one, else the file path,
 * where "my-post.md" and "my-post/index.mdx" are both "my-post".
 */
export function getPostId(entryPath: string, data: unknown): string {
  const slug = (data as { slug?: unknown } | null | undefined)?.slug;
  return typeof slug === 'string' ? slug : getPostIdFromPath(entryPath);
}

/** A post's id from its file path: "my-post.md" and "my-post/index.mdx" are both "my-post". */
export function getPostIdFromPath(entryPath: string): string {
  const withoutExtension = entryPath.replace(/\.(md|mdx)$/i, '');
  return withoutExtension.replace(/\/index$/i, '');
}

/** Whether a label is written in ordinary characters: no full-width letters, ligatures or other compatibility forms. */
const isCompatible = (label: string) => label === label.normalize('NFKC');

/** Capital letters in a label: on a tie, the spelling with more of them is shown ("London", not "london"). */
const countCapitals = (label: string) => label.match(/\p{Lu}|\p{Lt}/gu)?.length ?? 0;

/**
 * The label a tag is shown with everywhere (post pages, tag pages and index, feeds, JSON-LD, search
 * filters) when posts spell it differently ("London", "london"): the spelling most posts use; on a
 * tie, one written in ordinary characters (NFKC: "Cafe", not the full-width "ＣＡＦＥ" or "ﬁtness" with
 * a ligature, which an input method slipped in), then the one with more capitals (a capital is
 * seldom typed by accident), then the first in code point order, so every build picks the same.
 */
export function pickTagLabel(labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return (
    [...counts].sort(
      (a, b) =>
        b[1] - a[1] ||
        Number(isCompatible(b[0])) - Number(isCompatible(a[0])) ||
        countCapitals(b[0]) - countCapitals(a[0]) ||
        (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )[0]?.[0] ?? ''
  );
}
