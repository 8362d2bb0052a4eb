import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont } from 'fontkitten';
import type { Font } from 'satori';
import subsetFont from 'subset-font';
import traditionalTable from 'opencc-js/dict/TSCharacters';

/**
 * The fonts of the social cards, by script. Each is a Fontsource package, which splits its font
 * into slices by unicode-range (about a hundred for Chinese, Japanese and Korean); a card loads
 * only the slices that hold the characters it draws, so a Latin card reads about 60 KB of font and
 * a Chinese one a few hundred, never the whole 6 MB face.
 *
 * The faces are serifs that sit with Source Serif 4 (the site's own). Arabic is Amiri, not Noto
 * Naskh Arabic: satori places Naskh's dots (mark glyphs) far above their letters.
 */
const FAMILIES = {
  latin: { package: '@fontsource/source-serif-4', file: 'source-serif-4', weights: { 400: 400, 600: 600 } },
  japanese: { package: '@fontsource/noto-serif-jp', file: 'noto-serif-jp', weights: { 400: 400, 600: 600 } },
  korean: { package: '@fontsource/noto-serif-kr', file: 'noto-serif-kr', weights: { 400: 400, 600: 600 } },
  simplified: { package: '@fontsource/noto-serif-sc', file: 'noto-serif-sc', weights: { 400: 400, 600: 600 } },
  traditional: { package: '@fontsource/noto-serif-tc', file: 'noto-serif-tc', weights: { 400: 400, 600: 600 } },
  arabic: { package: '@fontsource/amiri', file: 'amiri', weights: { 400: 400, 600: 700 } },
  hebrew: { package: '@fontsource/noto-serif-hebrew', file: 'noto-serif-hebrew', weights: { 400: 400, 600: 600 } },
  devanagari: {
    package: '@fontsource/noto-serif-devanagari',
    file: 'noto-serif-devanagari',
    weights: { 400: 400, 600: 600 },
  },
  thai: { package: '@fontsource/noto-serif-thai', file: 'noto-serif-thai', weights: { 400: 400, 600: 600 } },
  emoji: { package: '@fontsource/noto-emoji', file: 'noto-emoji', weights: { 400: 400, 600: 600 } },
} as const;

export type FamilyId = keyof typeof FAMILIES;
/** The two weights a card uses: body text and the semibold of the title, kicker and site name. */
export type CardWeight = 400 | 600;

/** A range of code points, inclusive. */
export type UnicodeRange = readonly [from: number, to: number];

/** Parses a CSS unicode-range value ("U+0000-00FF,U+0131") into ranges of code points. */
export function parseUnicodeRanges(value: string): UnicodeRange[] {
  return value.split(',').map((part) => {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`"${part}" is not a unicode-range such as U+0000-00FF`);
    const from = Number.parseInt(match[1]!, 16);
    return [from, match[2] ? Number.parseInt(match[2], 16) : from] as const;
  });
}

interface FamilyIndex {
  id: FamilyId;
  /** Sorted by `from`: [from, to, slice] where slice names a file ("110", "latin"). */
  ranges: [number, number, string][];
  /** The package's name and version, which stand for its files' bytes in cache keys. */
  version: string;
  dir: string;
}

const require = createRequire(import.meta.url);
const indexes = new Map<FamilyId, FamilyIndex>();

function getFamilyIndex(id: FamilyId): FamilyIndex {
  let index = indexes.get(id);
  if (index) return index;
  const { package: name } = FAMILIES[id];
  const manifest = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const slices = JSON.parse(readFileSync(require.resolve(`${name}/unicode.json`), 'utf8')) as Record<string, string>;
  const ranges: [number, number, string][] = [];
  for (const [key, value] of Object.entries(slices)) {
    const slice = key.replace(/^\[(\d+)\]$/, '$1');
    for (const [from, to] of parseUnicodeRanges(value)) ranges.push([from, to, slice]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  index = { id, ranges, version: `${name}@${version}`, dir: manifest.slice(0, -'package.json'.length) };
  indexes.set(id, index);
  return index;
}

/** The slice of a family that holds a code point, or undefined when the family lacks it. */
export function findSlice(id: FamilyId, code: number): string | undefined {
  return findSlices(id, code)[0];
}

/** Every slice of a family that holds a code point (emoji joiners and selectors are in several). */
function findSlices(id: FamilyId, code: number): string[] {
  const found: string[] = [];
  // Ranges are sorted by their start; a few thousand a family at most, so a scan is quick enough.
  for (const [from, to, slice] of getFamilyIndex(id).ranges) {
    if (from > code) break;
    if (code <= to) found.push(slice);
  }
  return found;
}

const HAS_KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAS_HANGUL = /\p{Script=Hangul}/u;
const HAS_HAN = /\p{Script=Han}/u;
const SCRIPT_FAMILIES: [RegExp, FamilyId][] = [
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Thai}/u, 'thai'],
];
/** An emoji, or a flag: drawn from the emoji font whatever the other fonts hold. */
export const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

