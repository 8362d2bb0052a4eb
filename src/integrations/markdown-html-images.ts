/**
 * Local images in the raw HTML of a Markdown file (`<img src="./photo.jpg">` inside a `<table>`,
 * a `<div>`, a figure...) go through astro:assets exactly as `![alt](./photo.jpg)` does: resized,
 * AVIF/WebP, a srcset, width and height.
 *
 * Why a plugin: Astro optimises the images of Markdown syntax only. Its Markdown processor
 * (@astrojs/markdown-satteri) collects `![](...)` addresses into `data.astro.localImagePaths`, and
 * its own "image-marker" HTML-tree step then marks each `<img>` element whose address is in that set;
 * the content layer imports those files and swaps each mark for the optimised image when the page
 * renders. Raw HTML stays one opaque `raw` node in that tree (so its images are never marked;
 * withastro/astro#10535). This plugin, run before the image-marker, cuts each local `<img>` tag out
 * of the raw HTML as an element of its own and adds its address to the same set, so Astro's own
 * steps do the rest. The HTML around the tag is left byte for byte as it was, so a block the
 * Markdown parser split (an open `<table>` in one raw node, `</table>` in another) is never closed
 * early or rebuilt.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToHast, type HastContent, type HastPluginDefinition, type HastPluginEntry } from 'satteri';
import { findLocalImageTags } from '../lib/markdown-html-images.ts';

/** The address as Astro keys it (decodeURI, as its own collector does); undefined if it cannot be decoded. */
function astroKey(src: string): string | undefined {
  try {
    return decodeURI(src);
  } catch {
    return undefined;
  }
}

interface AstroMarkdownData {
  localImagePaths?: Set<string>;
}

/** The plugin itself (see localImagesInRawHtml). */
const definition: HastPluginDefinition = {
  name: 'local-images-in-raw-html',
  raw(node, ctx) {
    const astro = (ctx.data as { astro?: AstroMarkdownData }).astro;
    if (!astro?.localImagePaths) return;
    if (!ctx.fileURL) return;
    const folder = dirname(fileURLToPath(ctx.fileURL));
    const html = node.value;
    const tags = findLocalImageTags(html).filter((tag) => {
      const key = astroKey(tag.src);
      return key !== undefined && existsSync(resolve(folder, key));
    });
    if (tags.length === 0) return;
    const parts: HastContent[] = [];
    let at = 0;
    for (const tag of tags) {
      if (tag.start > at) parts.push({ type: 'raw', value: html.slice(at, tag.start) });
      const tree = htmlToHast(html.slice(tag.start, tag.end), { fragment: true });
      const element = 'children' in tree ? tree.children.find((child) => child.type === 'element') : undefined;
      if (!element) {
        parts.push({ type: 'raw', value: html.slice(tag.start, tag.end) });
      } else {
        // astro:assets writes the image's own srcset and sizes from its src (every width up to the
        // original). The author's srcset of local files (`./photo.jpg 1x, ./photo-2x.jpg 2x`) would
        // stay beside it as a second attribute that browsers read first, naming files the build
        // never publishes: the image would not load.
        const properties = (element as { properties?: Record<string, unknown> }).properties ?? {};
        delete properties.srcSet;
        delete properties.sizes;
        parts.push(element as HastContent);
        astro.localImagePaths.add(astroKey(tag.src)!);
      }
      at = tag.end;
    }
    if (at < html.length) parts.push({ type: 'raw', value: html.slice(at) });
    ctx.replaceNode(node, parts);
  },
};

/**
 * The satteri HTML-tree plugin (see the module comment). Give it to `satteri({ hastPlugins })` in
 * astro.config.ts. An MDX file has no raw HTML (its tags are JSX), so it changes nothing there.
 *
 * Only a tag whose file exists beside the Markdown file is taken: any other stays raw HTML as it
 * was (a broken image, never a failed build). That matters for text nobody checked, such as a
 * reader's comment holding `<img src=x>` (the content layer renders every Markdown entry); a
 * post's missing image is reported by the content check with its file and line.
 */
export function localImagesInRawHtml(): HastPluginEntry {
  // A document with no <img> at all skips the plugin (a walk over its raw HTML costs a little).
  return ({ source }) => (/<img/i.test(source) ? definition : null);
}
