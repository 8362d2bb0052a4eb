/**
 * Writes the site's reading font, Source Serif 4 (SIL Open Font License), as two small WOFF2 files
 * in public/fonts/: the upright face as a variable font (weights 400 to 650, for text and headings)
 * and the italic at 400. Both hold only the characters the site's Latin-script text uses (ASCII,
 * Latin-1, Œ/œ, typographic dashes, quotes and ellipsis); text in other scripts falls back to the
 * reader's system serif, as the --font-read stack says.
 *
 *   npm run fonts
 *
 * Run it after upgrading @fontsource-variable/source-serif-4; the files are committed, and
 * tests/unit/fonts.test.ts fails when they differ from what this writes. Budget (issue 18): every
 * font byte an article loads under 60 KB; today 34 KB + 19 KB.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { readCommandLine } from '../src/lib/command-line.ts';

const SOURCE = join(import.meta.dirname, '../node_modules/@fontsource-variable/source-serif-4/files');
const TARGET = join(import.meta.dirname, '../public/fonts');

/** The characters kept: code point ranges, inclusive. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x152, 0x153],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

/** The files written, by name: which source face and which weights they keep. */
export const FONT_FILES = {
  'source-serif-4-roman.woff2': { style: 'normal', wght: { min: 400, max: 650 } },
  'source-serif-4-italic.woff2': { style: 'italic', wght: 400 },
} as const;

/** The characters of RANGES as one string, as subset-font takes them. */
export function keptCharacters(): string {
  return RANGES.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)),
  ).join('');
}

/** Subsets every face of FONT_FILES; resolves to file name → WOFF2 bytes. */
export async function subsetSiteFonts(): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [name, { style, wght }] of Object.entries(FONT_FILES)) {
    const source = readFileSync(join(SOURCE, `source-serif-4-latin-wght-${style}.woff2`));
    out.set(name, await subsetFont(source, keptCharacters(), { targetFormat: 'woff2', variationAxes: { wght } }));
  }
  return out;
}

if (import.meta.main) {
  readCommandLine(
    {},
    {
      name: 'npm run fonts',
      usage: `Usage: npm run fonts

Writes the site's two reading fonts, subset to the Latin characters its text uses, into
public/fonts/ (from @fontsource-variable/source-serif-4). Run it after upgrading that package.
Takes no options but -h, --help.`,
    },
  );
  for (const [name, bytes] of await subsetSiteFonts()) {
    writeFileSync(join(TARGET, name), bytes);
    console.log(`public/fonts/${name}: ${(bytes.length / 1024).toFixed(1)} KB`);
  }
}
