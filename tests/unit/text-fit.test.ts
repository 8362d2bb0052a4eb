import { describe, expect, test } from 'vitest';
import {
  breakSegment,
  countLines,
  fitFontSize,
  linesAllowed,
  type FitBox,
  type MeasuredGrapheme,
  type MeasuredSegment,
} from '../../src/lib/text-fit.ts';

/** Segments of a text where every character is `charWidth` wide at the reference size. */
const words = (text: string, charWidth = 50): MeasuredSegment[] =>
  text.split(/(?<= )/).map((piece) => {
    const word = piece.trimEnd();
    return { text: piece, width: word.length * charWidth, trailing: (piece.length - word.length) * charWidth };
  });

const BOX: FitBox = {
  maxWidth: 960,
  maxHeight: 400,
  lineHeight: 1.12,
  maxLines: 4,
  preferredSize: 88,
  minSize: 44,
  referenceSize: 100,
};

describe('countLines', () => {
  test('fills each line with as many words as fit, letting a trailing space hang past the end', () => {
    // "aaaa " is 250 wide with its space; the four words take 950 without the last space.
    const segments = words('aaaa aaaa aaaa aaaa');
    expect(countLines(segments, 1, 750)).toBe(2);
    expect(countLines(segments, 1, 949)).toBe(2);
    expect(countLines(segments, 1, 950)).toBe(1);
  });

  test('scales the widths with the font size', () => {
    const segments = words('aaaa aaaa aaaa aaaa');
    expect(countLines(segments, 0.5, 500)).toBe(1);
    expect(countLines(segments, 2, 850)).toBe(4);
  });

  test('ends a line where the text asks for a break', () => {
    const segments = [...words('aa '), { text: 'bb', width: 100, trailing: 0, breakAfter: true }, ...words('cc')];
    expect(countLines(segments, 1, 10_000)).toBe(2);
  });
});

describe('linesAllowed', () => {
  test('is the lines that fit in the height, at least one and at most the maximum', () => {
    expect(linesAllowed(BOX, 88)).toBe(4); // 4 x 98.6 = 394 px
    expect(linesAllowed({ ...BOX, maxHeight: 300 }, 88)).toBe(3);
    expect(linesAllowed({ ...BOX, maxHeight: 10 }, 88)).toBe(1);
    expect(linesAllowed(BOX, 44)).toBe(4);
  });
});

describe('fitFontSize', () => {
  test('keeps the preferred size when the text fits at it', () => {
    expect(fitFontSize(words('Deep tissue'), BOX)).toMatchObject({ size: 88, lines: 1, wordsFit: true });
  });

  test('shrinks a word wider than the line until it fits, by its measured width', () => {
    // 30 characters of 50 at 100 px: 1500; it fits 960 at 64 px.
    const fit = fitFontSize(words('x'.repeat(30)), BOX);
    expect(fit).toMatchObject({ size: 64, wordsFit: true });
    expect(1500 * (fit.size / 100)).toBeLessThanOrEqual(960);
    expect(1500 * ((fit.size + 1) / 100)).toBeGreaterThan(960);
  });

  test('sizes by width, not by the number of characters: narrow letters keep a larger size', () => {
    const wide = fitFontSize(words('m'.repeat(24), 80), BOX);
    const narrow = fitFontSize(words('i'.repeat(24), 30), BOX);
    expect(narrow.size).toBeGreaterThan(wide.size);
  });

  test('shrinks a text until its lines fit in the height left', () => {
    const text = words(Array.from({ length: 30 }, () => 'word').join(' '));
    const roomy = fitFontSize(text, BOX);
    const short = fitFontSize(text, { ...BOX, maxHeight: 200 });
    expect(short.size).toBeLessThan(roomy.size);
    expect(short.lines).toBeLessThanOrEqual(short.maxLines);
  });

  test('stops at the smallest size, and says when a word still does not fit there', () => {
    const fit = fitFontSize(words(`${'x'.repeat(60)} explained`), BOX);
    expect(fit).toMatchObject({ size: 44, wordsFit: false });
  });

  test('stops at the smallest size with more lines than allowed (the renderer adds an ellipsis)', () => {
    const fit = fitFontSize(words(Array.from({ length: 200 }, () => 'word').join(' ')), BOX);
    expect(fit.size).toBe(44);
    expect(fit.wordsFit).toBe(true);
    expect(fit.lines).toBeGreaterThan(fit.maxLines);
  });
});

describe('breakSegment', () => {
  const graphemes = (word: string, goodAfter: number[] = [], width = 50): MeasuredGrapheme[] =>
    [...word].map((text, i) => ({ text, width, goodBreak: goodAfter.includes(i) }));

  test('fills each line, adding a hyphen between letters, and gives the word back', () => {
    const pieces = breakSegment(graphemes('abcdefghij'), { scale: 1, maxWidth: 200, hyphenWidth: 50, hyphenate: true });
    expect(pieces).toEqual(['abc-', 'def-', 'ghij']);
    expect(pieces.join('').replaceAll('-', '')).toBe('abcdefghij');
  });

  test('prefers a hyphenation point when it leaves the line well filled', () => {
    // A good break after "f" (index 5): 6 letters and a hyphen fill 350 of 400.
    const pieces = breakSegment(graphemes('abcdefghijkl', [5]), {
      scale: 1,
      maxWidth: 400,
      hyphenWidth: 50,
      hyphenate: true,
    });
    expect(pieces[0]).toBe('abcdef-');
  });

  test('ignores a hyphenation point that would leave most of the line empty', () => {
    const pieces = breakSegment(graphemes('abcdefghijkl', [1]), {
      scale: 1,
      maxWidth: 400,
      hyphenWidth: 50,
      hyphenate: true,
    });
    expect(pieces[0]).toBe('abcdefg-');
  });

  test('breaks an address after its punctuation, and adds no hyphen to it', () => {
    const url = 'example.com/a/long/path';
    const good = [...url].flatMap((char, i) => (/[./]/.test(char) ? [i] : []));
    const pieces = breakSegment(graphemes(url, good), { scale: 1, maxWidth: 700, hyphenWidth: 50, hyphenate: false });
    expect(pieces).toEqual(['example.com/a/', 'long/path']);
  });

  test('puts at least one grapheme on a line, even one wider than the line', () => {
    expect(
      breakSegment(graphemes('ab', [], 500), { scale: 1, maxWidth: 100, hyphenWidth: 0, hyphenate: false }),
    ).toEqual(['a', 'b']);
  });
});
