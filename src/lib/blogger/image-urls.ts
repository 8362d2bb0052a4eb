/**
 * Addresses of images in a Blogger export: which hosts are Blogger's, the largest size of an image
 * they serve, and the name a downloaded copy gets. Pure: no network, no files.
 */

import { lowerCase } from '../slugs.ts';

/**
 * Google's image hosts behind Blogger: bp.blogspot.com (before 2020), blogger.googleusercontent.com
 * and lh3-6.googleusercontent.com (since), and ggpht.com (Picasa). They all take a size in the
 * address and serve the original for size 0.
 */
const BLOGGER_IMAGE_HOST = /(^|\.)(bp\.blogspot\.com|googleusercontent\.com|ggpht\.com)$/i;

/**
 * A size in a path segment: s320, s1600, s1600-h (an HTML page around the image), w400-h300,
 * w640-h480-c, h120, s72-c, s0, also with flags such as -rw or -no.
 */
const SIZE_SEGMENT = /^(?:[swh]\d+)(?:-[a-z0-9]+)*$/i;
/** The same options after "=" at the end of a googleusercontent address: =s320, =w400-h300-c, =s0. */
const SIZE_SUFFIX = /=(?:[swh]\d+|[a-z]{1,3}\d*)(?:-[a-z0-9]+)*$/i;

