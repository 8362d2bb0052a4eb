import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import { defaultHandlers } from 'hast-util-to-mdast';
import type { Html, PhrasingContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import parseInlineStyle from 'style-to-object';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { toLanguageTag } from './parse.ts';
import { noPoster } from '../video.ts';
import {
  cleanImportedHtml,
  isVideoFacade,
  removeBrokenImages,
  removeInvisibleLinks,
  type CleanOptions,
  type ConversionNote,
  type OwnBlog,
} from './transforms.ts';
import {
  clearImageMarks,
  collectImages,
  figureToMarkdown,
  isImportFigure,
  isSizedImage,
  prepareImages,
  setImageAddress,
  type ImageReference,
} from './html-images.ts';
import { shownImageSize, upgradeToHttps } from './image-urls.ts';

/**
 * Elements Markdown has no syntax for: they are carried over as HTML, never dropped. Inline ones
 * too, where their meaning would go with the tag: a key (`<kbd>`), an abbreviation's expansion
 * (`<abbr title>`), a highlight, an underline, furigana (`<ruby>`), a direction override (`<bdo>`).
 */
const KEEP_AS_HTML = new Set([
  'iframe',
  'video',
  'audio',
  'object',
  'embed',
  'figure',
  'details',
  'dl',
  'sub',
  'sup',
  'kbd',
  'samp',
  'var',
  'abbr',
  'mark',
  'u',
  'ins',
  'ruby',
  'bdo',
  'bdi',
  // A formula or a drawing: Markdown has neither, and their text alone (or nothing) reads wrongly.
  'math',
  'svg',
]);

/**
 * What a `<span>`'s inline style says Markdown can say: bold (font-weight bold, bolder or 600 and
 * up), italic (font-style italic or oblique), struck through (text-decoration or
 * text-decoration-line with line-through: an old price, a cancelled date, whose meaning changes
 * without the line) and code (a font-family that is monospace, Courier, Consolas or Monaco), as
 * Blogger's older editor wrote them (`<span style="font-weight: bold;">`). The style is read with
 * style-to-object; an unreadable style says nothing.
 */
export function spanEmphasis(style: unknown): { strong: boolean; emphasis: boolean; deleted: boolean; code: boolean } {
  let declarations: Record<string, string> | null = null;
  try {
    declarations = typeof style === 'string' ? parseInlineStyle(style) : null;
  } catch {
    declarations = null;
  }
  const read = (name: string) =>
    Object.entries(declarations ?? {})
      .find(([key]) => key.toLowerCase() === name)?.[1]
      ?.toLowerCase()
      .replace(/\s*!important$/, '')
      .trim() ?? '';
  const weight = read('font-weight');
  return {
    strong: weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600),
    emphasis: /^(?:italic|oblique)\b/.test(read('font-style')),
    deleted: /\bline-through\b/.test(`${read('text-decoration')} ${read('text-decoration-line')}`),
    code: /\b(?:monospace|courier|consolas|monaco)\b/.test(read('font-family')),
  };
}

/**
 * A table Markdown can hold: header cells in its first row (a Markdown table always has a header
 * row, so a table without one would gain an empty header), no merged cells and no nested blocks.
 */
function isSimpleTable(table: Element): boolean {
  let simple = true;
  const firstRow = (() => {
    let row: Element | undefined;
    visit(table, 'element', (node: Element) => {
      if (!row && node.tagName === 'tr') row = node;
    });
    return row;
  })();
  const cells = firstRow?.children.filter((c): c is Element => c.type === 'element') ?? [];
  if (cells.length === 0 || cells.some((cell) => cell.tagName !== 'th')) simple = false;
  // A Markdown table has no caption: the table's title would be lost.
  if (table.children.some((child) => child.type === 'element' && child.tagName === 'caption')) simple = false;
  visit(table, 'element', (node: Element) => {
    if ((node.tagName === 'td' || node.tagName === 'th') && (node.properties.colSpan || node.properties.rowSpan))
      simple = false;
    // Images are fine: a Markdown table cell holds ![alt](src), so they are downloaded and optimised.
    if (node !== table && ['table', 'ul', 'ol', 'p', 'div'].includes(node.tagName)) simple = false;
  });
  return simple;
}

