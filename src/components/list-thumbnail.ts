/**
 * The encoding of a post's small picture in lists: 112 x 112 CSS pixels at 1x and 2x, cropped to
 * fill. The post cards (home, tags) and the archive rows share it, so Astro encodes each hero once
 * for every list, whatever size each list shows it at.
 */
export const LIST_THUMBNAIL = { width: 112, height: 112, densities: [1, 2], fit: 'cover' as const };
