import { Parser } from 'htmlparser2';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/** Words a minute for reading-time estimates: a typical adult reading prose on a screen. */
export const WORDS_PER_MINUTE = 220;

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

function textOf(nodes: Nodes[]): string {
  return collapseWhitespace(
    nodes.map((node) => toString(node, { includeHtml: false, includeImageAlt: false })).join(' '),
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

/** Counts words in plain text; numbers and hyphenated words count once. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Words in a Markdown body's text (markup, link targets and code fences' syntax not counted). */
export function getWordCount(markdown: string): number {
  return countWords(getPlainText(markdown));
}

// Elements whose text a reader does not read as prose: code blocks, and what never shows.
const NOT_PROSE = new Set(['pre', 'script', 'style', 'template']);

/**
 * Words a reader sees in rendered HTML, code blocks left out: the same count as getWordCount gives
 * for the Markdown, from HTML that is already there (a tokenizer pass, no Markdown parse).
 */
export function getHtmlWordCount(html: string): number {
  let words = 0;
  let skipDepth = 0;
  // A word split by inline markup ("un<em>usual</em>") is one word: text is joined until a tag
  // that breaks words (any block, or <br>) ends it.
  let pending = '';
  const flush = () => {
    words += countWords(pending);
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
  return words;
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

/** Whole minutes to read a Markdown body, at least one. */
export function getReadingMinutes(markdown: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return readingMinutesFor(getWordCount(markdown), wordsPerMinute);
}

/** Whole minutes to read so many words, at least one. */
export function readingMinutesFor(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
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