const keepAsHtml = (_state: unknown, node: Element): Html => ({ type: 'html', value: toHtml(node) });

/**
 * A link around an image written as HTML (a sized one, see isSizedImage) as HTML itself, with its
 * address and title only (not Blogger's `imageanchor` or a style): Markdown's link cannot hold raw
 * HTML outside a paragraph, so in Blogger's `<div class="separator">` the link to a shop or a page
 * was lost and only the picture stayed.
 */
function linkAroundSizedImage(node: Element): Element | undefined {
  let sized = false;
  visit(node, 'element', (inner: Element) => {
    if (isSizedImage(inner)) sized = true;
  });
  if (!sized) return undefined;
  const { href, title } = node.properties;
  return { ...node, properties: { href, ...(title === undefined ? {} : { title }) } };
}

/**
 * A list numbered otherwise than 1, 2, 3 (`<ol type="a">`, `type="I"`, `reversed`): Markdown
 * numbers every list with digits upwards, so "answer b)" would point at nothing.
 */
const isLetteredList = (node: Element) =>
  node.tagName === 'ol' && (/^[aAiI]$/.test(String(node.properties.type ?? '')) || node.properties.reversed === true);

/** Whether an element is written as HTML, not Markdown (its images then stay remote). */
const staysHtml = (node: Element) =>
  (KEEP_AS_HTML.has(node.tagName) && !isImportFigure(node)) ||
  isLetteredList(node) ||
  (node.tagName === 'table' && !isSimpleTable(node)) ||
  isVideoFacade(node);

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeRemark, {
    handlers: {
      ...Object.fromEntries([...KEEP_AS_HTML].map((tag) => [tag, keepAsHtml])),
      // HTML 5 dropped <acronym> for <abbr>: the same expansion, in a tag browsers and checkers know.
      acronym: (state, node) => keepAsHtml(state, { ...node, tagName: 'abbr' }),
      figure: (state, node) => (isImportFigure(node) ? figureToMarkdown(node) : keepAsHtml(state, node)),
      // A video player is one line of HTML, a block of its own (see liftVideoPlayers).
      div: (state, node) => (isVideoFacade(node) ? keepAsHtml(state, node) : defaultHandlers.div(state, node)),
      img: (state, node) => (isSizedImage(node) ? keepAsHtml(state, node) : defaultHandlers.img(state, node)),
      a: (state, node) => {
        const link = linkAroundSizedImage(node);
        return link ? keepAsHtml(state, link) : defaultHandlers.a(state, node);
      },
      table: (state, node) => (isSimpleTable(node) ? defaultHandlers.table(state, node) : keepAsHtml(state, node)),
      ol: (state, node) => (isLetteredList(node) ? keepAsHtml(state, node) : defaultHandlers.ol(state, node)),
      // An id an anchor left (a footnote's target), a language or a direction stays on an inline
      // element around the same text; bold or italic written as a style becomes Markdown's.
      span: (state, node) => {
        const { strong, emphasis, deleted, code } = spanEmphasis(node.properties.style);
        let children = state.all(node) as PhrasingContent[];
        // Code is text alone in Markdown: a monospace span holding a link or bold text stays prose.
        if (code && children.every((child) => child.type === 'text') && hastToString(node).trim()) {
          children = [{ type: 'inlineCode', value: hastToString(node) }];
        }
        if (deleted) children = [{ type: 'delete', children }];
        if (emphasis) children = [{ type: 'emphasis', children }];
        if (strong) children = [{ type: 'strong', children }];
        // The language in its canonical form, a direction HTML knows: a value HTML refuses is left out.
        const lang = typeof node.properties.lang === 'string' ? toLanguageTag(node.properties.lang) : undefined;
        const dir = String(node.properties.dir ?? '').toLowerCase();
        const id = typeof node.properties.id === 'string' ? node.properties.id : '';
        const kept = Object.entries({ id, lang, dir: ['ltr', 'rtl', 'auto'].includes(dir) ? dir : '' }).filter(
          ([, value]) => value,
        ) as [string, string][];
        if (kept.length === 0) return children;
        const attributes = kept
          .map(([name, value]) => ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
          .join('');
        return [{ type: 'html', value: `<span${attributes}>` }, ...children, { type: 'html', value: '</span>' }] as (
          Html | PhrasingContent
        )[];
      },
    },
  })
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true });

