/**
 * The maths of fitting a text in a box on a social card, from measured widths: which font size,
 * how many lines, and where a word wider than a line is broken. Pure: the widths come from the
 * renderer (see measureTexts in src/integrations/social-card-drawing.ts), measured once at a reference size; widths scale
 * with the font size (letter spacing is given in em, so it scales too).
 */

/** A piece of text between two line-break opportunities (UAX #14), e.g. "massage " or "按". */
export interface MeasuredSegment {
  text: string;
  /** Width of the text without its trailing spaces, at the reference size, in px. */
  width: number;
  /** Width of the trailing spaces, at the reference size, in px (0 when there are none). */
  trailing: number;
  /** A line must end after this segment (a break the text asks for). */
  breakAfter?: boolean;
}

export interface FitBox {
  /** Line length, in px. */
  maxWidth: number;
  /** Height the lines may take, in px. */
  maxHeight: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** Lines allowed at most, whatever the height; past them, an ellipsis. */
  maxLines: number;
  /** The size to use when the text fits at it, in px. */
  preferredSize: number;
  /** The smallest size the text may shrink to, in px. */
  minSize: number;
  /** The size the widths were measured at, in px. */
  referenceSize: number;
}

export interface Fit {
  /** Font size, in px (a whole number). */
  size: number;
  /** Lines the text takes at that size, by greedy filling (as the renderer fills them). */
  lines: number;
  /** Lines the box allows at that size (the renderer clamps to these, with an ellipsis). */
  maxLines: number;
  /** Whether every segment fits on a line at that size; when false, some must be broken. */
  wordsFit: boolean;
}

/**
 * Lines a text takes when each line is filled with as many segments as fit (trailing spaces may
 * hang past the end), the way browsers and satori fill them. A segment wider than a line gets a
 * line of its own (it overflows: see breakSegment).
 */
export function countLines(segments: readonly MeasuredSegment[], scale: number, maxWidth: number): number {
  let lines = 1;
  let x = 0;
  for (const [i, segment] of segments.entries()) {
    if (x > 0 && x + segment.width * scale > maxWidth + 0.01) {
      lines += 1;
      x = 0;
    }
    x += (segment.width + segment.trailing) * scale;
    if (segment.breakAfter && i < segments.length - 1) {
      lines += 1;
      x = 0;
    }
  }
  return lines;
}

/** Lines of a given size that fit in the box's height, at least one and at most maxLines. */
export function linesAllowed(box: FitBox, size: number): number {
  return Math.max(1, Math.min(box.maxLines, Math.floor((box.maxHeight + 0.01) / (box.lineHeight * size))));
}

/**
 * The largest whole font size, from the preferred size down to the minimum, at which the widest
 * segment fits on a line and the text fits in the lines the box allows. When even the minimum
 * is too large, the minimum, with `wordsFit` saying whether words must still be broken (and
 * more lines than allowed ending in an ellipsis).
 */
export function fitFontSize(segments: readonly MeasuredSegment[], box: FitBox): Fit {
  const widest = Math.max(0, ...segments.map((segment) => segment.width));
  for (let size = Math.floor(box.preferredSize); size >= box.minSize; size -= 1) {
    const scale = size / box.referenceSize;
    const wordsFit = widest * scale <= box.maxWidth;
    const lines = countLines(segments, scale, box.maxWidth);
    const maxLines = linesAllowed(box, size);
    if (wordsFit && lines <= maxLines) return { size, lines, maxLines, wordsFit };
  }
  const size = Math.ceil(box.minSize);
  const scale = size / box.referenceSize;
  return {
    size,
    lines: countLines(segments, scale, box.maxWidth),
    maxLines: linesAllowed(box, size),
    wordsFit: widest * scale <= box.maxWidth,
  };
}

/** A grapheme of a word to break, with its width at the reference size. */
export interface MeasuredGrapheme {
  text: string;
  width: number;
  /** A break after this grapheme is a good one: a hyphenation point, or after a "/" in a URL. */
  goodBreak: boolean;
}

/**
 * Breaks a word wider than a line into pieces that each fit, filling each line as far as it
 * can: at the last good break (a hyphenation point, or after punctuation in an address) that
 * fits, else at the last grapheme that fits. A hyphen is added to the pieces of a word of letters
 * (`hyphenate`), never to an address, where it would read as part of it.
 *
 * @returns the pieces, in order; joined they give the word back, plus the added hyphens.
 */
export function breakSegment(
  graphemes: readonly MeasuredGrapheme[],
  options: { scale: number; maxWidth: number; hyphenWidth: number; hyphenate: boolean },
): string[] {
  const { scale, maxWidth, hyphenate } = options;
  const hyphen = hyphenate ? options.hyphenWidth : 0;
  const pieces: string[] = [];
  let start = 0;
  while (start < graphemes.length) {
    let width = 0;
    let lastFit = start; // index after the last grapheme that fits with a hyphen
    let lastGood = -1;
    let goodWidth = 0;
    let end = start;
    for (; end < graphemes.length; end++) {
      width += graphemes[end]!.width;
      const rest = end === graphemes.length - 1 ? 0 : hyphen;
      if ((width + rest) * scale > maxWidth) break;
      lastFit = end + 1;
      if (graphemes[end]!.goodBreak) {
        lastGood = end + 1;
        goodWidth = (width + rest) * scale;
      }
    }
    if (end === graphemes.length) {
      pieces.push(text(graphemes, start, end));
      break;
    }
    // A good break that leaves most of the line empty is worse than a plain one; and always at
    // least one grapheme a line, so that the loop ends.
    const cut = lastGood > start && goodWidth >= GOOD_BREAK_FILL * maxWidth ? lastGood : Math.max(lastFit, start + 1);
    const piece = text(graphemes, start, cut);
    const joins = /[\p{L}\p{M}\p{N}]$/u.test(piece) && /^[\p{L}\p{M}\p{N}]/u.test(graphemes[cut]?.text ?? '');
    pieces.push(hyphenate && joins ? `${piece}-` : piece);
    start = cut;
  }
  return pieces;
}

/** How full a line must be for a good break to be taken rather than a break anywhere. */
const GOOD_BREAK_FILL = 0.6;

function text(graphemes: readonly MeasuredGrapheme[], from: number, to: number): string {
  return graphemes
    .slice(from, to)
    .map((grapheme) => grapheme.text)
    .join('');
}
