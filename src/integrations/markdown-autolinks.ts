/**
 * Addresses written bare in text, which GFM's autolink literals make into links, made right. A
 * Markdown step (satteri hast plugins, see astro.config.ts), one pass over links:
 *
 * - "www." in a sentence ("I never type the www. part") is not an address, but GFM makes a link of
 *   it: `<a href="http://www">www</a>`, which leads nowhere. It is written back as the text the
 *   author typed. Only a link whose whole text is "www" and whose address is "http://www" is
 *   touched: a real `www.example.com`, or a link the author wrote, stays a link (and the content
 *   check reports a broken one).
 * - An address ends before a non-ASCII quotation mark, bracket or sentence mark (lib/autolinks.ts):
 *   `看：https://zh.wikipedia.org/wiki/按摩。下一句` links to ".../按摩", and the rest stays text.
 */
import type { HastContent, HastPluginDefinition, HastPluginEntry } from 'satteri';
import { cutAutolink } from '../lib/autolinks.ts';

const definition: HastPluginDefinition = {
  name: 'autolink-literals',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties?.href;
      if (typeof href !== 'string') return;
      const text = ctx.textContent(node);
      if (/^http:\/\/www$/i.test(href) && /^www$/i.test(text)) return { type: 'text', value: text };
      const cut = cutAutolink(href, text);
      if (!cut) return;
      const link: HastContent = {
        type: 'element',
        tagName: 'a',
        properties: { ...node.properties, href: cut.href },
        children: [{ type: 'text', value: cut.text }],
      };
      ctx.replaceNode(node, [link, { type: 'text', value: cut.rest }]);
    },
  },
};

/** The step for satteri's `hastPlugins`; a document with no "www" or "://" skips it. */
export function autolinkLiterals(): HastPluginEntry {
  return ({ source }) => (/www|:\/\//i.test(source) ? definition : null);
}
