import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import satori, { type Font } from 'satori';
import sharp from 'sharp';

/** Open Graph's recommended size for a large card; every social image of the site has it. */
export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;

/**
 * Bump when code outside the card's element tree changes pixels (satori's options, say): the tree
 * itself with its colours and sizes, the PNG settings and the renderers' versions are in the key.
 */
const RENDERER_VERSION = 1;
/**
 * A full-colour PNG (about 60 KB a card). A 32-colour palette would halve the bytes, but doubles the
 * CPU time of a card (from about 35 to 70 ms), and a cold build of thousands of posts draws thousands.
 */
const PNG_OPTIONS = { compressionLevel: 6 } as const;

/** What a card shows. Everything here reaches the pixels, so everything here is in the cache key. */
export interface SocialCardInput {
  /** The large text: a post's title, or the site's name on the site card. */
  title: string;
  siteName: string;
  /** The site's address without the scheme, e.g. "massage-wellness.example", shown after its name. */
  siteHost?: string | undefined;
  /** A small word above the title, e.g. "Review". */
  label?: string | undefined;
  /** A tag shown after the label. */
  tag?: string | undefined;
  /** A line of smaller text under the title (the site card's description). */
  subtitle?: string | undefined;
}

/** The light palette of src/styles/global.css: a card is shared on other sites, light reads anywhere. */
const COLOURS = {
  bg: '#fbfaf6',
  surfaceStrong: '#e8e3d6',
  text: '#1d2420',
  muted: '#4f5953',
  accent: '#2b6b57',
  accentStrong: '#1d4e3f',
  accentSoft: '#dcebe3',
} as const;

const FONT_FAMILY = 'Source Serif 4';
const FONT_WEIGHTS = [400, 600] as const;
/**
 * Fontsource splits the font by script; satori takes the first font that has a glyph, so every
 * subset is passed and Polish, Greek, Cyrillic or Vietnamese titles draw in the same face.
 */
const FONT_SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'] as const;

/** A satori element: what JSX would produce, written as plain objects (no React here). */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardChild | CardChild[] };
}
type CardChild = CardElement | string;

const el = (type: string, style: Record<string, string | number>, children?: CardChild | CardChild[]): CardElement => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** Long titles get smaller type so that up to four lines fit; beyond that, an ellipsis. */
export function getTitleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 28) return 88;
  if (length <= 48) return 76;
  if (length <= 75) return 66;
  if (length <= 110) return 58;
  return 52;
}

/** The card's design: a pure function of its input, so the tree can be hashed as the cache key. */
export function buildSocialCard(
  input: SocialCardInput,
  coverage: UnicodeRange[] = loadSocialFonts().coverage,
): CardElement {
  const draw = (text: string | undefined) => (text === undefined ? undefined : getDrawableText(text, coverage));
  // A title in a script the font lacks would be mostly gaps: the card then names the site instead.
  const title = draw(input.title) ?? draw(input.siteName) ?? '';
  const kicker = [draw(input.label), draw(input.tag)].filter((part): part is string => Boolean(part));
  const subtitle = draw(input.subtitle);
  return el(
    'div',
    {
      width: SOCIAL_IMAGE_WIDTH,
      height: SOCIAL_IMAGE_HEIGHT,
      display: 'flex',
      position: 'relative',
      backgroundColor: COLOURS.bg,
      fontFamily: FONT_SUBSETS.map((subset) => `'${FONT_FAMILY} ${subset}'`).join(', '),
      color: COLOURS.text,
    },
    [
      // Two smooth stones in the corner, in the site's accent and surface colours.
      el('div', {
        position: 'absolute',
        left: 960,
        top: 420,
        width: 540,
        height: 540,
        borderRadius: 270,
        backgroundColor: COLOURS.accentSoft,
      }),
      el('div', {
        position: 'absolute',
        left: 880,
        top: 520,
        width: 230,
        height: 230,
        borderRadius: 115,
        backgroundColor: COLOURS.surfaceStrong,
      }),
      el('div', { position: 'absolute', left: 0, top: 0, width: 16, height: '100%', backgroundColor: COLOURS.accent }),
      el('div', { display: 'flex', flexDirection: 'column', width: '100%', padding: '72px 88px 60px 96px' }, [
        el(
          'div',
          { display: 'flex', flexDirection: 'column', flexGrow: 1 },
          [
            kicker.length > 0
              ? el(
                  'div',
                  {
                    display: 'flex',
                    fontSize: 26,
                    fontWeight: 600,
                    letterSpacing: 2.5,
                    textTransform: 'uppercase',
                    color: COLOURS.accent,
                    marginBottom: 24,
                  },
                  kicker.join('  ·  '),
                )
              : undefined,
            el(
              'div',
              {
                display: 'block',
                fontSize: getTitleFontSize(title),
                fontWeight: 600,
                lineHeight: 1.12,
                letterSpacing: -0.5,
                maxWidth: 960,
                lineClamp: 4,
                textOverflow: 'ellipsis',
              },
              title,
            ),
            subtitle
              ? el(
                  'div',
                  {
                    display: 'block',
                    marginTop: 28,
                    fontSize: 32,
                    lineHeight: 1.35,
                    color: COLOURS.muted,
                    maxWidth: 820,
                    lineClamp: 3,
                    textOverflow: 'ellipsis',
                  },
                  subtitle,
                )
              : undefined,
          ].filter((child) => child !== undefined),
        ),
        el(
          'div',
          { display: 'flex', alignItems: 'center', marginTop: 32 },
          [
            el('div', { width: 26, height: 26, borderRadius: 13, backgroundColor: COLOURS.accent, marginRight: 16 }),
            el(
              'div',
              { display: 'flex', fontSize: 32, fontWeight: 600, color: COLOURS.accentStrong },
              draw(input.siteName) ?? '',
            ),
            input.siteHost
              ? el('div', { display: 'flex', fontSize: 26, color: COLOURS.muted, marginLeft: 24 }, input.siteHost)
              : undefined,
          ].filter((child) => child !== undefined),
        ),
      ]),
    ],
  );
}

