import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { hyphenateSync as HyphenateSync } from 'hyphen/en-gb';
import LineBreaker from 'linebreak';
import satori, { type Font, type SatoriNode } from 'satori';
import sharp from 'sharp';
import {
  canDraw,
  EMOJI,
  getFontsDigest,
  getFontStack,
  loadFontSlices,
  segmentGraphemes,
  selectFontSlices,
  type CardWeight,
  type FamilyId,
  type FontLoadStats,
} from './social-card-fonts.ts';
import { removeBidiControls } from '../lib/slugs.ts';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialCardInput } from '../lib/social-card-input.ts';
import { breakSegment, fitFontSize, linesAllowed, type FitBox, type MeasuredSegment } from '../lib/text-fit.ts';

/**
 * Bump when code outside the card's element tree changes pixels (satori's options, the fitting
 * rules in text-fit.ts, say): the tree itself with its colours and sizes, the PNG settings, the
 * fonts' and the renderers' versions are in the key.
 */
const RENDERER_VERSION = 3;
/**
 * A full-colour PNG (about 55 KiB a card). A 32-colour palette or WebP would halve the bytes, but
 * take 4 to 12 times the encoding's CPU (7 ms a card), and a cold build draws thousands; level 4
 * saves too little to be seen (docs/benchmark.md, "Where a card's time goes").
 */
const PNG_OPTIONS = { compressionLevel: 6 } as const;

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

/** The card's box: 1200 wide less its padding (96 left, after the accent bar; 88 right). */
const PADDING = { top: 72, right: 88, bottom: 60, left: 96 } as const;
const CONTENT_WIDTH = SOCIAL_IMAGE_WIDTH - PADDING.left - PADDING.right;
const CONTENT_HEIGHT = SOCIAL_IMAGE_HEIGHT - PADDING.top - PADDING.bottom;
const SITE_DOT = { size: 26, gap: 16 } as const;
/** Arabic letters at the start of a right-to-left line reach a few px past their box. */
const RTL_OVERHANG = 8;

/**
 * How each text of the card is set. Sizes are in px; letter spacing in em (so that it shrinks with
 * the text); `lines` is the most lines it may take before an ellipsis.
 */
const TEXTS = {
  kicker: { weight: 600, letterSpacing: 0.096, lineHeight: 1.25, size: 26, minSize: 18, lines: 2, gapAfter: 24 },
  title: { weight: 600, letterSpacing: -0.008, lineHeight: 1.12, size: 88, minSize: 44, lines: 4, maxWidth: 960 },
  subtitle: {
    weight: 400,
    letterSpacing: 0,
    lineHeight: 1.35,
    size: 32,
    minSize: 24,
    lines: 3,
    maxWidth: 820,
    gapBefore: 28,
  },
  siteName: { weight: 600, letterSpacing: 0, lineHeight: 1.25, size: 32, minSize: 20, lines: 2, gapBefore: 32 },
  siteHost: { weight: 400, letterSpacing: 0, lineHeight: 1.25, size: 26, minSize: 16, lines: 1, gapBefore: 24 },
} as const;

const STYLES = {
  siteName: { weight: TEXTS.siteName.weight, letterSpacing: 0 },
  siteHost: { weight: TEXTS.siteHost.weight, letterSpacing: 0 },
  kicker: { weight: TEXTS.kicker.weight, letterSpacing: TEXTS.kicker.letterSpacing, uppercase: true },
  subtitle: { weight: TEXTS.subtitle.weight, letterSpacing: TEXTS.subtitle.letterSpacing },
  title: { weight: TEXTS.title.weight, letterSpacing: TEXTS.title.letterSpacing },
} as const;

/** The size widths are measured at; they scale linearly with the size. */
const REFERENCE_SIZE = 100;

/** A satori element: what JSX would produce, written as plain objects (no React here). */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardChild | CardChild[] };
  /** Names an element in satori's onNodeDetected (see measureTexts). */
  key?: string;
}
type CardChild = CardElement | string;

const el = (type: string, style: Record<string, string | number>, children?: CardChild | CardChild[]): CardElement => ({
  type,
  props: children === undefined ? { style } : { style, children },
});