export interface ConvertedHtml {
  markdown: string;
  /**
   * Every image, in document order, with the address written for it (`src`); one left remote says
   * whether the page knows its size before it loads (`sized`: its width and height are written).
   */
  images: (ImageReference & { src: string; sized?: boolean })[];
  /** What the conversion changed or removed (links, scripts, embeds), for the import report. */
  notes: ConversionNote[];
  /**
   * The posters of the video players (see videoFacade), apart from `images`: decorative, never
   * described, never left remote. One without a local copy (`src` undefined) was replaced by the
   * player's plain box.
   */
  posters: { title: string; source: string; src?: string | undefined }[];
}

export interface ConvertOptions {
  /**
   * The address to write for an image: a downloaded copy (./photo.jpg) or the remote address. By
   * default the address the post showed, upgraded to https.
   */
  imageSrc?: ((image: ImageReference) => string) | undefined;
  /**
   * The pixel size of an image's downloaded file, when there is one: a local image shown smaller
   * on the old blog (a width attribute, or a Blogger address such as /s320/ or =w400-h300) keeps
   * that width (see shownImageWidth), instead of showing at the file's full size.
   */
  imageSize?: ((image: ImageReference) => { width: number; height: number } | undefined) | undefined;
  /**
   * The language the post is in (BCP 47). A `<span lang>` saying the same language (Word's
   * `lang="EN-US"` on every run of a pasted English text) is not kept; one in another language is.
   */
  language?: string | undefined;
  /** The entry's title, which names a video its frame does not (see cleanImportedHtml). */
  title?: string | undefined;
  /** The old blog, whose own pages a link may name by their whole address (see ownBlogPath). */
  ownBlog?: OwnBlog | undefined;
  /** The entry's own address on the old blog, against which its relative addresses are read (CleanOptions.address). */
  address?: string | undefined;
}

/**
 * A post's HTML parsed and cleaned: lazy-loaded images given their real picture, trackers removed,
 * links, anchors, headings, scripts and embeds (see transforms.ts; a Flash object leaves its
 * fallback image behind), then its images prepared (see html-images.ts), so what they download is
 * the real picture. What changed is returned for the report.
 */
function parsePost(html: string, options: CleanOptions): { hast: Root; notes: ConversionNote[] } {
  const hast = processor.parse(html);
  const notes = cleanImportedHtml(hast, options);
  notes.unshift(...removeBrokenImages(hast));
  notes.push(...removeInvisibleLinks(hast));
  prepareImages(hast, staysHtml);
  return { hast, notes };
}

/** The images of a post's HTML (see html-images.ts), without converting it. */
export function findImages(html: string): ImageReference[] {
  return collectImages(parsePost(html, { facades: true }).hast).map(({ reference }) => reference);
}

/** A prepared tree as Markdown, ending with a newline; empty when it holds nothing to show. */
function toMarkdown(hast: Root): string {
  clearImageMarks(hast);
  const markdown = String(processor.stringify(processor.runSync(hast, new VFile()) as never)).trim();
  return markdown ? `${markdown}\n` : '';
}

/**
 * Converts a Blogger post's HTML to Markdown, keeping as HTML what Markdown cannot hold. Images get
 * the address `imageSrc` gives and the best description the post has (see prepareImages).
 */