/** A range of code points, inclusive, that a font file covers. */
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

/**
 * The text as the card can draw it: symbols and emoji the font lacks are dropped (they are
 * decoration); a letter or digit it lacks (Chinese, Arabic...) makes the whole text undrawable,
 * since a title with holes misleads. Undefined when nothing drawable is left.
 */
export function getDrawableText(text: string, coverage: readonly UnicodeRange[]): string | undefined {
  const covered = (char: string) => {
    const code = char.codePointAt(0)!;
    return coverage.some(([from, to]) => code >= from && code <= to);
  };
  let result = '';
  for (const char of text.normalize('NFC')) {
    if (/\s/u.test(char)) result += ' ';
    else if (covered(char)) result += char;
    else if (/[\p{L}\p{N}]/u.test(char)) return undefined;
  }
  result = result.replace(/ {2,}/g, ' ').trim();
  return result === '' ? undefined : result;
}

interface LoadedFonts {
  fonts: Font[];
  /** The code points the font's subsets cover. */
  coverage: UnicodeRange[];
  /** Identifies the font files' bytes and the renderers' versions: a new one changes every key. */
  digest: string;
}

let loadedFonts: LoadedFonts | undefined;

/** Reads the font files once per process; satori reuses the parsed fonts when given the same array. */
export function loadSocialFonts(): LoadedFonts {
  if (loadedFonts) return loadedFonts;
  const require = createRequire(import.meta.url);
  const hash = createHash('sha256');
  const fonts: Font[] = [];
  const coverage: UnicodeRange[] = [];
  const ranges = JSON.parse(readFileSync(require.resolve('@fontsource/source-serif-4/unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  const { version: satoriVersion } = require('satori/package.json') as { version: string };
  hash.update(JSON.stringify({ satori: satoriVersion, vips: sharp.versions.vips, rsvg: sharp.versions.rsvg }));
  for (const subset of FONT_SUBSETS) {
    const range = ranges[subset];
    if (!range)
      throw new Error(`@fontsource/source-serif-4/unicode.json has no "${subset}" subset; update FONT_SUBSETS`);
    coverage.push(...parseUnicodeRanges(range));
    for (const weight of FONT_WEIGHTS) {
      const file = require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-normal.woff`);
      const data = readFileSync(file);
      hash.update(data);
      fonts.push({ name: `${FONT_FAMILY} ${subset}`, data, weight, style: 'normal' });
    }
  }
  loadedFonts = { fonts, coverage, digest: hash.digest('hex') };
  return loadedFonts;
}

/**
 * The cache key of a card: a digest of everything that decides its pixels (the element tree with
 * its text, colours and sizes; the fonts' bytes; the renderer's version), and of nothing else.
 */
export function getSocialImageKey(input: SocialCardInput, renderDigest = loadSocialFonts().digest): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        renderer: RENDERER_VERSION,
        png: PNG_OPTIONS,
        render: renderDigest,
        card: buildSocialCard(input),
      }),
    )
    .digest('hex')
    .slice(0, 32);
}

/**
 * Draws a card as a 1200x630 PNG: satori lays it out as SVG with text as paths; sharp (librsvg)
 * rasterises it. The card sets no overflow or clipping: satori turns those into SVG masks, which
 * made librsvg three times slower.
 */
export async function drawSocialImage(input: SocialCardInput): Promise<Buffer> {
  const { fonts } = loadSocialFonts();
  const svg = await satori(buildSocialCard(input), { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, fonts });
  return sharp(Buffer.from(svg)).removeAlpha().png(PNG_OPTIONS).toBuffer();
}