/** The preferred size of a title by its length: short titles large; a title never grows past it. */
export function getTitleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 28) return 88;
  if (length <= 48) return 76;
  if (length <= 75) return 66;
  if (length <= 110) return 58;
  return 52;
}

/** One text of the card as it is drawn: its characters, size, lines and direction. */
export interface PlacedText {
  text: string;
  size: number;
  /** Lines it may take; past them, an ellipsis. */
  lines: number;
  /** Right to left: its first strong character is Arabic or Hebrew (UAX #9, rule P2). */
  rtl: boolean;
  /** Line height, as a multiple of the size: more for scripts whose marks stand tall. */
  lineHeight: number;
}

/** Every text of a card, fitted; undefined parts are not drawn. */
export interface CardLayout {
  kicker?: PlacedText | undefined;
  title: PlacedText;
  subtitle?: PlacedText | undefined;
  siteName: PlacedText;
  siteHost?: PlacedText | undefined;
  /** The site's address goes under its name, when the two do not fit on one line. */
  footerWraps: boolean;
}

const ALL_FAMILIES: FamilyId[] = [
  'latin',
  'arabic',
  'hebrew',
  'devanagari',
  'thai',
  'simplified',
  'traditional',
  'japanese',
  'korean',
  'emoji',
];

/**
 * The text as the card can draw it: spaces tidied, emoji kept (the emoji font has them), symbols
 * no font has dropped (they are decoration); a letter or digit no font has (a script the card
 * has no font for) makes the whole text undrawable, since a title with holes misleads.
 * Undefined when nothing drawable is left.
 */
export function getDrawableText(text: string): string | undefined {
  let result = '';
  // Bidi controls (U+202E "right-to-left override"...) are invisible formatting, often a spoofing
  // trick; the card finds each line's direction itself, and satori's shaper failed on them.
  for (const grapheme of segmentGraphemes(removeBidiControls(text.normalize('NFC')))) {
    if (/^\s+$/u.test(grapheme)) result += ' ';
    else if (canDraw(grapheme, ALL_FAMILIES)) result += simplifyEmoji(grapheme);
    else if (/[\p{L}\p{N}]/u.test(grapheme)) return undefined;
  }
  result = result.replace(/ {2,}/g, ' ').trim();
  return result === '' ? undefined : insertThaiBreaks(result);
}

/**
 * An emoji joined from several (💆‍♀️, 👍🏽) drawn as its first: satori loses the glyphs after a
 * joined emoji on the same line, and the emoji font is drawn in one colour, where skin tones and
 * most of the differences between joined forms do not show.
 */
function simplifyEmoji(grapheme: string): string {
  if (!/[\u200D\u{1F3FB}-\u{1F3FF}]/u.test(grapheme) || !EMOJI.test(grapheme)) return grapheme;
  return String.fromCodePoint(grapheme.codePointAt(0)!);
}

const thaiWords = new Intl.Segmenter('th', { granularity: 'word' });
/**
 * Thai puts no spaces between words, and the line breaking rules leave finding them to a
 * dictionary: ICU's (Intl.Segmenter) finds them, and a zero-width space marks each.
 */
function insertThaiBreaks(text: string): string {
  if (!/\p{Script=Thai}/u.test(text)) return text;
  let result = '';
  let previousThai = false;
  for (const { segment } of thaiWords.segment(text)) {
    const thai = /^\p{Script=Thai}/u.test(segment);
    if (thai && previousThai) result += '\u200B';
    result += segment;
    previousThai = thai && /\p{Script=Thai}$/u.test(segment);
  }
  return result;
}

const FIRST_STRONG = /[\p{L}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
/** Whether a paragraph is right to left: its first strong character is (UAX #9, rules P2 and P3). */
export function isRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text)?.[0];
  return first !== undefined && RTL_SCRIPT.test(first);
}

const TALL_SCRIPTS = /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Thai}]/u;
/** Arabic, Devanagari and Thai stack marks above and below their letters: their lines need room. */
function getLineHeight(text: string, base: number): number {
  return TALL_SCRIPTS.test(text) ? Math.max(base, 1.4) : base;
}

