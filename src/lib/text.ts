import { Parser } from 'htmlparser2';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/**
 * Reading rates for reading-time estimates, per kind of script.
 *
 * - Scripts written in words (Latin, Cyrillic, Greek, Arabic, Hebrew, Hangul, Thai...): 220 words a
 *   minute. Brysbaert's meta-analysis of 190 studies ("How many words do we read per minute? A
 *   review and meta-analysis of reading rate", Journal of Memory and Language 109, 2019) puts
 *   silent reading of English non-fiction at about 238 words a minute; a little slower suits a
 *   screen and a health topic. We know of no firm per-language norms for other alphabets, so they
 *   are read at the same rate. Korean, written with spaces between words, is counted in words.
 * - Chinese and Japanese (Han, Hiragana, Katakana), written without spaces, are measured in
 *   characters: 450 a minute. Medium's published reading-time rule for Chinese, Japanese and Korean
 *   is 500 characters a minute; estimates for silent reading of Chinese mostly lie between 400 and
 *   500, and Japanese (kana being quicker, kanji denser) reads at about the same rate. We take the
 *   middle of that range, so a 2,564-character Chinese article reads in about 6 minutes.
 */
export const WORDS_PER_MINUTE = 220;
/** Chinese and Japanese characters read a minute; see WORDS_PER_MINUTE for the sources. */
export const CJK_CHARACTERS_PER_MINUTE = 450;

/**
 * How long a text is, in the unit each of its scripts is read in: words for scripts written in
 * words, characters for Chinese and Japanese.
 */
export interface TextMeasure {
  /** Words, found by Intl.Segmenter (so Thai, written without spaces, is split into its words). */
  words: number;
  /** Han, Hiragana and Katakana characters: the unit Chinese and Japanese are measured in. */
  characters: number;
}

// Letters read one by one: Han (with 々), Hiragana, Katakana, and the long-vowel marks ー and ｰ,
// which Unicode gives to no script.
const CJK_CHARACTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30FC\uFF70]/gu;
const HAS_NON_CJK_LETTER = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30FC\uFF70])[\p{L}\p{N}]/u;
// A hyphen between two words joins them into one ("well-known"), as editors count.
const WORD_JOINERS = new Set(['-', '\u2010', '\u2011']);

const segmenters = new Map<string, Intl.Segmenter>();
function getSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Measures plain text with Intl.Segmenter's word boundaries (Unicode UAX #29, plus the engine's
 * dictionaries for Thai, Lao, Khmer, Burmese, Chinese and Japanese), for text in the language
 * `lang` (a BCP 47 tag; it picks the segmentation rules). A word-like segment counts as one word
 * for each run of non-CJK letters or digits in it ("2,564", "don't" and "well-known" are one word
 * each), and each Chinese or Japanese character in it counts as a character. Punctuation, spaces
 * and emoji count as nothing.
 */
export function measureText(text: string, lang = 'en'): TextMeasure {
  let words = 0;
  let characters = 0;
  let joined = false;
  let lastWasWord = false;
  for (const { segment, isWordLike } of getSegmenter(lang).segment(text)) {
    if (!isWordLike) {
      joined = lastWasWord && WORD_JOINERS.has(segment);
      lastWasWord = false;
      continue;
    }
    const cjk = segment.match(CJK_CHARACTER)?.length ?? 0;
    characters += cjk;
    if (HAS_NON_CJK_LETTER.test(segment) && !joined) words += 1;
    joined = false;
    lastWasWord = true;
  }
  return { words, characters };
}

/** The sum of two measures. */
export function addMeasures(a: TextMeasure, b: TextMeasure): TextMeasure {
  return { words: a.words + b.words, characters: a.characters + b.characters };
}

/**
 * A measure as one "word count" (schema.org wordCount, the feeds): words, plus one for each
 * Chinese or Japanese character. Chinese and Japanese count length in characters (字数, 文字数),
 * not words, and word processors count each of those characters as a word; so a 2,564-character
 * Chinese post has a wordCount of 2,564.
 */
export function wordCountOf(measure: TextMeasure): number {
  return measure.words + measure.characters;
}

// MDX files start with import/export lines; they are code, not prose.
const MDX_ESM_LINE = /^(?:import|export)\s.*$/gm;

