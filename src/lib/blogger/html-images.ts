/**
 * Images in a Blogger post's HTML, before it becomes Markdown: Blogger's caption tables become
 * figures, a thumbnail linked to its full-size file is one image (the full-size one is what gets
 * downloaded), and each image gets the best description the post has (alt, else title, else the
 * caption). Works on the hast tree html-to-markdown.ts parses.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Html, Image, Paragraph, RootContent as MdastContent } from 'mdast';
import parseSrcset from '@prettier/parse-srcset';
import { isSameImage, looksLikeImageFile, upgradeToHttps } from './image-urls.ts';

/**
 * Where an image's description came from: its own alt, its title, the caption, or nowhere; a video
 * player's poster is `decorative` (alt="" on purpose: the player's text names the video).
 */
export type AltSource = 'alt' | 'title' | 'caption' | 'none' | 'decorative';

/** One image of a post, in document order. */
export interface ImageReference {
  /** The address the post shows (the thumbnail, for a linked image). */
  shown: string;
  /** The address to download: the full-size file the thumbnail linked to, or `shown` (//host as https://host). */
  source: string;
  /** The description to write: alt, title or caption text; '' when there is none. */
  alt: string;
  altFrom: AltSource;
  /**
   * Inside HTML that stays HTML (a table Markdown cannot hold, a figure with two images...). It is
   * downloaded all the same: the site optimises local `<img>` in raw HTML too (see
   * src/integrations/markdown-html-images.ts).
   */
  inHtml: boolean;
  /** The video's title, when the image is the poster of a video player (see videoFacade). */
  poster?: string | undefined;
}

/** Property names (hast camel-cases data-* attributes) the preparation leaves on elements. */
const SOURCE = 'dataImportSource';
const ALT_FROM = 'dataImportAltFrom';
const IN_HTML = 'dataImportInHtml';
const FIGURE = 'dataImportFigure';
/** On the poster of a video player the import made (transforms.ts), the video's title. */
export const POSTER_MARK = 'dataImportPoster';

const isElement = (node: RootContent | ElementContent | Root, tag?: string): node is Element =>
  node.type === 'element' && (tag === undefined || node.tagName === tag);
const hasClass = (node: Element, name: string) =>
  (Array.isArray(node.properties.className) ? node.properties.className : []).includes(name);
const meaningful = (nodes: ElementContent[]) => nodes.filter((c) => !(c.type === 'text' && !c.value.trim()));

function findAll(node: Element | Root, tag: string): Element[] {
  const found: Element[] = [];
  const walk = (current: Element | Root) => {
    for (const child of current.children) {
      if (!isElement(child)) continue;
      if (child.tagName === tag) found.push(child);
      walk(child);
    }
  };
  walk(node);
  return found;
}

/**
 * Blogger's captioned image, `<table class="tr-caption-container">` with the image in one row and
 * `<td class="tr-caption">` in another, as a figure; undefined when the table is not one (several
 * images, no caption).
 */
function captionTableToFigure(table: Element): Element | undefined {
  if (!hasClass(table, 'tr-caption-container')) return undefined;
  const images = findAll(table, 'img');
  if (images.length !== 1) return undefined;
  const cells = findAll(table, 'td');
  const captionCells = cells.filter((cell) => hasClass(cell, 'tr-caption'));
  const imageCell = cells.find((cell) => findAll(cell, 'img').length === 1);
  const caption = (captionCells.length > 0 ? captionCells : cells.filter((cell) => cell !== imageCell)).filter((cell) =>
    hastToString(cell).trim(),
  );
  if (caption.length === 0 || !imageCell) return undefined;
  const image = meaningful(imageCell.children);
  return {
    type: 'element',
    tagName: 'figure',
    properties: { [FIGURE]: '' },
    children: [
      ...(image.length === 1 ? image : [images[0]!]),
      {
        type: 'element',
        tagName: 'figcaption',
        properties: {},
        children: caption.flatMap((cell, index) =>
          index === 0
            ? cell.children
            : [{ type: 'element', tagName: 'br', properties: {}, children: [] }, ...cell.children],
        ),
      },
    ],
  };
}

/**
 * Elements whose boundaries separate words (blocks a browser draws apart): inside a heading or a
 * caption, which become one line here, each is a space, as a <br> is.
 */
export const BLOCKS_BETWEEN_WORDS: ReadonlySet<string> = new Set([
  'div',
  'p',
  'section',
  'article',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
]);

/**
 * A caption's words as one line for an image's description: a line break or a block inside it is
 * a space (`Feet after a soak<br>photo: J. Doe` is "Feet after a soak photo: J. Doe", not "soakphoto").
 */