export function htmlToMarkdown(
  html: string,
  { imageSrc, imageSize, language, title, ownBlog, address }: ConvertOptions = {},
): ConvertedHtml {
  const { hast, notes } = parsePost(html, { title, facades: true, ownBlog, address });
  const posters: ConvertedHtml['posters'] = [];
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  if (language) {
    visit(hast, 'element', (node: Element) => {
      const lang = node.properties.lang;
      if (node.tagName === 'span' && typeof lang === 'string' && primary(lang) === primary(language)) {
        delete node.properties.lang;
      }
    });
  }
  const images = collectImages(hast).flatMap(({ node, reference }) => {
    const src = imageSrc ? imageSrc(reference) : upgradeToHttps(reference.shown);
    if (reference.poster !== undefined) {
      // A poster is this site's own file or none: the CSP allows no remote picture for it.
      const local = !/^https?:/i.test(src);
      if (local) {
        setImageAddress(node, src);
        delete node.properties.width;
        delete node.properties.height;
      } else Object.assign(node, noPoster(reference.poster));
      posters.push({ title: reference.poster, source: reference.source, src: local ? src : undefined });
      return [];
    }
    const remote = /^https?:/i.test(src);
    const file = remote ? undefined : imageSize?.(reference);
    // A local file's size is known only with imageSize; a remote one's from its attributes and address.
    const shown = remote || file ? shownImageSize(node.properties, reference.shown, file) : undefined;
    setImageAddress(node, src);
    // Blogger's data-original-width/-height have said what they can (the photo's proportions).
    for (const name of Object.keys(node.properties)) if (/^dataOriginal/.test(name)) delete node.properties[name];
    if (shown) {
      node.properties.width = String(shown.width);
      if (shown.height && (remote || shown.crop)) node.properties.height = String(shown.height);
      else delete node.properties.height;
      // A cropped thumbnail (s72-c) showed a box cut from the photo: the page cuts the same box.
      if (shown.crop) node.properties.style = 'object-fit: cover';
    } else if (remote) {
      // Unknown shape: a lone valid number is kept (HTML that stays HTML shows it); "100%" or
      // "auto" is no size HTML takes, and goes.
      for (const name of ['width', 'height'] as const) {
        const value = String(node.properties[name] ?? '').trim();
        if (/^\d+(?:\.\d+)?(?:px)?$/i.test(value) && parseFloat(value) > 0)
          node.properties[name] = String(Math.round(parseFloat(value)));
        else delete node.properties[name];
      }
    } else if (file) {
      // Shown whole: a width the file cannot fill (width="320" on a 64 px file) is dropped, as the
      // site cannot make a larger picture than the file (astro:assets would write sizes with no srcset).
      delete node.properties.width;
      delete node.properties.height;
    }
    return [{ ...reference, src, ...(remote ? { sized: Boolean(shown?.height) } : {}) }];
  });
  return { markdown: toMarkdown(hast), images, notes, posters };
}

/** A link element with a text, for what a comment cannot show itself. */
const linkTo = (href: string, text: string): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { href },
  children: [{ type: 'text', value: text }],
});

/**
 * A reader's comment as Markdown the site's comment renderer can show (src/lib/comments.ts: a
 * comment is text, with links and simple formatting, and no images, frames or tables). An image
 * becomes a link to it, named by its description or "a picture"; a frame (a player, a map) a link to
 * its https address, named by its title; a table its cells' text, a row per line. Scripts and bad
 * links are cleaned as in a post, and `notes` says what went, for the import report. The Markdown is
 * empty when the comment showed nothing.
 */
export function commentHtmlToMarkdown(html: string, ownBlog?: OwnBlog): ConvertedHtml {
  const { hast, notes } = parsePost(html, { facades: false, ownBlog });
  visit(hast, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.tagName === 'img' || node.tagName === 'iframe') {
      const src = upgradeToHttps(String(node.properties.src ?? '').trim());
      const name =
        node.tagName === 'img'
          ? String(node.properties.alt ?? '').trim() || 'a picture'
          : String(node.properties.title ?? '').trim() || 'an embedded player';
      parent.children[index] = /^https:\/\//i.test(src) ? linkTo(src, name) : { type: 'text', value: name };
      return;
    }
    if (node.tagName === 'table') {
      const rows: Element[] = [];
      visit(node, 'element', (row: Element) => {
        if (row.tagName !== 'tr') return;
        const cells = row.children.filter((cell): cell is Element => cell.type === 'element');
        const text = cells
          .map((cell) => hastToString(cell).replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .join(' · ');
        if (text)
          rows.push({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] });
      });
      parent.children.splice(index, 1, ...rows);
      return index + rows.length;
    }
    return undefined;
  });
  return { markdown: toMarkdown(hast), images: [], notes, posters: [] };
}