/**
 * Markdown (with GFM) to mdast, by satteri, the Rust parser Astro renders Markdown with: the same
 * reading of the text as the pages, about 30 times faster than micromark in JavaScript.
 */
function parseBody(markdown: string): Root {
  return markdownToMdast(markdown.replace(MDX_ESM_LINE, ''), { position: false }) as Root;
}

function collapseWhitespace(text: string): string {
  // A space left before a full stop or comma by a dropped image goes too (only those two: French
  // typography puts a space before : ; ! and ?).
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,])(?=\s|$)/g, '$1')
    .trim();
}

/** A line break (`<br>`, or two spaces or a backslash at a line's end) separates words, as on the page. */
/**
 * The node with line breaks as spaces, and without the text of inline `<rt>` and `<rp>` (a ruby
 * annotation's reading and its fallback brackets: 指圧<rt>しあつ</rt> reads 指圧 in plain text).
 */
function breaksToSpaces(node: Nodes): Nodes {
  if (node.type === 'break') return { type: 'text', value: ' ' };
  if (!('children' in node)) return node;
  let inAnnotation = 0;
  const children: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'html') {
      if (/^<(?:rt|rp)\b/i.test(child.value)) inAnnotation += 1;
      else if (/^<\/(?:rt|rp)\s*>/i.test(child.value)) inAnnotation = Math.max(0, inAnnotation - 1);
      else if (/^<\/ruby\s*>/i.test(child.value)) inAnnotation = 0;
    }
    if (inAnnotation === 0 || child.type === 'html') children.push(breaksToSpaces(child));
  }
  return { ...node, children } as Nodes;
}

function textOf(nodes: Nodes[]): string {
  return collapseWhitespace(
    nodes.map((node) => toString(breaksToSpaces(node), { includeHtml: false, includeImageAlt: false })).join(' '),
  );
}

/** The text blocks of a Markdown body of the given types, skipping code and raw HTML. */
function collectBlocks(markdown: string, types: ReadonlySet<string>): Nodes[] {
  const blocks: Nodes[] = [];
  const walk = (node: Nodes) => {
    if (types.has(node.type)) blocks.push(node);
    else if (node.type !== 'code' && node.type !== 'html' && 'children' in node) node.children.forEach(walk);
  };
  walk(parseBody(markdown));
  return blocks;
}

const PARAGRAPHS = new Set(['paragraph']);
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * The prose of a Markdown body as plain text: its top-level paragraphs only (no headings, lists,
 * tables, code, HTML or image descriptions).
 */
export function getParagraphText(markdown: string): string {
  const paragraphs = parseBody(markdown).children.filter((node) => PARAGRAPHS.has(node.type));
  return textOf(paragraphs);
}

/** Every word a reader sees in a Markdown body, as plain text (headings, lists and tables included). */
export function getPlainText(markdown: string): string {
  return textOf(collectBlocks(markdown, TEXT_BLOCKS));
}

/** Shortens `text` to at most `maxLength` characters, cut at a word boundary and ended with an ellipsis. */
export function truncateAtWord(text: string, maxLength: number): string {
  const clean = collapseWhitespace(text);
  if (clean.length <= maxLength) return clean;
  const room = clean.slice(0, maxLength); // leave space for the ellipsis below
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > maxLength * 0.5 ? room.slice(0, lastSpace) : room.slice(0, maxLength - 1);
  return `${cut.replace(/[\s,;:.!?\-–—]+$/u, '')}…`;
}

/**
 * Where a post's excerpt ends when its author says so: a `<!-- more -->` comment, on its own line
 * or inside a paragraph (an imported Blogger post's jump break becomes one). Not seen in code.
 */
export const EXCERPT_END = /^<!--\s*more\s*-->$/i;

const isExcerptEnd = (node: Nodes) => node.type === 'html' && EXCERPT_END.test(node.value.trim());

/**
 * A plain-text excerpt of a Markdown body: its opening paragraphs, about `maxLength` characters,
 * ending at the `<!-- more -->` marker when the body has one before that length.
 */