function captionText(node: Element): string {
  const words = (current: ElementContent): string =>
    current.type === 'text'
      ? current.value
      : current.type === 'element'
        ? current.tagName === 'br' || BLOCKS_BETWEEN_WORDS.has(current.tagName)
          ? ` ${current.children.map(words).join('')} `
          : current.children.map(words).join('')
        : '';
  return node.children.map(words).join('').replace(/\s+/g, ' ').trim();
}

/** A figure holding one image (possibly linked) and at most a caption: written as a Markdown figure. */
function isSimpleFigure(figure: Element): boolean {
  const parts = meaningful(figure.children);
  const images = parts.filter((part) => isElement(part) && part.tagName !== 'figcaption');
  const captions = parts.filter((part) => isElement(part, 'figcaption'));
  return (
    parts.length === images.length + captions.length &&
    images.length === 1 &&
    captions.length <= 1 &&
    findAll(figure, 'img').length === 1 &&
    (isElement(images[0]!, 'img') || isElement(images[0]!, 'a'))
  );
}

/**
 * The largest candidate of a srcset (by width, else density), read by the HTML standard's algorithm
 * (@prettier/parse-srcset, as the rest of the site reads srcsets); undefined for an empty or
 * unreadable srcset, or one whose candidates give no size to compare.
 */
export function largestSrcsetCandidate(srcset: string): string | undefined {
  let candidates: ReturnType<typeof parseSrcset>;
  try {
    candidates = parseSrcset(srcset);
  } catch {
    return undefined;
  }
  const size = (candidate: (typeof candidates)[number]) =>
    candidate.width?.value ?? (candidate.density?.value ?? 1) * (candidates.some((c) => c.width) ? 0 : 1);
  const best = [...candidates].sort((a, b) => size(b) - size(a))[0];
  return best && size(best) > 0 ? best.source.value : undefined;
}

/** A candidate's descriptor as a srcset writes it (" 800w", " 2x"), or "" when it has none. */
const writtenDescriptor = (candidate: SrcsetCandidate) =>
  candidate.width
    ? ` ${candidate.width.value}w`
    : candidate.density
      ? ` ${candidate.density.value}x`
      : candidate.height
        ? ` ${candidate.height.value}h`
        : '';

type SrcsetCandidate = ReturnType<typeof parseSrcset>[number];

/**
 * A srcset with every candidate's address replaced by `change(address)`, the descriptors kept
 * ("a.jpg 800w, b.jpg 2x"); undefined when it cannot be read (the browser would load none of it
 * either).
 */
export function mapSrcset(srcset: string, change: (address: string) => string): string | undefined {
  try {
    return parseSrcset(srcset)
      .map((candidate) => `${change(candidate.source.value)}${writtenDescriptor(candidate)}`)
      .join(', ');
  } catch {
    return undefined;
  }
}

/**
 * A srcset with every candidate's address over https (see upgradeToHttps), the descriptors kept;
 * undefined when it cannot be read (the browser would load none of it either).
 */
export const upgradeSrcset = (srcset: string): string | undefined => mapSrcset(srcset, upgradeToHttps);

/** What oneCandidatePerDescriptor made of a srcset. */
export interface OneCandidatePerDescriptor {
  /** The srcset, as written when nothing was dropped, else its kept candidates rewritten ("a.jpg 1x, c.jpg 2x"). */
  srcset: string;
  /** The candidates left out, in order: each one's address and descriptor ("800w", "1x"). */
  dropped: { source: string; descriptor: string }[];
}

/**
 * A srcset with one candidate per descriptor. The HTML standard makes two candidates with the same
 * width (`a.jpg 800w, b.jpg 800w`) or density (`a.jpg 1x, b.jpg 1x`, where a candidate without a
 * descriptor counts as 1x, so `a.jpg, b.jpg 1x` too) a conformance error, which the Nu checker
 * reports; and when choosing an image, browsers drop every candidate whose density an earlier
 * one already has ("select an image source", in the img element's section of the standard). So
 * the first candidate of each descriptor is kept: the picture readers were shown, and the one
 * largestSrcsetCandidate picks among equals (so it is the one downloaded). `1.0x` and `1x` are one
 * density; a width and height (`800w 600h`) count by the width.
 *
 * The srcset is read by the standard's algorithm (@prettier/parse-srcset, which the site uses for
 * every srcset), so a comma inside an address stays in it. Returns undefined when the srcset cannot
 * be read (empty, or a descriptor such as `800q`); never throws.
 */