/** The texts a card draws, before fitting: what it shows, each at its preferred size. */
export function getPreferredLayout(input: SocialCardInput): CardLayout {
  const draw = (text: string | undefined) => (text === undefined ? undefined : getDrawableText(text));
  const place = (text: string, size: number, lines: number, spec: { lineHeight: number }): PlacedText => ({
    text,
    size,
    lines,
    rtl: isRightToLeft(text),
    lineHeight: getLineHeight(text, spec.lineHeight),
  });
  // A title in a script no font has would be mostly gaps: the card then names the site instead.
  const title = draw(input.title) ?? draw(input.siteName) ?? '';
  const kicker = [draw(input.label), draw(input.tag)].filter((part): part is string => Boolean(part)).join('  ·  ');
  const subtitle = draw(input.subtitle);
  const siteName = draw(input.siteName) ?? '';
  const siteHost = draw(input.siteHost);
  return {
    kicker: kicker ? place(kicker, TEXTS.kicker.size, TEXTS.kicker.lines, TEXTS.kicker) : undefined,
    title: place(title, getTitleFontSize(title), TEXTS.title.lines, TEXTS.title),
    subtitle: subtitle ? place(subtitle, TEXTS.subtitle.size, TEXTS.subtitle.lines, TEXTS.subtitle) : undefined,
    siteName: place(siteName, TEXTS.siteName.size, 1, TEXTS.siteName),
    siteHost: siteHost ? place(siteHost, TEXTS.siteHost.size, 1, TEXTS.siteHost) : undefined,
    footerWraps: false,
  };
}

/** The card's design: a pure function of its texts, so the tree can be hashed as the cache key. */
export function buildSocialCard(input: SocialCardInput, layout = getPreferredLayout(input)): CardElement {
  const text = (placed: PlacedText, spec: (typeof TEXTS)[keyof typeof TEXTS], style: Record<string, string | number>) =>
    el(
      'div',
      {
        display: 'block',
        fontSize: placed.size,
        fontWeight: spec.weight,
        lineHeight: placed.lineHeight,
        letterSpacing: round(spec.letterSpacing * placed.size),
        // Line breaks the fitting chose (inside words too long for a line) are newlines.
        whiteSpace: 'pre-line',
        lineClamp: placed.lines,
        textOverflow: 'ellipsis',
        direction: placed.rtl ? 'rtl' : 'ltr',
        ...style,
      },
      placed.text,
    );
  const { kicker, title, subtitle, siteName, siteHost } = layout;
  return el(
    'div',
    {
      width: SOCIAL_IMAGE_WIDTH,
      height: SOCIAL_IMAGE_HEIGHT,
      display: 'flex',
      position: 'relative',
      backgroundColor: COLOURS.bg,
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
      el(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          width: '100%',
          padding: `${PADDING.top}px ${PADDING.right}px ${PADDING.bottom}px ${PADDING.left}px`,
        },
        [
          el(
            'div',
            { display: 'flex', flexDirection: 'column', flexGrow: 1 },
            [
              kicker
                ? text(kicker, TEXTS.kicker, {
                    textTransform: 'uppercase',
                    color: COLOURS.accent,
                    marginBottom: TEXTS.kicker.gapAfter,
                    maxWidth: CONTENT_WIDTH,
                    alignSelf: kicker.rtl ? 'flex-end' : 'flex-start',
                  })
                : undefined,
              text(title, TEXTS.title, {
                maxWidth: TEXTS.title.maxWidth,
                // Right to left, the box sits at the right; a little in, for the swashes of its first letters.
                ...(title.rtl ? { alignSelf: 'flex-end', marginRight: RTL_OVERHANG } : { alignSelf: 'flex-start' }),
              }),
              subtitle
                ? text(subtitle, TEXTS.subtitle, {
                    marginTop: TEXTS.subtitle.gapBefore,
                    color: COLOURS.muted,
                    maxWidth: TEXTS.subtitle.maxWidth,
                    alignSelf: subtitle.rtl ? 'flex-end' : 'flex-start',
                  })
                : undefined,
            ].filter((child) => child !== undefined),
          ),
          el(
            'div',
            {
              display: 'flex',
              flexWrap: layout.footerWraps ? 'wrap' : 'nowrap',
              alignItems: 'center',
              marginTop: TEXTS.siteName.gapBefore,
            },
            [
              el('div', {
                width: SITE_DOT.size,
                height: SITE_DOT.size,
                borderRadius: SITE_DOT.size / 2,
                backgroundColor: COLOURS.accent,
                marginRight: SITE_DOT.gap,
              }),
              text(siteName, TEXTS.siteName, {
                color: COLOURS.accentStrong,
                maxWidth: CONTENT_WIDTH - SITE_DOT.size - SITE_DOT.gap,
              }),
              siteHost
                ? text(siteHost, TEXTS.siteHost, {
                    color: COLOURS.muted,
                    ...(layout.footerWraps
                      ? { width: '100%', marginLeft: SITE_DOT.size + SITE_DOT.gap }
                      : { marginLeft: TEXTS.siteHost.gapBefore }),
                    maxWidth: CONTENT_WIDTH - SITE_DOT.size - SITE_DOT.gap,
                  })
                : undefined,
            ].filter((child) => child !== undefined),
          ),
        ],
      ),
    ],
  );
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The texts of a card with their weights: what decides which font slices it loads. */
function getCardTexts(layout: CardLayout): { text: string; weight: CardWeight }[] {
  return [
    layout.kicker && { text: layout.kicker.text.toUpperCase(), weight: TEXTS.kicker.weight },
    { text: layout.title.text, weight: TEXTS.title.weight },
    layout.subtitle && { text: layout.subtitle.text, weight: TEXTS.subtitle.weight },
    { text: layout.siteName.text, weight: TEXTS.siteName.weight },
    layout.siteHost && { text: layout.siteHost.text, weight: TEXTS.siteHost.weight },
  ].filter((text): text is { text: string; weight: CardWeight } => Boolean(text));
}

