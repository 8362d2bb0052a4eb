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

/** Elements Markdown has no syntax for: they are carried over as HTML, never dropped. */
const KEEP_AS_HTML = new Set(['iframe', 'video', 'audio', 'object', 'embed', 'figure', 'details', 'dl', 'sub', 'sup']);

/** A table Markdown can hold: no merged cells and no nested blocks. */
function isSimpleTable(table: Element): boolean {
  let simple = true;
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
  .use(() => (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      // Embedded YouTube players move to the no-cookie domain (the only one the CSP allows), load
      // lazily, and get the title a screen reader announces.
      if (node.tagName === 'iframe') {
        const src = String(node.properties.src ?? '');
        node.properties.src = src.replace(
          /^(https?:)?\/\/(www\.)?youtube\.com\/embed\//,
          'https://www.youtube-nocookie.com/embed/',
        );
        node.properties.loading = 'lazy';
        node.properties.title ??= 'Embedded video';
        delete node.properties.frameBorder;
      }
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
  const markdown = String(processor.stringify(processor.runSync(hast) as never)).trim();
  return { markdown: `${markdown}\n`, images, imagesWithoutAlt };
}
