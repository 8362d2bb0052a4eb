/**
 * An image's description (`alt`) and `title` reach the page exactly as the author wrote them, even
 * with a backtick: `![Run \`npm test\` first](./photo.jpg)` or an imported
 * `<img alt="In table & \`tick\`">`.
 *
 * Why: for each image astro:assets optimises, Astro's Markdown processor (@astrojs/markdown-satteri,
 * its "image-marker" step) writes the image's attributes as JSON into one HTML attribute,
 * `__ASTRO_IMAGE_="{&quot;alt&quot;:...}"`, and Astro reads that JSON back when the page renders
 * (astro/dist/content/runtime.js, updateImageReferencesInBody; astro/dist/vite-plugin-markdown/
 * images.js for .md pages). Satteri's HTML writer escapes four characters in attribute values:
 * `"` as `&quot;`, `&` as `&amp;`, `'` as `&#x27;` and `` ` `` as `&#x60;`; Astro (7.3) turns back
 * only the first three. So a backtick reached the page as the text "&#x60;" (written
 * `&amp;#x60;`), and screen readers read it out. The same JSON can say a backtick as `\u0060`,
 * which no HTML writer escapes: this module writes it so in the marks, before Astro reads them.
 */
import type { satteri } from '@astrojs/markdown-satteri';

type SatteriProcessor = ReturnType<typeof satteri>;

/** One image mark: the attribute and its JSON, with the HTML character references left in. */
const IMAGE_MARK = /__ASTRO_IMAGE_="([^"]*)"/g;

/**
 * Rendered HTML whose image marks (`__ASTRO_IMAGE_="<JSON>"`) say a backtick as the JSON escape
 * `\u0060` instead of the character reference `&#x60;` (or `&#96;`), which Astro's reader does not
 * turn back. Only the marks change; all other HTML is returned as it was. Safe for any JSON: a
 * backtick can only stand inside a JSON string, where `\u0060` means the same character, and an
 * author's own text "&#x60;" is written `&amp;#x60;`, which is left alone.
 */
export function exactImageMarks(html: string): string {
  if (!html.includes('__ASTRO_IMAGE_')) return html;
  return html.replace(
    IMAGE_MARK,
    (_mark, json: string) => `__ASTRO_IMAGE_="${json.replace(/&#(?:x0*60|0*96);/gi, '\\u0060')}"`,
  );
}

/**
 * The satteri Markdown processor of astro.config.ts, its renderer changed so that every rendered
 * Markdown entry or page goes through exactImageMarks. Returns the same processor object (its name
 * and options stay, so Astro and integrations still see satteri; one option is added, which only
 * tells Astro's content cache that rendering changed). MDX is left as it is: its images are JSX,
 * not marks.
 */
export function withExactImageText(processor: SatteriProcessor): SatteriProcessor {
  const createRenderer = processor.createRenderer.bind(processor);
  processor.createRenderer = async (shared) => {
    const renderer = await createRenderer(shared);
    return {
      ...renderer,
      async render(content, options) {
        const rendered = await renderer.render(content, options);
        return { ...rendered, code: exactImageMarks(rendered.code) };
      },
    };
  };
  // Astro keeps each entry's rendered HTML (marks included) in its content cache until the entry
  // or the Astro config changes, and a function does not count as a change. A value in the
  // processor's options does (Astro hashes the config without its functions): HTML rendered before
  // this fix is rendered again. Change it when exactImageMarks writes marks differently.
  Object.assign(processor.options, { exactImageText: 'backtick-as-u0060' });
  return processor;
}