export function oneCandidatePerDescriptor(srcset: string): OneCandidatePerDescriptor | undefined {
  let candidates: SrcsetCandidate[];
  try {
    candidates = parseSrcset(srcset);
  } catch {
    return undefined;
  }
  const seen = new Set<string>();
  const kept: SrcsetCandidate[] = [];
  const dropped: OneCandidatePerDescriptor['dropped'] = [];
  for (const candidate of candidates) {
    const key = writtenDescriptor(candidate).trim() || '1x';
    if (seen.has(key)) dropped.push({ source: candidate.source.value, descriptor: key });
    else {
      seen.add(key);
      kept.push(candidate);
    }
  }
  if (dropped.length === 0) return { srcset, dropped };
  return {
    srcset: kept
      .map((candidate) => `${candidate.source.value} ${writtenDescriptor(candidate).trim() || '1x'}`)
      .join(', '),
    dropped,
  };
}

/** Attributes of an old image that only told Blogger's 2000s browsers how to draw it (obsolete in HTML). */
const OBSOLETE_IMAGE_ATTRIBUTES = ['border', 'hSpace', 'vSpace', 'align', 'lowsrc', 'longDesc', 'name'];

/**
 * Writes an image's new address on its element. A local copy (./photo.jpg) loses what astro:assets
 * makes anew (srcset, sizes) and Blogger's data-original-* sizes; its width stays as the size the
 * post showed it at (the height then follows the picture's own proportions, so nothing is cropped).
 * A remote image keeps its srcset, each address over https. Obsolete drawing attributes
 * (border="0", hspace...) go either way.
 */
export function setImageAddress(node: Element, src: string): void {
  node.properties.src = src;
  for (const name of OBSOLETE_IMAGE_ATTRIBUTES) delete node.properties[name];
  const srcset = typeof node.properties.srcSet === 'string' ? node.properties.srcSet : undefined;
  if (/^https?:/i.test(src)) {
    const upgraded = srcset === undefined ? undefined : upgradeSrcset(srcset);
    if (upgraded) node.properties.srcSet = upgraded;
    else delete node.properties.srcSet;
    return;
  }
  delete node.properties.srcSet;
  delete node.properties.sizes;
  for (const name of Object.keys(node.properties)) if (/^dataOriginal/.test(name)) delete node.properties[name];
  if (node.properties.width !== undefined && node.properties.height !== undefined) delete node.properties.height;
}

/**
 * Prepares the images of a parsed post in place: caption tables and simple figures become marked
 * figures; a link around a lone image to an image file (Blogger's full-size copy) is removed, and
 * that file is what gets downloaded, while a link to anything else stays around its image; every image records its description's source
 * and whether it sits in HTML that stays HTML (`stayingHtml` decides, per element, as the
 * Markdown conversion will).
 */
