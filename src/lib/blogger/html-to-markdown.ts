import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { defaultHandlers } from 'hast-util-to-mdast';
import type { Html } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { cleanImportedHtml, type ConversionNote } from './transforms.ts';

/** Elements Markdown has no syntax for: they are carried over as HTML, never dropped. */
const KEEP_AS_HTML = new Set(['iframe', 'video', 'audio', 'object', 'embed', 'figure', 'details', 'dl', 'sub', 'sup']);

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
  visit(table, 'element', (node: Element) => {
    if ((node.tagName === 'td' || node.tagName === 'th') && (node.properties.colSpan || node.properties.rowSpan))
      simple = false;
    if (node !== table && ['table', 'ul', 'ol', 'p', 'div', 'img'].includes(node.tagName)) simple = false;
  });
  return simple;
}

const keepAsHtml = (_state: unknown, node: Element): Html => ({ type: 'html', value: toHtml(node) });

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(() => (tree: Root, file: VFile) => {
    // Links, anchors, headings, scripts and embeds (see transforms.ts); what changed goes to the report.
    file.data.notes = cleanImportedHtml(tree);
    visit(tree, 'element', (node: Element, index, parent) => {
      // Blogger wraps images in links to the full-size file; keep the image, lose the wrapper link.
      const only = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
      if (
        node.tagName === 'a' &&
        only.length === 1 &&
        only[0]!.type === 'element' &&
        only[0]!.tagName === 'img' &&
        parent &&
        index !== undefined
      ) {
        parent.children[index] = only[0]!;
      }
    });
  })
  .use(rehypeRemark, {
    handlers: {
      ...Object.fromEntries([...KEEP_AS_HTML].map((tag) => [tag, keepAsHtml])),
      table: (state, node) => (isSimpleTable(node) ? defaultHandlers.table(state, node) : keepAsHtml(state, node)),
      // An id an anchor left (a footnote's target) stays on an inline element around the same text.
      span: (state, node) => {
        const id = typeof node.properties.id === 'string' ? node.properties.id : '';
        if (!id) return state.all(node);
        return [
          { type: 'html', value: `<span id="${id.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">` },
          ...state.all(node),
          { type: 'html', value: '</span>' },
        ] as Html[];
      },
    },
  })
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', fences: true });

export interface ConvertedHtml {
  markdown: string;
  /** Images with no alt text, by address: an editor should describe them. */
  imagesWithoutAlt: string[];
  /** Everything an image src points at, for copying local files in. */
  images: string[];
  /** What the conversion changed or removed (links, scripts, embeds), for the import report. */
  notes: ConversionNote[];
}

/** Converts a Blogger post's HTML to Markdown, keeping as HTML what Markdown cannot hold. */
export function htmlToMarkdown(html: string): ConvertedHtml {
  const images: string[] = [];
  const imagesWithoutAlt: string[] = [];
  const hast = processor.parse(html);
  visit(hast, 'element', (node: Element) => {
    if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
    images.push(node.properties.src);
    if (!String(node.properties.alt ?? '').trim()) imagesWithoutAlt.push(node.properties.src);
  });
  const file = new VFile();
  const markdown = String(processor.stringify(processor.runSync(hast, file) as never)).trim();
  const notes = (file.data.notes as ConversionNote[] | undefined) ?? [];
  return { markdown: markdown ? `${markdown}\n` : '', images, imagesWithoutAlt, notes };
}