/** The fonts a card needs, in the order satori should try them, and what loading them cost. */
export async function loadCardFonts(
  layout: CardLayout,
): Promise<{ fonts: Font[]; stats: FontLoadStats; stack: FamilyId[] }> {
  const texts = getCardTexts(layout);
  const stack = await getFontStack(texts.map((text) => text.text));
  return { ...(await loadFontSlices(selectFontSlices(texts, stack))), stack };
}

/**
 * Widths measured so far in this process, by font stack, style and text: cards share most of
 * theirs (the kicker, the site's name, common words), and a card whose texts are all measured
 * needs no layout to measure them. A text needs the same slices whatever card it is on, so its
 * width depends only on the stack's order. Emptied when it grows past MAX_SHARED_WIDTHS.
 */
const sharedWidths = new Map<string, Map<string, number>>();
const MAX_SHARED_WIDTHS = 50_000;
let sharedWidthCount = 0;

function getSharedWidths(stack: readonly FamilyId[]): Map<string, number> {
  if (sharedWidthCount > MAX_SHARED_WIDTHS) {
    sharedWidths.clear();
    sharedWidthCount = 0;
  }
  const key = stack.join(',');
  let widths = sharedWidths.get(key);
  if (!widths) sharedWidths.set(key, (widths = new Map()));
  return widths;
}

interface MeasureStyle {
  weight: CardWeight;
  letterSpacing: number;
  uppercase?: boolean;
}

/**
 * Measures texts with satori itself, so that the widths are those it will draw: each text is laid
 * out alone on one line at the reference size, and its box's width read back. Widths are kept, and
 * `prefetch` measures the texts of a whole card in one layout.
 */
export class TextMeasurer {
  readonly #widths: Map<string, number>;
  readonly #fonts: Font[];

  /** With a font stack, widths are shared with the other cards of that stack (see sharedWidths). */
  constructor(fonts: Font[], stack?: readonly FamilyId[]) {
    this.#fonts = fonts;
    this.#widths = stack ? getSharedWidths(stack) : new Map();
  }