export function prepareImages(tree: Root, stayingHtml: (element: Element) => boolean): void {
  const walk = (parent: Root | Element, inHtml: boolean, caption: string | undefined) => {
    parent.children.forEach((child, index) => {
      if (!isElement(child)) return;
      let node = child;
      if (node.tagName === 'table') {
        const figure = captionTableToFigure(node);
        if (figure) parent.children[index] = node = figure;
      } else if (node.tagName === 'figure' && isSimpleFigure(node)) {
        node.properties[FIGURE] = '';
      }
      // A <picture> offers the same photo in other formats (<source srcset>, often WebP on Blogger's
      // hosts): its <img> is the photo, downloaded at its largest size, and the site makes its own
      // formats from it. Left as it was, a browser would still load each <source> from the old host.
      if (node.tagName === 'picture') {
        const image = findAll(node, 'img')[0];
        if (image) parent.children[index] = node = image;
      }
      if (node.tagName === 'a') {
        let only = meaningful(node.children);
        // A <picture> in the link is its <img> (as above), so the link to the full-size file around
        // it is judged as around any image, and that file is the one downloaded.
        const inner = only.length === 1 && isElement(only[0]!, 'picture') ? findAll(only[0], 'img')[0] : undefined;
        if (inner) only = node.children = [inner];
        if (only.length === 1 && isElement(only[0]!, 'img')) {
          const image = only[0];
          const href = String(node.properties.href ?? '');
          const src = String(image.properties.src ?? '');
          const toImage = Boolean(href && src && (isSameImage(href, src) || looksLikeImageFile(href)));
          if (toImage) image.properties[SOURCE] = href;
          // Blogger wraps images in links to the full-size file; keep the image, lose the wrapper link.
          // A link to anything else (a page, mailto:, a shop) is the post's own and stays around it.
          if (toImage || !href.trim()) parent.children[index] = node = image;
        }
      }
      if (node.tagName === 'img') {
        // Without a full-size link, the largest file its srcset offers is the one to download.
        const srcset = typeof node.properties.srcSet === 'string' ? node.properties.srcSet : '';
        const largest = srcset && !(SOURCE in node.properties) ? largestSrcsetCandidate(srcset) : undefined;
        if (largest && /^(https?:)?\/\//i.test(largest)) node.properties[SOURCE] = largest;
        const alt = String(node.properties.alt ?? '').trim();
        const title = String(node.properties.title ?? '').trim();
        if (POSTER_MARK in node.properties) {
          node.properties[ALT_FROM] = 'decorative';
          node.properties[IN_HTML] = '';
          return;
        }
        const described = alt ? 'alt' : title ? 'title' : caption ? 'caption' : 'none';
        node.properties.alt = alt || title || caption || '';
        node.properties[ALT_FROM] = described;
        if (inHtml) node.properties[IN_HTML] = '';
        return;
      }
      const isFigure = FIGURE in node.properties;
      const figureCaption = isFigure
        ? findAll(node, 'figcaption')
            .map((element) => captionText(element))
            .join(' ')
        : undefined;
      walk(node, inHtml || (!isFigure && stayingHtml(node)), figureCaption || caption);
    });
  };
  walk(tree, false, undefined);
}

/** A protocol-relative address (//host/x.jpg) as the https one a download needs. */
const withScheme = (url: string) => (url.startsWith('//') ? `https:${url}` : url);

/** The images of a prepared tree, in document order (see prepareImages). */
export function collectImages(tree: Root): { node: Element; reference: ImageReference }[] {
  return findAll(tree, 'img')
    .filter((node) => typeof node.properties.src === 'string' && node.properties.src.trim())
    .map((node) => {
      const shown = String(node.properties.src).trim();
      return {
        node,
        reference: {
          shown,
          source: withScheme(String(node.properties[SOURCE] ?? shown)),
          alt: String(node.properties.alt ?? ''),
          altFrom: (node.properties[ALT_FROM] as AltSource | undefined) ?? 'none',
          inHtml: IN_HTML in node.properties,
          ...(POSTER_MARK in node.properties ? { poster: String(node.properties[POSTER_MARK]) } : {}),
        },
      };
    });
}

/** Removes the marks prepareImages left, so HTML that stays HTML is written without them. */
export function clearImageMarks(tree: Root): void {
  for (const node of findAll(tree, 'img')) {
    for (const mark of [SOURCE, ALT_FROM, IN_HTML, POSTER_MARK]) delete node.properties[mark];
  }
}

/** Whether a figure was marked by prepareImages, to be written as a Markdown figure. */
export const isImportFigure = (node: Element) => FIGURE in node.properties;

/**
 * Whether an image has a size Markdown's `![alt](src)` cannot hold, so it is written as an <img>:
 * a downloaded one (./photo.jpg) with the width the old blog showed it at (the site optimises it
 * like a Markdown image, see src/integrations/markdown-html-images.ts), else it would show at its
 * file's full size; a remote one with both width and height, which keep the page from jumping while
 * it loads.
 */
export function isSizedImage(node: Element): boolean {
  if (node.tagName !== 'img' || node.properties.width === undefined) return false;
  const remote = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(String(node.properties.src ?? ''));
  return !remote || node.properties.height !== undefined;
}

/**
 * A marked figure as Markdown that .md posts can hold: the image stays a Markdown image (so
 * astro:assets optimises it), between HTML lines that open the figure and give its caption:
 *
 *     <figure>
 *
 *     ![A description](./photo.jpg)
 *
 *     <figcaption>The caption</figcaption>
 *     </figure>
 */
export function figureToMarkdown(node: Element): MdastContent[] {
  const image = findAll(node, 'img')[0]!;
  const markdownImage: Image = {
    type: 'image',
    url: String(image.properties.src ?? ''),
    alt: String(image.properties.alt ?? ''),
    title: null,
  };
  // An image with a size to keep (see isSizedImage) is written as HTML: Markdown has no size.
  const sized = isSizedImage(image);
  const caption = findAll(node, 'figcaption')[0];
  const captionHtml = caption
    ? toHtml(caption.children, { characterReferences: { useNamedReferences: true } })
        .replace(/\s*\n\s*/g, ' ')
        .trim()
    : '';
  const open: Html = { type: 'html', value: '<figure>' };
  const paragraph: Paragraph | Html = sized
    ? {
        type: 'html',
        value: toHtml({
          ...image,
          properties: {
            src: image.properties.src,
            alt: image.properties.alt ?? '',
            width: image.properties.width,
            height: image.properties.height,
            style: image.properties.style,
          },
        }),
      }
    : { type: 'paragraph', children: [markdownImage] };
  const close: Html = {
    type: 'html',
    value: captionHtml ? `<figcaption>${captionHtml}</figcaption>\n</figure>` : '</figure>',
  };
  return [open, paragraph, close];
}