/** Whether the address is on one of Blogger's image hosts (which take a size in the address). */
export function isBloggerImageHost(url: string): boolean {
  try {
    return BLOGGER_IMAGE_HOST.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * The address of the largest size Blogger serves of an image: the size in the path (`/s320/`,
 * `/w400-h300/`, `/s1600-h/`) or after `=` (`=s320`, `=w400-h300-c`) becomes `s0`, the original
 * file. Addresses on other hosts come back unchanged, and so do Blogger ones without a size.
 */
export function largestImageUrl(url: string): string {
  if (!isBloggerImageHost(url)) return url;
  const parsed = new URL(url);
  if (SIZE_SUFFIX.test(parsed.pathname)) {
    parsed.pathname = parsed.pathname.replace(SIZE_SUFFIX, '=s0');
    return parsed.href;
  }
  const parts = parsed.pathname.split('/');
  // The size is the folder just before the file name: /-abc/.../s320/photo.jpg, /img/b/R29v/s320/x.jpg.
  const at = parts.length - 2;
  if (at > 0 && SIZE_SEGMENT.test(parts[at]!)) {
    parts[at] = 's0';
    parsed.pathname = parts.join('/');
  }
  return parsed.href;
}

/** A size asked of Blogger's image hosts: see bloggerImageSize. */
export interface BloggerImageSize {
  s?: number;
  w?: number;
  h?: number;
  /** `-c` (crop) or `-p` (smart crop): the picture was cut to the box, not fitted in it. */
  crop?: boolean;
}

/**
 * The size an address asks Blogger's image hosts for, in pixels: `s320` (the longer side), `w400`,
 * `h300`, or both (`w400-h300`, fitted in that box), from the path's size folder or the `=`
 * options; with `-c` or `-p` (`s72-c`, `=w400-h300-c`) the picture is cropped to the box (`s72-c`
 * is a 72 × 72 square) and `crop` is set. Undefined for other hosts, for `s0` (the original) and
 * for no size.
 */
export function bloggerImageSize(url: string): BloggerImageSize | undefined {
  if (!isBloggerImageHost(url)) return undefined;
  const { pathname } = new URL(url);
  const options =
    /=([a-z0-9-]+)$/i.exec(pathname)?.[1] ??
    pathname
      .split('/')
      .slice(-2, -1)
      .find((part) => SIZE_SEGMENT.test(part));
  if (!options) return undefined;
  const size: BloggerImageSize = {};
  let crop = false;
  for (const part of options.split('-')) {
    const match = /^([swh])(\d+)$/i.exec(part);
    if (match && Number(match[2]) > 0) size[match[1]!.toLowerCase() as 's' | 'w' | 'h'] = Number(match[2]);
    else if (/^[cp]$/i.test(part)) crop = true;
  }
  if (Object.keys(size).length === 0) return undefined;
  return crop ? { ...size, crop } : size;
}

/** A whole or decimal number of pixels in an attribute ("320", "320px"), else 0 ("100%", "auto"). */
const pixelsOf = (value: unknown) =>
  /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(String(value ?? '')) ? parseFloat(String(value)) : 0;

/**
 * The width, in CSS pixels, an image was shown at on the old blog, when that is less than its
 * file's own width (`file`, the downloaded original): its `width` attribute; else its `height`
 * attribute at the file's proportions; else the size its Blogger address asked for (see
 * bloggerImageSize: `s320` bounds the longer side, `w400` the width, `h300` the height, `w400-h300`
 * both). Undefined when the post gave no size, or one not smaller than the file (shown whole).
 */
export function shownImageWidth(
  attributes: { width?: unknown; height?: unknown },
  shown: string,
  file: { width: number; height: number },
): number | undefined {
  const ratio = file.width / file.height;
  let width = pixelsOf(attributes.width);
  if (!width && pixelsOf(attributes.height)) width = pixelsOf(attributes.height) * ratio;
  if (!width) {
    const size = bloggerImageSize(shown);
    if (size?.w || size?.h) width = Math.min(size.w ?? Infinity, (size.h ?? Infinity) * ratio);
    else if (size?.s) width = file.width >= file.height ? size.s : size.s * ratio;
  }
  const rounded = Math.round(width);
  return rounded > 0 && rounded < file.width ? rounded : undefined;
}

/** The box an image was shown in on the old blog: see shownImageSize. */
export interface ShownSize {
  width: number;
  /** Known for a crop, and for an image left remote whose proportions are known. */
  height?: number;
  /** Cropped to the box (a `-c` address): the page shows it cut to width × height (object-fit: cover). */
  crop?: boolean;
}

/**
 * The size, in CSS pixels, an image was shown at on the old blog. `attributes` are the image's own
 * (hast names: width, height, dataOriginalWidth, dataOriginalHeight), `shown` the address the post
 * showed, `file` the pixel size of its downloaded file (undefined for an image left remote).
 *
 * - A cropped address (`s72-c`, `w400-h300-c`: see bloggerImageSize) was shown as its box, a square
 *   or a rectangle whatever the photo's shape: width and height of the box (a width or height
 *   attribute scales it; both replace it), with `crop`; for a downloaded file no larger than it is.
 * - A downloaded file otherwise gets the width of shownImageWidth (its height follows the file's
 *   proportions), or undefined when it is shown whole.
 * - An image left remote is shown at its own file's size, which the page must reserve before it
 *   loads (else the text jumps, CLS): both width and height attributes; else the width the old blog
 *   showed with the proportions of Blogger's data-original-width/-height (its editor writes them);
 *   undefined when neither says the shape (`/s320/` alone bounds the longer side of an unknown
 *   shape), which the report then lists.
 */
export function shownImageSize(
  attributes: Record<string, unknown>,
  shown: string,
  file?: { width: number; height: number },
): ShownSize | undefined {
  const size = bloggerImageSize(shown);
  const width = pixelsOf(attributes.width);
  const height = pixelsOf(attributes.height);
  const boxWidth = size?.w ?? size?.s;
  const boxHeight = size?.h ?? size?.s;
  if (size?.crop && boxWidth && boxHeight) {
    let box = { width: boxWidth, height: boxHeight };
    if (width && height) box = { width, height };
    else if (width) box = { width, height: (width * boxHeight) / boxWidth };
    else if (height) box = { width: (height * boxWidth) / boxHeight, height };
    const scale = file ? Math.min(1, file.width / box.width, file.height / box.height) : 1;
    return { width: Math.round(box.width * scale), height: Math.round(box.height * scale), crop: true };
  }
  if (file) {
    const shownWidth = shownImageWidth(attributes, shown, file);
    return shownWidth ? { width: shownWidth } : undefined;
  }
  if (width && height) return { width: Math.round(width), height: Math.round(height) };
  const original = { width: pixelsOf(attributes.dataOriginalWidth), height: pixelsOf(attributes.dataOriginalHeight) };
  if (!original.width || !original.height) return undefined;
  const shownWidth = shownImageWidth(attributes, shown, original) ?? original.width;
  return { width: shownWidth, height: Math.round((shownWidth * original.height) / original.width) };
}

/** A YouTube video's thumbnail: i.ytimg.com/vi/ID/NAME.jpg (maxresdefault, hqdefault...). */
const YOUTUBE_THUMBNAIL = /^(https:\/\/i\.ytimg\.com\/vi\/([\w-]+)\/)(\w+)\.jpg$/;

/**
 * The same image at Blogger's usual full width (s1600), for when the original is over the size
 * limit (or missing); for a YouTube thumbnail of the largest size (maxresdefault.jpg, which videos
 * from before about 2013 lack) the one every video has (hqdefault.jpg); undefined for other hosts.
 */
export function fallbackImageUrl(url: string): string | undefined {
  const thumbnail = YOUTUBE_THUMBNAIL.exec(url);
  if (thumbnail) return thumbnail[3] === 'maxresdefault' ? `${thumbnail[1]}hqdefault.jpg` : undefined;
  const largest = largestImageUrl(url);
  if (largest === url && !/\/s0\/|=s0$/.test(url)) return undefined;
  return largest.replace(/\/s0\/(?=[^/]*$)/, '/s1600/').replace(/=s0$/, '=s1600');
}

/**
 * Whether two addresses are one image at different sizes (`…/s320/a.jpg` and `…/s1600/a.jpg`):
 * Blogger links a thumbnail to its full-size file.
 */
export function isSameImage(a: string, b: string): boolean {
  return largestImageUrl(a) === largestImageUrl(b);
}

/** Whether an address looks like an image file by its name (.jpg, .png, .gif, .webp, .avif, .svg...). */
export function looksLikeImageFile(url: string): boolean {
  try {
    const { pathname } = new URL(url);
    return /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i.test(pathname) || isBloggerImageHost(url);
  } catch {
    return false;
  }
}

/**
 * `http://` (and protocol-relative `//`) become `https://`; other addresses are returned as they
 * are. Google's image hosts all answer over https; for other hosts it is still the only address a
 * site served over https may show without a mixed-content warning.
 */
export function upgradeToHttps(url: string): string {
  if (url.startsWith('//')) return `https:${url}`;
  return url.replace(/^http:\/\//i, 'https://');
}

/** Extensions by the type found in the bytes (file-type's names, and svg found by us). */
const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  jpg: 'jpg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  svg: 'svg',
  tif: 'tiff',
};

/** The image types astro:assets can optimise, so a downloaded copy is worth keeping. */
export const SUPPORTED_IMAGE_TYPES: ReadonlySet<string> = new Set(Object.keys(EXTENSION_BY_TYPE));

/**
 * The file name for a downloaded image: the last part of its address, made safe (letters, digits,
 * dashes; non-Latin letters kept), with the extension of the type its bytes showed. A name the
 * post's folder already has gets -2, -3...; `taken` is updated.
 */
export function imageFileName(url: string, type: string, taken: Set<string>): string {
  let last = '';
  try {
    last = decodeURIComponent(new URL(upgradeToHttps(url)).pathname.split('/').pop() ?? '');
  } catch {
    last = '';
  }
  // A video's thumbnail is named after the video, not "maxresdefault".
  const thumbnail = YOUTUBE_THUMBNAIL.exec(url);
  if (thumbnail) last = `youtube-${thumbnail[2]}`;
  // lowerCase: "İstanbul.jpg" is istanbul.jpg, not i-stanbul.jpg (toLowerCase adds a combining dot).
  const base =
    lowerCase(
      last
        .replace(/=[^=]*$/, '') // a googleusercontent size option, not part of the name
        .replace(/\.[a-z0-9]{1,5}$/i, '')
        .normalize('NFC'),
    )
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'image';
  const extension = EXTENSION_BY_TYPE[type] ?? type;
  let name = `${base}.${extension}`;
  for (let n = 2; taken.has(name); n += 1) name = `${base}-${n}.${extension}`;
  taken.add(name);
  return name;
}

/**
 * The names an image's address may have among the owner's own copies (`--images <folder>`), in
 * the order to try them: the last segment of the path, decoded; then with "+" read as a space,
 * since Blogger wrote a space in an uploaded file's name as "+" (`blue%2Bdoor.jpg` is the photo
 * `blue door.jpg`). Empty for an address that ends in "/".
 */
export function folderImageNames(url: string): string[] {
  const last = new URL(url, 'https://x.invalid').pathname.split('/').pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A stray "%" (not followed by two hex digits): the name as written.
  }
  return [...new Set([name, name.replace(/\+/g, ' ')])].filter(Boolean);
}