  /** Widths in px at REFERENCE_SIZE, in the order of `texts`. */
  async measure(texts: readonly string[], style: MeasureStyle): Promise<number[]> {
    await this.prefetch([{ texts, style }]);
    return texts.map((text) => this.#widths.get(measureKey(text, style)) ?? 0);
  }

  async prefetch(requests: readonly MeasureRequest[]): Promise<void> {
    const probe = this.createProbe(requests, { left: 0, top: 0 });
    if (!probe) return;
    await satori(probe.element as never, {
      width: 100_000,
      height: 100_000,
      fonts: this.#fonts,
      // Text as <text> rather than paths: only the boxes are read.
      embedFont: false,
      onNodeDetected: probe.onNode,
    });
  }

  /**
   * An element that lays out every text not yet measured, placed at `at` (outside the card, where
   * satori lays it out but does not draw it), and the onNodeDetected handler that reads it.
   * Undefined when every text is measured already.
   */
  createProbe(
    requests: readonly MeasureRequest[],
    at: { left: number; top: number },
  ): { element: CardElement; onNode: (node: SatoriNode) => void } | undefined {
    const missing = new Map<string, { text: string; style: MeasureStyle }>();
    for (const { texts, style } of requests) {
      for (const text of texts) {
        const key = measureKey(text, style);
        if (!this.#widths.has(key)) missing.set(key, { text, style });
      }
    }
    if (missing.size === 0) return undefined;
    const items = [...missing.entries()];
    const element = el(
      'div',
      {
        position: 'absolute',
        ...at,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-start',
        width: 100_000,
      },
      items.map(([, { text, style }], i) => ({
        type: 'div',
        key: `m${i}`,
        props: {
          style: {
            display: 'flex',
            flexShrink: 0,
            whiteSpace: 'pre',
            fontSize: REFERENCE_SIZE,
            fontWeight: style.weight,
            letterSpacing: style.letterSpacing * REFERENCE_SIZE,
            ...(style.uppercase ? { textTransform: 'uppercase' } : {}),
          },
          children: text,
        },
      })),
    );
    const onNode = (node: SatoriNode) => {
      const item =
        typeof node.key === 'string' && /^m\d+$/.test(node.key) ? items[Number(node.key.slice(1))] : undefined;
      if (item && !this.#widths.has(item[0])) {
        this.#widths.set(item[0], node.width);
        sharedWidthCount += 1;
      }
    };
    return { element, onNode };
  }
}

/** Texts to measure in one style (see TextMeasurer.prefetch). */
export interface MeasureRequest {
  texts: readonly string[];
  style: MeasureStyle;
}

const measureKey = (text: string, style: MeasureStyle) =>
  `${style.weight}/${style.letterSpacing}/${style.uppercase ? 'U' : ''}/${text}`;

/** The strings fitText measures for a text: its segments, and its spaces between two letters. */
function getMeasuredParts(text: string) {
  const pieces = segmentLines(text);
  const trimmed = pieces.map((piece) => piece.text.replace(/\s+$/u, ''));
  const trailing = pieces.map((piece, i) => piece.text.slice(trimmed[i]!.length));
  const spaces = [...new Set(trailing.filter(Boolean))];
  // A space alone measures nothing (it collapses): it is measured between two letters.
  return { pieces, trimmed, trailing, spaces, texts: [...trimmed, 'xx', ...spaces.map((space) => `x${space}x`)] };
}

/** Splits a text at its line-break opportunities (UAX #14, as satori breaks lines). */
export function segmentLines(text: string): { text: string; breakAfter: boolean }[] {
  const breaker = new LineBreaker(text);
  const segments: { text: string; breakAfter: boolean }[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const piece = text.slice(last, next.position);
    if (piece) segments.push({ text: piece.replace(/\n$/, ''), breakAfter: next.required });
    last = next.position;
  }
  return segments;
}

const require = createRequire(import.meta.url);
let hyphenate: typeof HyphenateSync | undefined;
/** Hyphenation points of an English word (the site's language), as soft hyphens. */
function hyphenateWord(word: string): string {
  hyphenate ??= (require('hyphen/en-gb') as { hyphenateSync: typeof HyphenateSync }).hyphenateSync;
  return hyphenate(word, { minWordLength: 5 });
}

/** Letters of an alphabet, which take a hyphen when broken; an address or a code does not. */
const ALPHABETIC_WORD = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}'’-]+[.,:;!?)"”’]*$/u;
/** Where an address (a URL, a file name, an e-mail address) may break: after its punctuation. */
const ADDRESS_BREAK = /[/.\-_?&=#:@~+]/u;

/**
 * Fits one text in its box: measures its segments, picks the largest size at which every word
 * fits and the lines fit (fitFontSize), and breaks words still too wide at the smallest size
 * (breakSegment), with a hyphen between letters. The renderer adds an ellipsis past the lines.
 */
export async function fitText(
  text: string,
  box: Omit<FitBox, 'referenceSize'>,
  style: MeasureStyle,
  measurer: TextMeasurer,
): Promise<{ text: string; size: number; lines: number; linesTaken: number }> {
  const fullBox = { ...box, referenceSize: REFERENCE_SIZE };
  const { pieces, trimmed, trailing, spaces, texts } = getMeasuredParts(text);
  const widths = await measurer.measure(texts, style);
  const bare = widths[trimmed.length]!;
  const spaceWidth = new Map(spaces.map((space, i) => [space, widths[trimmed.length + 1 + i]! - bare]));
  const segments: MeasuredSegment[] = pieces.map((piece, i) => ({
    text: piece.text,
    width: widths[i]!,
    trailing: spaceWidth.get(trailing[i]!) ?? 0,
    breakAfter: piece.breakAfter,
  }));
  const fit = fitFontSize(segments, fullBox);
  if (fit.wordsFit) return { text, size: fit.size, lines: fit.maxLines, linesTaken: fit.lines };

  // Still too wide at the smallest size: break the words that do not fit.
  const scale = fit.size / REFERENCE_SIZE;
  const result: string[] = [];
  for (const [i, segment] of segments.entries()) {
    if (segment.width * scale <= box.maxWidth) {
      result.push(segment.text);
      continue;
    }
    const word = trimmed[i]!;
    const isAddress = !ALPHABETIC_WORD.test(word) && ADDRESS_BREAK.test(word);
    const hyphenated = ALPHABETIC_WORD.test(word) ? hyphenateWord(word) : word;
    const graphemes = segmentGraphemes(hyphenated.replaceAll('\u00AD', ''));
    const goodAfter = new Set<number>();
    let position = 0;
    for (const grapheme of segmentGraphemes(hyphenated)) {
      if (grapheme === '\u00AD') goodAfter.add(position - 1);
      else position += 1;
    }
    if (isAddress) graphemes.forEach((grapheme, j) => ADDRESS_BREAK.test(grapheme) && goodAfter.add(j));
    const [hyphenWidth = 0, ...graphemeWidths] = await measurer.measure(['-', ...graphemes], style);
    const parts = breakSegment(
      graphemes.map((grapheme, j) => ({ text: grapheme, width: graphemeWidths[j]!, goodBreak: goodAfter.has(j) })),
      { scale, maxWidth: box.maxWidth, hyphenWidth, hyphenate: !isAddress && ALPHABETIC_WORD.test(word) },
    );
    // The word starts a line of its own (it is wider than one), and each of its parts fills one.
    if (result.length > 0 && !/\n$/.test(result.at(-1)!)) result.push('\n');
    result.push(parts.join('\n'), trailing[i]!);
  }
  const joined = result.join('').replace(/ *\n */g, '\n');
  // Lines taken are not counted again after breaking: as many as allowed, for the space left below.
  return { text: joined, size: fit.size, lines: linesAllowed(fullBox, fit.size), linesTaken: Infinity };
}

/**
 * Fits every text of a card in its box, by measured widths (never by counting characters): the
 * kicker and the site's name and address shrink to stay on their lines; the title and subtitle
 * shrink until their words fit and their lines fit in the space left, then break words too wide
 * even at the smallest size; only past the most lines allowed does an ellipsis end a text.
 */
export async function fitCardLayout(
  preferred: CardLayout,
  fonts: Font[],
  measurer = new TextMeasurer(fonts),
): Promise<CardLayout> {
  const layout: CardLayout = structuredClone(preferred);
  let height = CONTENT_HEIGHT;
  await measurer.prefetch(getMeasureRequests(preferred));

  // The site's name and address share one line at the same scale, or the address goes below.
  const footerWidth = CONTENT_WIDTH - SITE_DOT.size - SITE_DOT.gap;
  const [nameWidth = 0] = await measurer.measure([preferred.siteName.text], STYLES.siteName);
  const [hostWidth = 0] = preferred.siteHost ? await measurer.measure([preferred.siteHost.text], STYLES.siteHost) : [0];
  const hostRatio = TEXTS.siteHost.size / TEXTS.siteName.size;
  const rowWidth =
    nameWidth +
    (preferred.siteHost ? hostWidth * hostRatio + (TEXTS.siteHost.gapBefore / TEXTS.siteName.size) * 100 : 0);
  const rowScale = Math.min(1, footerWidth / ((rowWidth * TEXTS.siteName.size) / REFERENCE_SIZE));
  if (rowScale * TEXTS.siteName.size >= TEXTS.siteName.minSize) {
    const size = Math.floor(rowScale * TEXTS.siteName.size);
    layout.siteName = { ...layout.siteName, size };
    if (layout.siteHost) layout.siteHost = { ...layout.siteHost, size: Math.floor(size * hostRatio) };
    height -= TEXTS.siteName.gapBefore + Math.max(SITE_DOT.size, size * TEXTS.siteName.lineHeight);
  } else {
    layout.footerWraps = true;
    const name = await fitText(
      preferred.siteName.text,
      footerBox(TEXTS.siteName, footerWidth),
      STYLES.siteName,
      measurer,
    );
    layout.siteName = { ...layout.siteName, text: name.text, size: name.size, lines: name.lines };
    height -= TEXTS.siteName.gapBefore + Math.min(name.lines, name.linesTaken) * name.size * TEXTS.siteName.lineHeight;
    if (layout.siteHost) {
      const host = await fitText(
        preferred.siteHost!.text,
        footerBox(TEXTS.siteHost, footerWidth),
        STYLES.siteHost,
        measurer,
      );
      layout.siteHost = { ...layout.siteHost, text: host.text, size: host.size, lines: host.lines };
      height -= Math.min(host.lines, host.linesTaken) * host.size * TEXTS.siteHost.lineHeight;
    }
  }

  if (preferred.kicker) {
    const spec = TEXTS.kicker;
    const kicker = await fitText(
      preferred.kicker.text,
      {
        maxWidth: CONTENT_WIDTH,
        maxHeight: spec.lines * spec.lineHeight * spec.size,
        lineHeight: preferred.kicker.lineHeight,
        maxLines: spec.lines,
        preferredSize: spec.size,
        minSize: spec.minSize,
      },
      STYLES.kicker,
      measurer,
    );
    layout.kicker = {
      ...preferred.kicker,
      text: kicker.text,
      size: kicker.size,
      lines: clampLines(preferred.kicker, kicker),
    };
    height -= Math.min(kicker.lines, kicker.linesTaken) * kicker.size * spec.lineHeight + spec.gapAfter;
  }

  if (preferred.subtitle) {
    const spec = TEXTS.subtitle;
    const subtitle = await fitText(
      preferred.subtitle.text,
      {
        maxWidth: spec.maxWidth,
        maxHeight: spec.lines * spec.lineHeight * spec.size,
        lineHeight: preferred.subtitle.lineHeight,
        maxLines: spec.lines,
        preferredSize: spec.size,
        minSize: spec.minSize,
      },
      STYLES.subtitle,
      measurer,
    );
    layout.subtitle = {
      ...preferred.subtitle,
      text: subtitle.text,
      size: subtitle.size,
      lines: clampLines(preferred.subtitle, subtitle),
    };
    height -= Math.min(subtitle.lines, subtitle.linesTaken) * subtitle.size * spec.lineHeight + spec.gapBefore;
  }

  const spec = TEXTS.title;
  const title = await fitText(
    preferred.title.text,
    {
      maxWidth: spec.maxWidth,
      maxHeight: height,
      lineHeight: preferred.title.lineHeight,
      maxLines: spec.lines,
      preferredSize: preferred.title.size,
      minSize: spec.minSize,
    },
    STYLES.title,
    measurer,
  );
  layout.title = { ...preferred.title, text: title.text, size: title.size, lines: clampLines(preferred.title, title) };
  return layout;
}

/**
 * The lines a text is clamped to: its preferred number when the text takes no more than that and
 * no more than its box allows (no ellipsis either way, and the fitted card equals the preferred
 * one, which spares drawing it twice), otherwise what the box allows.
 */
function clampLines(preferred: PlacedText, fit: { lines: number; linesTaken: number }): number {
  return fit.linesTaken <= Math.min(preferred.lines, fit.lines) ? preferred.lines : fit.lines;
}

/** Everything fitCardLayout measures for a card (so that one layout can measure it all). */
export function getMeasureRequests(preferred: CardLayout): MeasureRequest[] {
  return [
    { texts: [preferred.siteName.text], style: STYLES.siteName },
    { texts: preferred.siteHost ? [preferred.siteHost.text] : [], style: STYLES.siteHost },
    { texts: preferred.kicker ? getMeasuredParts(preferred.kicker.text).texts : [], style: STYLES.kicker },
    { texts: preferred.subtitle ? getMeasuredParts(preferred.subtitle.text).texts : [], style: STYLES.subtitle },
    { texts: getMeasuredParts(preferred.title.text).texts, style: STYLES.title },
  ];
}

function footerBox(spec: (typeof TEXTS)['siteName'] | (typeof TEXTS)['siteHost'], maxWidth: number) {
  return {
    maxWidth,
    maxHeight: spec.lines * spec.lineHeight * spec.size,
    lineHeight: spec.lineHeight,
    maxLines: spec.lines,
    preferredSize: spec.minSize,
    minSize: spec.minSize,
  };
}

/** Identifies the fonts' packages and the renderers' versions: a new one changes every key. */
let renderDigest: string | undefined;
function getRenderDigest(): string {
  if (renderDigest) return renderDigest;
  const { version: satoriVersion } = require('satori/package.json') as { version: string };
  renderDigest = createHash('sha256')
    .update(JSON.stringify({ satori: satoriVersion, vips: sharp.versions.vips, rsvg: sharp.versions.rsvg }))
    .update(getFontsDigest())
    .digest('hex');
  return renderDigest;
}

/**
 * The cache key of a card: a digest of everything that decides its pixels (the element tree with
 * its text, colours and preferred sizes; the fonts' versions; the renderers' and the fitting
 * rules' versions), and of nothing else.
 */
export function getSocialImageKey(input: SocialCardInput, digest = getRenderDigest()): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        renderer: RENDERER_VERSION,
        png: PNG_OPTIONS,
        render: digest,
        card: buildSocialCard(input),
      }),
    )
    .digest('hex')
    .slice(0, 32);
}