let traditionalOnly: Set<string> | undefined;

/**
 * Characters written only in Traditional Chinese (體, 這, 頸...), from OpenCC's table of
 * Traditional to Simplified characters: a Chinese title with one of them is Traditional.
 */
async function getTraditionalOnly(): Promise<Set<string>> {
  if (traditionalOnly) return traditionalOnly;
  const table = traditionalTable;
  traditionalOnly = new Set();
  for (const entry of table.split('|')) {
    const [traditional, ...simplified] = entry.split(' ');
    if (traditional && !simplified.includes(traditional)) traditionalOnly.add(traditional);
  }
  return traditionalOnly;
}

/**
 * The order in which a card looks for each character's font, from the card's own text (the
 * Unicode Script property of its characters, not a language field): Source Serif 4 first (Latin,
 * Greek, Cyrillic and the punctuation and digits of every title), then the fonts of the scripts
 * found, then the other CJK faces (for the Han characters one lacks), then emoji. Japanese when
 * there is kana, Korean when there is Hangul, otherwise Traditional Chinese when a character is
 * Traditional-only, otherwise Simplified.
 */
export async function getFontStack(texts: readonly string[]): Promise<FamilyId[]> {
  const all = texts.join(' ');
  const stack: FamilyId[] = ['latin'];
  for (const [pattern, family] of SCRIPT_FAMILIES) if (pattern.test(all)) stack.push(family);
  if (HAS_KANA.test(all) || HAS_HANGUL.test(all) || HAS_HAN.test(all)) {
    let cjk: FamilyId[];
    if (HAS_KANA.test(all)) cjk = ['japanese', 'traditional', 'simplified', 'korean'];
    else if (HAS_HANGUL.test(all)) cjk = ['korean', 'traditional', 'simplified', 'japanese'];
    else {
      const traditional = await getTraditionalOnly();
      cjk = [...all].some((char) => traditional.has(char))
        ? ['traditional', 'simplified', 'japanese', 'korean']
        : ['simplified', 'traditional', 'japanese', 'korean'];
    }
    stack.push(...cjk);
  }
  if (EMOJI.test(all)) stack.push('emoji');
  return stack;
}

/** One slice file of one family at one weight: what a card loads. */
export interface FontSlice {
  family: FamilyId;
  slice: string;
  weight: CardWeight;
  /** The font's name for satori: one per slice, since satori keeps one font per name and weight. */
  name: string;
  file: string;
  /** For the emoji font: the emoji the card draws, which its font is cut down to. */
  chars?: string;
}

function sliceFile(family: FamilyId, slice: string, weight: CardWeight): string {
  const { file, weights } = FAMILIES[family];
  return `${getFamilyIndex(family).dir}files/${file}-${slice}-${weights[weight]}-normal.woff`;
}

/** The code points a slice's font really maps to a glyph, by family and slice. */
const sliceCharacters = new Map<string, Set<number>>();

/**
 * Whether a slice's font has a glyph for a code point. A slice's unicode-range is what its CSS
 * declares, not what the file holds: Noto Serif TC's slice 96 declares Khmer, Armenian and
 * Ethiopic and maps 26 characters, none of them those, so a Khmer title was drawn as empty boxes.
 * The file's character map (read with fontkitten, the font parser Astro's own font tooling uses)
 * says. Weights of a Fontsource slice map the same characters; the regular one is read.
 */
function sliceHasGlyph(family: FamilyId, slice: string, code: number): boolean {
  const key = `${family}/${slice}`;
  let characters = sliceCharacters.get(key);
  if (!characters) {
    const font = openFont(readFileSync(sliceFile(family, slice, 400)));
    characters = new Set('characterSet' in font ? font.characterSet : font.fonts.flatMap((face) => face.characterSet));
    sliceCharacters.set(key, characters);
  }
  return characters.has(code);
}

/** A letter, digit or mark: drawn only from a font whose file has its glyph (see sliceHasGlyph). */
const NEEDS_GLYPH = /^[\p{L}\p{N}\p{M}]/u;

/** Which family and slice draws a character; undefined when no font of the stack has it. */
function resolveChar(char: string, stack: readonly FamilyId[]): { family: FamilyId; slice: string } | undefined {
  const code = char.codePointAt(0)!;
  // Emoji come from the emoji font even when a text face has a plain glyph for them (©, ♀).
  const families = EMOJI.test(char) && stack.includes('emoji') ? (['emoji', ...stack] as const) : stack;
  // Emoji, joiners and selectors keep the declared ranges: their sequences are drawn by the
  // emoji font's own substitutions, whatever single characters its map lists.
  const checked = NEEDS_GLYPH.test(char) && !EMOJI.test(char);
  for (const family of families) {
    const slice = checked
      ? findSlices(family, code).find((candidate) => sliceHasGlyph(family, candidate, code))
      : findSlice(family, code);
    if (slice !== undefined) return { family, slice };
  }
  return undefined;
}

