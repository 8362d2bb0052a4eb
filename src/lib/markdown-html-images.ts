/**
 * The local `<img>` tags of raw HTML in Markdown (`<img src="./photo.jpg">` inside a `<table>`, a
 * `<div>`, a figure...): which addresses are files beside the Markdown file, and where each tag is.
 * The content check reads them to report a missing file or description; the build's Markdown plugin
 * (src/integrations/markdown-html-images.ts) hands them to astro:assets.
 */
import { Parser } from 'htmlparser2';

/** A tag in an HTML string: its range (end exclusive) and its address as written (entities decoded). */
export interface HtmlImageTag {
  start: number;
  end: number;
  src: string;
}

/**
 * Whether an image address is a file beside the Markdown file, by the rule Astro applies to
 * `![](...)`: not a URL with a scheme (https:, data:), not a path from the site's root (/logo.svg,
 * which public/ serves as it is). `//host/x.jpg` and `?x`/`#x` are not files either.
 */
export function isLocalImagePath(src: string): boolean {
  const trimmed = src.trim();
  if (!trimmed || trimmed.startsWith('/') || /^[?#]/.test(trimmed)) return false;
  // An address with a scheme is never a file beside the post, even one that names no site
  // ("https://"): the content check's address rule reports that, once.
  return !URL.canParse(trimmed) && !/^[a-z][a-z\d+.-]*:/i.test(trimmed);
}

/**
 * The `<img>` tags of an HTML fragment with a local address (see isLocalImagePath), read with a
 * real HTML tokenizer: an `<img` in a comment, in `<script>` or inside an attribute value is not
 * one.
 */
export function findLocalImageTags(html: string): HtmlImageTag[] {
  if (!/<img/i.test(html)) return [];
  const found: HtmlImageTag[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'img' || attributes.src === undefined || !isLocalImagePath(attributes.src)) return;
        found.push({ start: parser.startIndex, end: parser.endIndex + 1, src: attributes.src.trim() });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  // A tag cut short at the end of the fragment ("<img src=x") is not a whole tag.
  return found.filter((tag) => html[tag.end - 1] === '>');
}