/** What drawing one card took: for the tests and the benchmark. */
export interface SocialImageDrawing {
  png: Buffer;
  layout: CardLayout;
  fonts: FontLoadStats;
  ms: number;
}

/**
 * Draws a card and says what it took: the fonts its characters need are loaded (only the slices
 * that hold them), its texts fitted by measured widths, the card laid out by satori as SVG with
 * text as paths, and rasterised by sharp (librsvg). The card sets no overflow or clipping: satori
 * turns those into SVG masks, which made librsvg three times slower.
 */
export async function drawSocialImageWithStats(input: SocialCardInput): Promise<SocialImageDrawing> {
  const started = performance.now();
  const preferred = getPreferredLayout(input);
  const { fonts, stats, stack } = await loadCardFonts(preferred);
  // The card is drawn at its preferred sizes while its texts are measured, in the same layout
  // (below the card, where satori does not draw); most cards fit as they are, and are drawn once.
  const measurer = new TextMeasurer(fonts, stack);
  const probe = measurer.createProbe(getMeasureRequests(preferred), { left: 0, top: SOCIAL_IMAGE_HEIGHT + 100 });
  const card = buildSocialCard(input, preferred);
  if (probe) (card.props.children as CardChild[]).push(probe.element);
  const options = { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, fonts };
  let svg = await satori(card as never, { ...options, ...(probe ? { onNodeDetected: probe.onNode } : {}) });
  const layout = await fitCardLayout(preferred, fonts, measurer);
  if (JSON.stringify(layout) !== JSON.stringify(preferred)) {
    svg = await satori(buildSocialCard(input, layout) as never, options);
  }
  const png = await sharp(Buffer.from(svg)).removeAlpha().png(PNG_OPTIONS).toBuffer();
  return { png, layout, fonts: stats, ms: performance.now() - started };
}

/**
 * Draws a card as a 1200x630 PNG (see drawSocialImageWithStats). A title the drawing code cannot
 * handle never stops the build: the card is drawn with the site's name instead, and `onFallback`
 * hears why, so the build can name the post.
 */
export async function drawSocialImage(
  input: SocialCardInput,
  onFallback: (error: unknown) => void = () => {},
): Promise<Buffer> {
  try {
    return (await drawSocialImageWithStats(input)).png;
  } catch (error) {
    onFallback(error);
    return (await drawSocialImageWithStats({ ...input, title: input.siteName, subtitle: undefined })).png;
  }
}