export function getExcerpt(markdown: string, maxLength = 300): string {
  const paragraphs: Nodes[] = [];
  for (const node of parseBody(markdown).children) {
    if (isExcerptEnd(node)) break;
    if (!PARAGRAPHS.has(node.type)) continue;
    const end = 'children' in node ? node.children.findIndex(isExcerptEnd) : -1;
    if (end >= 0 && 'children' in node) {
      paragraphs.push({ ...node, children: node.children.slice(0, end) } as Nodes);
      break;
    }
    paragraphs.push(node);
  }
  return truncateAtWord(textOf(paragraphs), maxLength);
}

/** The word count of plain text (see measureText and wordCountOf); numbers and hyphenated words count once. */
export function countWords(text: string, lang = 'en'): number {
  return wordCountOf(measureText(text, lang));
}

/** The raw HTML blocks of a Markdown body (not inline tags inside a paragraph), in order. */
function collectHtmlBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'html') blocks.push(node.value);
    else if (!TEXT_BLOCKS.has(node.type) && node.type !== 'code' && 'children' in node) node.children.forEach(walk);
  };
  walk(parseBody(markdown));
  return blocks;
}

/**
 * Measures a Markdown body's text (markup, link targets and code fences' syntax not counted), the
 * text inside its raw HTML blocks included: an imported Blogger post is mostly such blocks
 * (tables, figure captions, divs), and its reader reads them. HTML blocks are measured as
 * measureHtml measures a page, so code, scripts, comments and image descriptions in them count
 * for nothing, and the Markdown and its rendered HTML give the same measure.
 */
export function measureMarkdown(markdown: string, lang = 'en'): TextMeasure {
  return collectHtmlBlocks(markdown).reduce(
    (measure, html) => addMeasures(measure, measureHtml(html, lang)),
    measureText(getPlainText(markdown), lang),
  );
}

/** The word count of a Markdown body (see wordCountOf). */
export function getWordCount(markdown: string, lang = 'en'): number {
  return wordCountOf(measureMarkdown(markdown, lang));
}

// Elements whose text a reader does not read as prose: code blocks, and what never shows.
const NOT_PROSE = new Set(['pre', 'script', 'style', 'template']);

/**
 * Measures what a reader sees in rendered HTML, code blocks left out: the same measure as
 * measureMarkdown gives for the Markdown, from HTML that is already there (a tokenizer pass, no
 * Markdown parse).
 */
export function measureHtml(html: string, lang = 'en'): TextMeasure {
  let measure: TextMeasure = { words: 0, characters: 0 };
  let skipDepth = 0;
  // A word split by inline markup ("un<em>usual</em>") is one word: text is joined until a tag
  // that breaks words (any block, or <br>) ends it.
  let pending = '';
  const flush = () => {
    if (pending) measure = addMeasures(measure, measureText(pending, lang));
    pending = '';
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        if (NOT_PROSE.has(name)) skipDepth += 1;
        if (!INLINE.has(name)) flush();
      },
      onclosetag(name) {
        if (NOT_PROSE.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (!INLINE.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth === 0) pending += text;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return measure;
}

/** The word count of rendered HTML (see measureHtml and wordCountOf). */
export function getHtmlWordCount(html: string, lang = 'en'): number {
  return wordCountOf(measureHtml(html, lang));
}

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** Whole minutes to read a Markdown body in the language `lang`, at least one. */
export function getReadingMinutes(markdown: string, lang = 'en'): number {
  return readingMinutesFor(measureMarkdown(markdown, lang));
}

/**
 * Whole minutes to read a measured text, at least one: its words at WORDS_PER_MINUTE plus its
 * Chinese and Japanese characters at CJK_CHARACTERS_PER_MINUTE, rounded to the nearest minute.
 */
export function readingMinutesFor(measure: TextMeasure): number {
  return Math.max(1, Math.round(measure.words / WORDS_PER_MINUTE + measure.characters / CJK_CHARACTERS_PER_MINUTE));
}

/**
 * A count with its noun in the right number, for the site's English interface: "1 post",
 * "2 posts", "0 tags". `plural` defaults to the singular plus "s".
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** "No comments yet", "1 comment", "3 comments". */
export function formatCommentCount(count: number): string {
  return count === 0 ? 'No comments yet' : formatCount(count, 'comment');
}
