/**
 * "www." in a sentence ("I never type the www. part") is not an address, but GFM's autolink
 * literals make a link of it: `<a href="http://www">www</a>`, which leads nowhere. This Markdown
 * step (a satteri hast plugin, see astro.config.ts) writes such a link back as the text the author
 * typed. Only a link whose whole text is "www" and whose address is GFM's "http://www" is touched:
 * a real `www.example.com`, or a link the author wrote, stays a link (and the content check
 * reports a broken one).
 */
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';

const definition: HastPluginDefinition = {
  name: 'bare-www-as-text',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties?.href;
      if (typeof href === 'string' && /^http:\/\/www$/i.test(href) && /^www$/i.test(ctx.textContent(node))) {
        return { type: 'text', value: ctx.textContent(node) };
      }
    },
  },
};

/** The step for satteri's `hastPlugins`; a document without "www" skips it. */
export function bareWwwAsText(): HastPluginEntry {
  return ({ source }) => (/www/i.test(source) ? definition : null);
}