/**
 * The slices that draw these texts, in the stack's order (satori tries the fonts in the order it
 * is given them). Characters no font has are not drawn, and so need no slice.
 */
export function selectFontSlices(
  texts: readonly { text: string; weight: CardWeight }[],
  stack: readonly FamilyId[],
): FontSlice[] {
  const wanted = new Map<string, FontSlice>();
  for (const { text, weight } of texts) {
    for (const grapheme of segmentGraphemes(text)) {
      // A grapheme (an emoji sequence, a letter and its marks) is drawn from one slice when one
      // holds all its characters: an emoji's joined form exists only in a font that has its parts.
      const codes = [...grapheme].filter((char) => !/\s/u.test(char)).map((char) => char.codePointAt(0)!);
      const base = resolveChar(grapheme, stack);
      if (!base || codes.length === 0) continue;
      const common = codes
        .map((code) => findSlices(base.family, code))
        .reduce((shared, slices) => shared.filter((slice) => slices.includes(slice)));
      const parts: { family: FamilyId; slice: string }[] =
        common.length > 0
          ? [{ family: base.family, slice: common[0]! }]
          : codes.flatMap((code) => resolveChar(String.fromCodePoint(code), stack) ?? []);
      for (const { family, slice } of parts) {
        if (family === 'emoji') {
          // Emoji come from one font cut to the card's emoji (see loadFontSlices).
          const key = `emoji/${weight}`;
          const emoji = wanted.get(key) ?? {
            family,
            slice: 'emoji',
            weight,
            name: 'emoji',
            file: sliceFile(family, 'emoji', weight),
            chars: '',
          };
          emoji.chars += grapheme;
          wanted.set(key, emoji);
          continue;
        }
        const key = `${family}/${slice}/${weight}`;
        if (!wanted.has(key)) {
          wanted.set(key, {
            family,
            slice,
            weight,
            name: `${family} ${slice}`,
            file: sliceFile(family, slice, weight),
          });
        }
      }
    }
  }
  // The space comes from the text face: every card draws some Latin (the site's address).
  for (const weight of new Set(texts.map((text) => text.weight))) {
    const key = `latin/latin/${weight}`;
    if (!wanted.has(key))
      wanted.set(key, {
        family: 'latin',
        slice: 'latin',
        weight,
        name: 'latin latin',
        file: sliceFile('latin', 'latin', weight),
      });
  }
  const order = (slice: FontSlice) => stack.indexOf(slice.family);
  return [...wanted.values()].sort((a, b) => order(a) - order(b));
}

/**
 * Whether the stack can draw a character: letters and digits with no font make a text
 * undrawable; other symbols are left out.
 */
export function canDraw(char: string, stack: readonly FamilyId[]): boolean {
  return resolveChar(char, stack) !== undefined;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
export function segmentGraphemes(text: string): string[] {
  return [...graphemes.segment(text)].map((part) => part.segment);
}

/** Font files read so far, by path: a slice is read once per process and parsed once by satori. */
const fileCache = new Map<string, Promise<Buffer>>();

/** Bytes of font a card used and how many of them were read from disk for it. */
export interface FontLoadStats {
  files: number;
  bytes: number;
  bytesRead: number;
}

/**
 * Reads the slices as satori fonts. Emoji come from the whole emoji font (Noto Emoji's slices
 * cannot be mixed: satori then loses some of their glyphs), cut down to the card's emoji with
 * subset-font, which also leaves out its space: a whole em wide, and satori draws the space after
 * an emoji with the emoji's font when that font has one.
 */
export async function loadFontSlices(slices: readonly FontSlice[]): Promise<{ fonts: Font[]; stats: FontLoadStats }> {
  const stats: FontLoadStats = { files: slices.length, bytes: 0, bytesRead: 0 };
  const fonts = await Promise.all(
    slices.map(async (slice) => {
      let file = fileCache.get(slice.file);
      if (!file) {
        file = Promise.resolve(readFileSync(slice.file));
        fileCache.set(slice.file, file);
        stats.bytesRead += (await file).byteLength;
      }
      let data = await file;
      if (slice.chars !== undefined) {
        // Joiners and selectors stay: an emoji's joined forms are made from them.
        data = await subsetFont(data, `${slice.chars}\u200D\uFE0F`, { targetFormat: 'truetype' });
      }
      stats.bytes += data.byteLength;
      return { name: slice.name, data, weight: slice.weight, style: 'normal' } satisfies Font;
    }),
  );
  return { fonts, stats };
}

/** Names the fonts' packages and versions (they stand for the bytes of every slice) for cache keys. */
export function getFontsDigest(): string {
  const hash = createHash('sha256');
  for (const id of Object.keys(FAMILIES) as FamilyId[]) hash.update(getFamilyIndex(id).version);
  return hash.digest('hex');
}
