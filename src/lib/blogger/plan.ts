import { isDeepStrictEqual } from 'node:util';
import { unicodeName } from 'unicode-name';
import { toIsoCalendarDate } from '../dates.ts';
import { parseFrontmatter, stringifyYaml } from '../frontmatter.ts';
import { slugFromAnyTitle, slugFromTitle } from '../new-post.ts';
import { getTagKey, MAX_TAG_SLUG_BYTES, normalizeTagLabel, slugifyTag } from '../slugs.ts';
import { getExcerpt, truncateAtWord } from '../text.ts';
import { encodeOldPath, getBloggerLabelPath } from '../redirects.ts';
import { getPagePath, getPostPath, getTagPath, TAGS_PATH } from '../urls.ts';
import type { ImageReference } from './html-images.ts';
import { commentHtmlToMarkdown, htmlToMarkdown } from './html-to-markdown.ts';
import { detectEntryLanguage, entryInOtherScript } from './language.ts';
import { exampleLanguageOfScript } from '../language.ts';
import { imageFileName, largestImageUrl, upgradeToHttps } from './image-urls.ts';
import type { BloggerAuthor, BloggerExport, BloggerItem } from './parse.ts';
import type { ConversionNote, OwnBlog } from './transforms.ts';

/** The frontmatter fields that hold dates: written bare, where every other date-like text is quoted. */
const DATE_KEYS = ['pubDate', 'updatedDate', 'date'];

/** Written into an image's alt text when the old post had none; the build asks for a description. */
export const ALT_PLACEHOLDER = 'TODO: describe this image';

export interface PlannedFile {
  /** Path relative to the content folder, e.g. posts/my-post/index.md. */
  path: string;
  text: string;
  /** The export entry it came from. */
  source: string;
}

export interface ImageCopy {
  /** A file on disk: a downloaded image, or one in the folder of local images given to the importer. */
  from: string;
  /** Path relative to the content folder. */
  to: string;
  /**
   * The address downloaded: the largest size of the image the old blog showed (see
   * largestImageUrl), which also names it in content/.imports/blogger.json.
   */
  url: string;
}

/** An image that keeps its remote address (not downloaded: --no-download, or the download failed). */
export interface RemoteImage {
  /** The entry, as "title" (old address). */
  entry: string;
  /** The address written into the post (https). */
  src: string;
  /** The address that was (or would have been) downloaded. */
  source: string;
  /** Inside HTML that stays HTML (a table without header cells...). */
  inHtml: boolean;
  /**
   * Whether the page knows its size before it loads (width and height written, from the post's
   * attributes or its Blogger address: see shownImageSize); else the text below it moves when it
   * arrives, and the report says so.
   */
  sized: boolean;
}

/** An image with no description in an imported post: the owner's to-do list. */
export interface AltToDo {
  /** The post's file, relative to the content folder. */
  file: string;
  /** The entry, as "title" (old address). */
  entry: string;
  /** The image's address in the post (./photo.jpg or https://...). */
  src: string;
  inHtml: boolean;
}

/** An image whose description was taken from its title or caption: worth a look. */
export interface InterimAlt extends AltToDo {
  from: 'title' | 'caption';
  alt: string;
}

/**
 * A local copy of an image, if the importer has one: a file on disk, its type (jpg, png...: the
 * extension its name gets) and, when known, its size in pixels (an image the old post showed
 * smaller then keeps that width: see shownImageWidth).
 */
export type LocalImageLookup = (
  image: ImageReference,
) => { from: string; type: string; width?: number | undefined; height?: number | undefined } | undefined;

export interface ImportPlan {
  files: PlannedFile[];
  copies: ImageCopy[];
  /** Images left at their remote address. */
  remoteImages: RemoteImage[];
  /** Images with no description at all (the post is marked altTextPending). */
  altToDo: AltToDo[];
  /** Images described from their title or caption. */
  interimAlt: InterimAlt[];
  counts: {
    posts: number;
    drafts: number;
    pages: number;
    pageDrafts: number;
    comments: number;
    labels: number;
    authors: number;
    /** Embeds kept: frames, and video players (YouTube and Vimeo frames and Flash players). */
    embeds: number;
  };
  /**
   * Video players whose picture (the provider's thumbnail) has no local copy, so they show a plain
   * box with the title: the import reports those it tried and failed to download.
   */
  postersMissing: { entry: string; title: string; source: string }[];
  skipped: { id: string; reason: string }[];
  /**
   * Comments the site cannot show (on a page, or on an entry the export does not hold), each with
   * its text as Markdown, so the report keeps what a reader wrote.
   */
  commentsNotShown: { about: string; markdown: string }[];
  /** Things the owner should look at: removed scripts, bad links, unknown embeds, new slugs. */
  warnings: string[];
  /** What was converted as it should be but is worth knowing (a gist became a link). */
  notes: string[];
  /** Entries that could not be imported as they were (empty once converted, no date). */
  errors: string[];
  /** Posts whose shown day differs from the day Blogger showed, with the site's time zone. */
  dateShifts: string[];
  /**
   * Labels written more than one way that make one tag address here ("Self-care", "self care",
   * "SELF CARE"): every post is written with one spelling (`label`), and the others are kept in the
   * posts' `oldLabels`, so their old /search/label/ addresses lead to the tag.
   */
  labelMerges: LabelMerge[];
}

/** One tag address that several spellings of a label shared (see ImportPlan.labelMerges). */
export interface LabelMerge {
  slug: string;
  /** The spelling every post now has. */
  label: string;
  /** Every spelling with the number of posts that used it, in the order first met in the export. */
  spellings: { label: string; posts: number }[];
}

/** How the labels of an export become tags: see planLabels. */
export interface LabelPlan {
  /** Each label as written (tidied by normalizeTagLabel) → the tag posts get; undefined: dropped. */
  tagOf: Map<string, string | undefined>;
  merges: LabelMerge[];
  /** Labels of symbols only, given their characters' names: "—" → "— (em dash)". */
  named: { label: string; tag: string }[];
  /**
   * Labels with nothing to name (spaces and invisible characters only, "\u00a0", "\u200b"), as
   * written: left out of the tags, and kept in the posts' oldLabels with no tag (see tagsForLabels).
   */
  dropped: string[];
  /**
   * Labels that would have shared an address with a different label (".NET" and "dot.net"):
   * `label` is the tag `tag` at an address of its own, since `holder` keeps `slug`.
   */
  renamed: { label: string; tag: string; holder: string; slug: string }[];
  /**
   * Labels whose address would not fit in a file name (Blogger allows 200 characters; 70 Thai
   * letters already make 210 bytes): each is the tag `tag`, its first words.
   */
  shortened: { label: string; tag: string }[];
}

/**
 * A label cut to its first words (whole words where the script has spaces; whole characters, never
 * half a letter, in Thai, Chinese or Japanese, by Intl.Segmenter) so that its address fits in
 * MAX_TAG_SLUG_BYTES. No "…" is added: NFKC reads it as "...", which would end the address in
 * "-dot-dot". Undefined when the label already fits.
 */
export function shortenLabel(label: string): string | undefined {
  const bytes = (text: string) => new TextEncoder().encode(slugifyTag(text)).length;
  if (bytes(label) <= MAX_TAG_SLUG_BYTES) return undefined;
  const words = [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(label)].map((part) => part.segment);
  let kept = '';
  for (const word of words) {
    if (bytes(kept + word) > MAX_TAG_SLUG_BYTES) break;
    kept += word;
  }
  if (!kept.trim()) {
    // One "word" longer than the whole limit: cut it between characters.
    for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(label)) {
      if (bytes(kept + segment) > MAX_TAG_SLUG_BYTES) break;
      kept += segment;
    }
  }
  return kept.trimEnd();
}

/**
 * A label as tags know it (normalizeTagLabel), or as written when nothing a reader sees is left
 * (" ", "\u00a0\u200b"): its old address is made of exactly those characters.
 */
const tidyLabel = (raw: string) => {
  const label = normalizeTagLabel(raw);
  return getTagKey(label) ? label : raw;
};

/**
 * A label a reader cannot see, spelled out for the report: its characters' code points and
 * Unicode names, a run of one character named once ("\u00a0" → "U+00A0 NO-BREAK SPACE").
 */
export function describeInvisibleLabel(label: string): string {
  const names: string[] = [];
  for (const char of label) {
    const code = char.codePointAt(0)!;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')} ${unicodeName(char) ?? 'unnamed'}`;
    if (names.at(-1) !== name) names.push(name);
  }
  return names.join(', ');
}

/**
 * The Unicode names of a label's visible characters, lowercased and joined ("—" → "em dash",
 * "()" → "left parenthesis, right parenthesis"), from the Unicode Character Database (the
 * unicode-name package); '' when none has a name.
 */
export function nameSymbols(label: string): string {
  const names: string[] = [];
  for (const char of label) {
    if (/\s/u.test(char)) continue;
    const name = unicodeName(char);
    if (name && !/^<.*>$/.test(name) && !/^(?:ZERO WIDTH|WORD JOINER|SOFT HYPHEN|VARIATION SELECTOR)/.test(name)) {
      const lower = name.toLowerCase();
      if (names.at(-1) !== lower) names.push(lower);
    }
  }
  return names.join(', ');
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The names of a title's characters, for the address of a title with no letter or digit: an emoji
 * by its CLDR name, as tag addresses name it (slugifyTag: "💆‍♀️" → "woman getting massage"), any
 * other character by its Unicode name (nameSymbols: "★" → "black star"); a character repeated
 * next to itself is named once ("🌿🌿🌿" → "herb"). '' when nothing has a name.
 */
export function nameTitleSymbols(title: string): string {
  const names: string[] = [];
  for (const { segment } of graphemes.segment(title)) {
    const name = EMOJI.test(segment) ? slugifyTag(segment).replace(/-/g, ' ') : nameSymbols(segment);
    if (name && names.at(-1) !== name) names.push(name);
  }
  return names.join(' ');
}

/**
 * What makes two labels one tag: the tag key (getTagKey: case, NFKC forms such as fullwidth "ＡＢＣ",
 * invisible characters) with spaces, dashes, underscores and slashes taken as one separator, so
 * "Self-care", "self care" and "SELF_CARE", or "TCP/IP" and "TCP IP", are one tag; a space beside
 * a symbol is no separator at all, so "Q&A" and "Q & A", or "50%" and "50 %" (French spacing), are
 * one tag too. Labels that differ otherwise are different words even when they make one address:
 * ".NET" and "dot.net", "Q&A" and "Q and A", "100%" and "100 percent".
 */
export function getLabelIdentity(label: string): string {
  return getTagKey(label)
    .replace(/[\s\p{Pd}\p{Pc}/]+/gu, ' ')
    .trim()
    .replace(/ ?([^\p{L}\p{M}\p{N} ]) ?/gu, '$1');
}

/**
 * The address (slug) of a label written several ways (`spellings`: spelling → posts, in the order
 * first met, all of one getLabelIdentity) when the spellings make different addresses, as "C#"
 * (c-sharp) and "C #" (c-hash) do: a space before "#" or "." changes how slugifyTag spells it. The
 * address most posts' spellings make wins; on a tie, one made by a spelling in plain Unicode form,
 * then by the shortest spelling (no space beside its symbol: "C#", the way the symbol is written
 * in the name), then the first met. One address for one identity is planLabels' rule that spaces
 * beside a symbol never make another tag.
 */
function identityAddress(spellings: ReadonlyMap<string, number>): string {
  const addresses = new Map<string, { posts: number; plain: boolean; length: number }>();
  for (const [label, posts] of spellings) {
    const slug = slugifyTag(label);
    const seen = addresses.get(slug) ?? { posts: 0, plain: false, length: Infinity };
    seen.posts += posts;
    seen.plain ||= label === label.normalize('NFKC');
    seen.length = Math.min(seen.length, [...getTagKey(label)].length);
    addresses.set(slug, seen);
  }
  return [...addresses].sort(
    ([, a], [, b]) => b.posts - a.posts || Number(b.plain) - Number(a.plain) || a.length - b.length,
  )[0]![0];
}

/**
 * The label a tag gets when another tag holds its address: the label followed by the Unicode names
 * of its symbols (".NET" → ".NET (full stop)"), or by a number when it has none or that address is
 * taken too ("Q and A" → "Q and A (2)"); its address is none of `taken`, which it joins.
 */
const symbolsOf = (label: string) => [...label].filter((char) => !/[\p{L}\p{M}\p{N}\s]/u.test(char)).join('');
const hasSymbols = (label: string) => symbolsOf(label) !== '';

function qualifyLabel(label: string, taken: Set<string>): string {
  const names = nameSymbols(symbolsOf(label));
  let tag = names ? `${label} (${names})` : `${label} (2)`;
  for (let n = names ? 2 : 3; taken.has(slugifyTag(tag)); n += 1) tag = `${label} (${n})`;
  taken.add(slugifyTag(tag));
  return tag;
}

/**
 * Labels → tags, for the whole export at once, so that the site builds as it is:
 * - labels that are one tag (getLabelIdentity: they differ only in case, spacing, dashes or
 *   Unicode form: "Self-care", "self care", "SELF CARE", "ABC" and fullwidth "ＡＢＣ", "C#" and
 *   "C #") become one tag at one address (identityAddress: a space that changes how a symbol is
 *   spelled, c-sharp or c-hash, does not split them), spelled as most posts spelled it, a tie going to a spelling in plain Unicode form ("ABC"
 *   over "ＡＢＣ"), then to the one met first in the export (`items` in export order), so every run
 *   picks the same; when the site already has that tag
 *   (`existing`: slug → label of content the import did not write) written in a way the content
 *   check would call another tag (not only other capitals), its spelling is taken instead, so the
 *   two never clash; the merge is listed (`merges`);
 * - different labels that would make one address (".NET" and "dot.net" are both dot-net) stay
 *   different tags: the one most posts used (on a tie, one without symbols, then the first met;
 *   the site's own, when it has one there) keeps the address, and each other is renamed by
 *   qualifyLabel (".NET" and "dot.net (full stop)" at /tags/dot-net-full-stop/; "Q and A" and
 *   "Q&A (ampersand)"), listed (`renamed`);
 * - a label of symbols only, which makes no address ("—", "•", "()"), keeps its symbols and gets
 *   their Unicode names beside them, which give it an address: "—" → "— (em dash)" at
 *   /tags/em-dash/;
 * - a label of spaces and invisible characters only ("\u00a0", "\u200b", "\ufeff", a soft hyphen)
 *   is no tag, and listed (`dropped`); its old address still leads somewhere (see tagsForLabels).
 * "C", "C#" and "C++" make three addresses (c, c-sharp, c-plus-plus) and stay three tags.
 */
export function planLabels(
  items: readonly { labels: readonly string[] }[],
  existing: ReadonlyMap<string, string> = new Map(),
): LabelPlan {
  const plan: LabelPlan = { tagOf: new Map(), merges: [], named: [], dropped: [], renamed: [], shortened: [] };
  // identity → spelling → posts, and address → identity → spelling → posts, each Map in the order first met.
  const byIdentity = new Map<string, Map<string, number>>();
  const bySlug = new Map<string, Map<string, Map<string, number>>>();
  const addressOf = new Map<string, string>();
  for (const item of items) {
    for (const label of new Set(item.labels.map(tidyLabel).filter(Boolean))) {
      let tag = label;
      if (!addressOf.has(label)) {
        if (!slugifyTag(label)) {
          const names = nameSymbols(label);
          tag = names ? `${label} (${names})` : '';
          if (tag && slugifyTag(tag)) plan.named.push({ label, tag });
          else {
            plan.dropped.push(label);
            tag = '';
          }
        }
        const short = tag ? shortenLabel(tag) : undefined;
        if (short) {
          plan.shortened.push({ label, tag: short });
          tag = short;
        }
        addressOf.set(label, tag);
      }
      tag = addressOf.get(label)!;
      if (!tag) continue;
      const spellings = byIdentity.get(getLabelIdentity(tag)) ?? new Map<string, number>();
      spellings.set(tag, (spellings.get(tag) ?? 0) + 1);
      byIdentity.set(getLabelIdentity(tag), spellings);
    }
  }
  // The spellings of one label can make different addresses when a space changes how a symbol is
  // spelled ("C#" is c-sharp, "C #" c-hash; "Node.js" node-js, "Node .js" node-dot-js): the label
  // goes to one address, the site's own tag's when the site has this label, else identityAddress's.
  const siteAddressOf = new Map<string, string>();
  for (const [slug, label] of existing) {
    if (!siteAddressOf.has(getLabelIdentity(label))) siteAddressOf.set(getLabelIdentity(label), slug);
  }
  for (const [identity, spellings] of byIdentity) {
    const slug = siteAddressOf.get(identity) ?? identityAddress(spellings);
    const identities = bySlug.get(slug) ?? new Map<string, Map<string, number>>();
    identities.set(identity, spellings);
    bySlug.set(slug, identities);
  }
  const taken = new Set([...bySlug.keys(), ...existing.keys()]);
  const total = (spellings: Map<string, number>) => [...spellings.values()].reduce((a, b) => a + b, 0);
  /** Each spelling (a label, or its named tag) → the tag its posts get. */
  const chosenOf = new Map<string, string>();
  for (const [slug, identities] of bySlug) {
    const site = existing.get(slug);
    // Most used first; on a tie, a label without symbols, whose address reads as it is written
    // (so the other is named by its symbols, "Q&A (ampersand)", not numbered); then the first met
    // (Map keeps the order first met, and sort is stable).
    const symbolic = (spellings: Map<string, number>) => (hasSymbols([...spellings.keys()][0]!) ? 1 : 0);
    const ranked = [...identities].sort((a, b) => total(b[1]) - total(a[1]) || symbolic(a[1]) - symbolic(b[1]));
    // The address stays with the site's own tag when it has one there, else with the most used label.
    const keeper = site === undefined ? 0 : ranked.findIndex(([identity]) => identity === getLabelIdentity(site));
    // On a tie, a spelling in its plain Unicode form ("ABC", not fullwidth "ＡＢＣ"), then the first met.
    const compatibility = (label: string) => (label === label.normalize('NFKC') ? 0 : 1);
    // A spelling at this address first: the tag must make the address its spellings were given.
    const here = (label: string) => (slugifyTag(label) === slug ? 0 : 1);
    const mostUsedOf = (spellings: Map<string, number>) =>
      [...spellings].sort(
        (a, b) => here(a[0]) - here(b[0]) || b[1] - a[1] || compatibility(a[0]) - compatibility(b[0]),
      )[0]![0];
    const keeperLabel = keeper === -1 ? undefined : mostUsedOf(ranked[keeper]![1]);
    // The tag that keeps the address: the site's own spelling when the content check would call
    // the import's spelling another tag (not only other capitals), else the most used spelling.
    const holder =
      keeperLabel === undefined || (site !== undefined && getTagKey(site) !== getTagKey(keeperLabel))
        ? site!
        : keeperLabel;
    ranked.forEach(([, spellings], index) => {
      let chosen = holder;
      if (index !== keeper) {
        const label = mostUsedOf(spellings);
        chosen = qualifyLabel(label, taken);
        plan.renamed.push({ label, tag: chosen, holder, slug });
      }
      for (const spelling of spellings.keys()) chosenOf.set(spelling, chosen);
      if (spellings.size > 1 || (index === keeper && chosen !== [...spellings.keys()][0])) {
        plan.merges.push({
          slug: slugifyTag(chosen),
          label: chosen,
          spellings: [...spellings].map(([label, posts]) => ({ label, posts })),
        });
      }
    });
  }
  for (const [label, tag] of addressOf) plan.tagOf.set(label, tag ? chosenOf.get(tag) : undefined);
  return plan;
}

/**
 * A post's tags (each label's tag, once) and its `oldLabels`: each label it had that is written
 * differently from its tag, with that tag, so the old /search/label/<label> address leads there. A
 * label that is no tag (`dropped`: spaces or invisible characters only) is kept there as written
 * with an empty tag, "\u00a0": "", so its old address leads to the post (to /tags/ when several
 * posts had it; see src/data/redirects.ts).
 */
export function tagsForLabels(
  labels: readonly string[],
  plan: LabelPlan,
): { tags: string[]; oldLabels: Record<string, string> } {
  const tags: string[] = [];
  const oldLabels: Record<string, string> = {};
  for (const raw of labels) {
    const label = tidyLabel(raw);
    const tag = plan.tagOf.get(label);
    if (!tag) {
      if (label && plan.dropped.includes(label)) oldLabels[label] = '';
      continue;
    }
    if (!tags.includes(tag)) tags.push(tag);
    if (label !== tag) oldLabels[label] = tag;
  }
  return { tags, oldLabels };
}

export interface PlanOptions {
  /** Post slugs and page slugs already used by content the importer did not write. */
  takenPostSlugs: ReadonlySet<string>;
  takenPageSlugs: ReadonlySet<string>;
  /** Author ids that already exist (their files are kept as they are). */
  existingAuthors: ReadonlySet<string>;
  /**
   * The site's language and time zone as they will be once the import is done (src/site.config.ts,
   * after any settings the import writes). A post gets `lang` when the blog's language differs;
   * its shown day is compared with Blogger's in this zone. Defaults: en-GB, Europe/London.
   */
  site?: { language: string; timeZone: string } | undefined;
  /** The blog's language when the export has no BLOG_LOCALE setting (from --language). */
  blogLanguage?: string | undefined;
  /** The blog's time zone when the export has no BLOG_TIME_ZONE setting (from --time-zone). */
  blogTimeZone?: string | undefined;
  /**
   * Whether posts and pages take a `lang` field (the site's schemas are strict: an unknown field
   * stops the build). Without it a differing language is only reported.
   */
  langField?: { posts: boolean; pages: boolean } | undefined;
  /** Local copies of images (downloaded, or from a folder the editor supplied). */
  localImage?: LocalImageLookup | undefined;
  /**
   * Tags of content the import did not write, by address (slug → label as written): a label of the
   * export that makes the same address is written the site's way (see planLabels).
   */
  existingTags?: ReadonlyMap<string, string> | undefined;
}

/** Blogger's numeric id at the end of an entry id ("tag:blogger.com,1999:blog-1.post-42" → "42"). */
export function shortId(id: string): string {
  return /(\d+)\s*$/.exec(id)?.[1] ?? id;
}

/**
 * The slug of an old Blogger address: /2023/05/my-post.html → my-post, /p/about.html → about. An
 * underscore separates words as a hyphen does (deep_tissue.html → deep-tissue; Blogger's own
 * my-post_25.html for a second post of one name → my-post-25).
 */
export function slugFromOldPath(path: string): string {
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).replace(/\.html?$/i, '');
  return slugFromTitle(name.replace(/_/g, ' '));
}

/** Blogger names a post whose title has no Latin letters blog-post.html or blog-post_20.html. */
const PLACEHOLDER_NAME = /^blog-post(?:_\d+)?\.html?$/i;

/** Where an entry's slug came from (see slugSourceForItem). */
export type SlugSource = 'path' | 'title' | 'symbols' | 'date';

/**
 * The slug an entry gets, and what it was made from: its old file name (`path`), unless Blogger
 * made that up (blog-post_20.html); then its title (`title`); then, for a title with no letter or
 * digit at all ("🌿🌿🌿", "★★★", "!!!"), the Unicode names of its characters, a run of one
 * character named once (`symbols`: "herb", "black-star", "exclamation-mark"), as a label of
 * symbols is named (nameSymbols); then its date (`date`): never a placeholder. The import
 * reports the last two, so the owner can choose a better address.
 */
export function slugSourceForItem(item: Pick<BloggerItem, 'oldPath' | 'title' | 'published'>): {
  slug: string;
  source: SlugSource;
} {
  const name = item.oldPath?.slice(item.oldPath.lastIndexOf('/') + 1) ?? '';
  const fromPath = item.oldPath && !PLACEHOLDER_NAME.test(name) ? slugFromOldPath(item.oldPath) : '';
  if (fromPath) return { slug: fromPath, source: 'path' };
  const fromTitle = slugFromAnyTitle(item.title);
  if (fromTitle) return { slug: fromTitle, source: 'title' };
  const fromNames = slugFromTitle(truncateAtWord(nameTitleSymbols(item.title), 60).replace(/…$/u, ''));
  if (fromNames) return { slug: fromNames, source: 'symbols' };
  return { slug: `post-${item.published.slice(0, 10)}`, source: 'date' };
}

/** The slug an entry gets (see slugSourceForItem). */
export function slugForItem(item: Pick<BloggerItem, 'oldPath' | 'title' | 'published'>): string {
  return slugSourceForItem(item).slug;
}

/** A title for an entry Blogger let its author leave untitled: its first words, else its date. */
export function titleForUntitled(markdown: string, published: string): string {
  const words = getExcerpt(markdown, 1000).split(' ').slice(0, 8).join(' ');
  const title = truncateAtWord(words, 70).replace(/[.,;:!?…]+$/u, '');
  return title || `Post of ${published.slice(0, 10)}`;
}

const RESERVED_PAGE_SLUGS = new Set(['posts', 'tags', 'archive', 'videos', 'page', 'search', 'feeds', 'p', '404']);

function uniqueSlug(wanted: string, taken: Set<string>): string {
  let slug = wanted || 'untitled';
  for (let n = 2; taken.has(slug); n += 1) slug = `${wanted || 'untitled'}-${n}`;
  taken.add(slug);
  return slug;
}

/** Blogger's entry ids (tag:blogger.com,1999:blog-….post-…) are what its feeds gave readers. */
const isFeedId = (id: string) => /^tag:\S+$/.test(id);

/**
 * A Markdown file with YAML frontmatter written by the yaml library, read back by the site's own
 * splitter to prove that no value ends the frontmatter early (B2: `STRETCH----Hold`).
 */
export function renderMarkdownFile(data: Record<string, unknown>, body: string): string {
  const text = `---\n${stringifyYaml(data, DATE_KEYS).trim()}\n---\n\n${body}`;
  const read = parseFrontmatter(text);
  if (read.errors.length > 0 || !isDeepStrictEqual(read.data, JSON.parse(JSON.stringify(data)))) {
    throw new Error(`the frontmatter written for "${String(data.title ?? data.author)}" does not read back as written`);
  }
  return text;
}
const frontmatter = renderMarkdownFile;

/**
 * The hero of an imported post: its first image, when the post opens with it (a paragraph holding
 * only that image, before any text), it was downloaded (`src` starts with `localPrefix`) and it has
 * a description (its alt, else its title or caption). Blogger's own thumbnail for a post
 * (media:thumbnail) is its first image too. Returns the hero and the body without that opening
 * image, so the page does not show it twice; undefined when the post has no such picture (its
 * social card is then drawn). An image inside a captioned figure is left where it is, caption and
 * all.
 */
export function takeLeadingHero(
  markdown: string,
  images: readonly { src: string; alt: string; altFrom: string; inHtml: boolean }[],
  localPrefix: string,
): { image: string; alt: string; rest: string } | undefined {
  const first = images[0];
  if (!first || first.inHtml || first.altFrom === 'none' || !first.alt.trim()) return undefined;
  if (!first.src.startsWith(localPrefix)) return undefined;
  const [opening = '', ...rest] = markdown.split(/\n{2,}/);
  const lead = opening.trim();
  // ![description](./file.jpg) or ![description](./file.jpg "title"), or the <img> of a picture the
  // post showed smaller (see isSizedImage), and nothing else.
  const target =
    /^!\[[^]*\]\((\S+)(?: "[^"]*")?\)$/.exec(lead)?.[1] ?? /^<img\b[^<>]*?\ssrc="([^"]+)"[^<>]*>$/.exec(lead)?.[1];
  const onlyThatImage = (lead.split('![').length === 2 || lead.split('<img').length === 2) && target === first.src;
  // A post that is only a picture keeps it in its text: a hero alone would leave the page blank.
  const body = rest.join('\n\n').trim();
  if (!onlyThatImage || !body) return undefined;
  return { image: first.src, alt: first.alt.replace(/\s+/g, ' ').trim(), rest: `${body}\n` };
}

/**
 * Why an entry shows nothing once converted, in words for the report: an export entry with no text
 * and nothing to show (`empty`), or one whose scripts or plug-in objects (`removed`, from the
 * conversion's notes) were all it showed, or one whose markup showed nothing.
 */
export function emptyReason(
  html: string,
  removed: readonly { kind: string }[],
  untitled: boolean,
): { empty: boolean; report: string; without: string } {
  const text = html
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|\s/g, '');
  const shows = /<(?:img|iframe|object|embed|video|audio|script|svg|canvas)\b/i.test(html);
  if (!text && !shows) {
    return {
      empty: true,
      report: untitled ? 'is empty in the export: no title and no text' : 'is empty in the export: it has no text',
      without: '',
    };
  }
  const scripts = removed.some((note) => note.kind === 'script');
  const plugins = removed.some((note) => note.kind === 'flash');
  const what = scripts && plugins ? 'scripts and plug-in objects' : plugins ? 'plug-in objects' : 'scripts';
  if (scripts || plugins) {
    return {
      empty: false,
      report: `has nothing a reader could see once its ${what} were removed`,
      without: `without its ${what}`,
    };
  }
  return { empty: false, report: 'has nothing a reader could see once converted', without: 'once converted' };
}

/** HTML in a fenced code block longer than any run of backticks inside it, so nothing ends it early. */
function fencedHtml(html: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...html.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}html\n${html.trim()}\n${fence}\n`;
}

function describeItem(item: BloggerItem): string {
  return `"${item.title}"${item.oldPath ? ` (${item.oldPath})` : ''}`;
}

/**
 * Turns a parsed export into the files to write: posts and pages as Markdown with their old
 * addresses in redirectFrom, labels as tags, authors, and comments with their reply threads.
 * Pure: it reads and writes nothing, so a failed import never leaves files half-written.
 */
/** Conversion notes that say what went as it should (notes), not what to look at (warnings). */
const INFORMATIVE: ReadonlySet<ConversionNote['kind']> = new Set([
  'gist',
  'own-link',
  'tracker',
  'lazy-image',
  'srcset',
]);

export function planImport(exported: BloggerExport, options: PlanOptions): ImportPlan {
  const plan: ImportPlan = {
    files: [],
    copies: [],
    counts: { posts: 0, drafts: 0, pages: 0, pageDrafts: 0, comments: 0, labels: 0, authors: 0, embeds: 0 },
    remoteImages: [],
    postersMissing: [],
    altToDo: [],
    interimAlt: [],
    skipped: [...exported.skipped],
    commentsNotShown: [],
    warnings: [],
    notes: [],
    errors: [...exported.problems],
    dateShifts: [],
    labelMerges: [],
  };
  // Labels are planned for the whole export first: a post's tags depend on how other posts spell them.
  const labels = planLabels(
    exported.items.filter((item) => item.kind === 'post'),
    options.existingTags,
  );
  plan.labelMerges = labels.merges;
  for (const merge of labels.merges) {
    const count = (n: number) => `${n} post${n === 1 ? '' : 's'}`;
    // A space beside a symbol can change the address a spelling makes ("C #" c-hash, "C#" c-sharp).
    const addresses = new Set(merge.spellings.map((spelling) => slugifyTag(spelling.label)));
    const why =
      options.existingTags?.get(merge.slug) === merge.label
        ? 'the spelling this site already uses'
        : merge.spellings.length === 1
          ? 'the label made one'
          : addresses.size > 1
            ? `the spelling at the address most posts' spellings make, ${[...addresses].map(getTagPath).join(' or ')}; on a tie, the one without a space beside its symbol`
            : 'the spelling most posts used, the first met on a tie';
    plan.warnings.push(
      `the labels ${merge.spellings.map((s) => `"${s.label}" (${count(s.posts)})`).join(', ')} are one tag here, ${getTagPath(merge.slug)}: every post is tagged "${merge.label}" (${why}), and the old /search/label/ address of each other spelling leads to it (the posts' oldLabels); to show another spelling, write it in the posts' tags and oldLabels`,
    );
  }
  for (const { label, tag, holder, slug } of labels.renamed) {
    plan.warnings.push(
      `the labels "${holder}" and "${label}" are different words that would share the address ${getTagPath(slug)}; "${holder}" keeps it (${options.existingTags?.get(slug) === holder ? 'the tag this site already has there' : 'the label more posts used; on a tie, one without symbols, then the first met'}), and "${label}" is the tag "${tag}" at ${getTagPath(slugifyTag(tag))}, where its old address leads; to name it otherwise, change it in the posts' tags and oldLabels`,
    );
  }
  for (const { label, tag } of labels.named) {
    plan.warnings.push(
      `the label "${label}" has no letter or digit to make an address from; it is the tag "${tag}" (${getTagPath(slugifyTag(tag))}), named after its characters, and its old address leads there`,
    );
  }
  for (const { label, tag } of labels.shortened) {
    plan.warnings.push(
      `the label "${label}" is too long for an address (a file name holds 255 bytes); it is the tag "${tag}" (${getTagPath(slugifyTag(tag))}), and its old address leads there; rename the tag if you like`,
    );
  }
  for (const label of labels.dropped) {
    const posts = exported.items.filter(
      (item) => item.kind === 'post' && item.labels.some((raw) => tidyLabel(raw) === label),
    );
    const leadsTo =
      posts.length === 1 ? 'that post' : `the list of tags, ${TAGS_PATH}, since ${posts.length} posts had it`;
    plan.warnings.push(
      `the label ${JSON.stringify(label)} (${describeInvisibleLabel(label)}) of ${posts.map((item) => describeItem(item)).join(', ')} is only spaces or invisible characters, so it cannot be a tag: it is left out of the tags, and its old address ${encodeOldPath(getBloggerLabelPath(label))} leads to ${leadsTo} (oldLabels)`,
    );
  }
  const site = options.site ?? { language: 'en-GB', timeZone: 'Europe/London' };
  const blogLanguage = exported.settings.language ?? options.blogLanguage;
  const blogTimeZone = exported.settings.timeZone ?? options.blogTimeZone;
  // A post states its language only when it differs from the site's (BCP 47 compares case-blind).
  const lang = blogLanguage && blogLanguage.toLowerCase() !== site.language.toLowerCase() ? blogLanguage : undefined;
  if (lang && !(options.langField?.posts && options.langField.pages)) {
    plan.warnings.push(
      `the blog is in ${lang} and the site in ${site.language}; this site's posts cannot state their own language yet, so set language: '${lang}' in src/site.config.ts if the whole site is in ${lang}`,
    );
  }
  const postSlugs = new Set(options.takenPostSlugs);
  const pageSlugs = new Set([...options.takenPageSlugs, ...RESERVED_PAGE_SLUGS]);
  const authors = new Map<string, string>();

  const authorId = (author: BloggerAuthor): string => {
    const known = authors.get(author.name);
    if (known) return known;
    const id = slugFromTitle(author.name) || 'imported-author';
    authors.set(author.name, id);
    if (!options.existingAuthors.has(id)) {
      plan.files.push({
        path: `authors/${id}.yaml`,
        text: stringifyYaml({
          name: author.name,
          bio: `Wrote for the blog before it moved here from Blogger.`,
          ...(author.uri ? { url: author.uri } : {}),
        }),
        source: `author ${author.name}`,
      });
      plan.counts.authors += 1;
    }
    return id;
  };

  const postSlugById = new Map<string, string>();
  // Published entries claim their addresses first: a draft that shares a title with a published
  // page ("Prices", rewritten and never published) must not take the address readers know.
  const sorted = [...exported.items].sort(
    (a, b) => Number(a.draft) - Number(b.draft) || a.published.localeCompare(b.published),
  );
  // Links to the old blog's own pages lead to the addresses the build redirects (published ones).
  const published = exported.items.filter((item) => !item.draft);
  const ownBlog: OwnBlog = {
    hosts: new Set(exported.hosts),
    oldPaths: new Set(published.flatMap((item) => (item.oldPath ? [item.oldPath] : []))),
    labels: new Set(published.filter((item) => item.kind === 'post').flatMap((item) => item.labels)),
  };
  /** The slug the entry being planned took, given back if planning it fails. */
  let claimed: string | undefined;
  const planItem = (original: BloggerItem): void => {
    const isPost = original.kind === 'post';
    let item = original;
    if (!item.title) {
      // The title comes from the text's first words (a first conversion, images as they were).
      const words = htmlToMarkdown(original.html).markdown;
      item = { ...item, title: titleForUntitled(words, item.published) };
      const fromDate = !getExcerpt(words, 1000);
      plan.warnings.push(
        `the untitled ${item.kind}${item.oldPath ? ` ${item.oldPath}` : ''} of ${item.published.slice(0, 10)} is titled "${item.title}" from its ${fromDate ? 'date (it has no text to take a title from)' : 'first words'}; change the title if you like`,
      );
    }
    // An entry clearly in another language than its blog's (a Romanian blog's English post) says so
    // itself; the rest take the blog's. A language that is the site's own needs no field.
    const canState = isPost ? options.langField?.posts : options.langField?.pages;
    const ownLanguage = canState ? detectEntryLanguage(item, blogLanguage ?? site.language) : undefined;
    const sameAsSite = (tag: string) => tag.toLowerCase().split('-')[0] === site.language.toLowerCase().split('-')[0];
    const itemLang = ownLanguage ? (sameAsSite(ownLanguage) ? undefined : ownLanguage) : lang;
    // Too short to tell, and not in the script of the language it would be marked with: ask.
    const marked = itemLang ?? site.language;
    const otherScript = canState && !ownLanguage ? entryInOtherScript(item, marked) : undefined;
    if (otherScript) {
      // An example in that script (lang: ka for Georgian letters); Latin, shared by many, gets none.
      const example = exampleLanguageOfScript(otherScript);
      plan.warnings.push(
        `${describeItem(item)} is written in ${otherScript} letters, which ${marked} is not, but is too short to tell its language; it is marked as ${marked}: ${example ? `set its lang field (lang: ${example}, say) to the language it is in` : 'set its lang field to the code of the language it is in'}`,
      );
    }
    if (ownLanguage) {
      plan.warnings.push(
        `${describeItem(item)} reads as ${ownLanguage}, not the blog's ${blogLanguage ?? site.language}, so it is marked as ${itemLang ? `lang: ${itemLang}` : `the site's language, ${site.language}`}; if that is wrong, set its lang field`,
      );
    }
    const { slug: wanted, source } = slugSourceForItem(item);
    const slug = uniqueSlug(wanted, isPost ? postSlugs : pageSlugs);
    claimed = slug;
    if (source === 'symbols' || source === 'date') {
      const at = isPost ? getPostPath(slug) : getPagePath(slug);
      plan.warnings.push(
        source === 'symbols'
          ? `${describeItem(item)}: its title has no letter or digit to make an address from, so its address ${at} is made from the Unicode names of its characters; set \`slug\` to choose another`
          : `${describeItem(item)}: its title has nothing to make an address from, so its address ${at} is made from its date; set \`slug\` to choose another`,
      );
    }
    if (slug !== wanted) {
      plan.warnings.push(`${describeItem(item)} is imported as "${slug}", because "${wanted}" was already taken`);
    }
    const folder = isPost ? `posts/${slug}` : 'pages';
    const file = isPost ? `${folder}/index.md` : `pages/${slug}.md`;
    // Images of a page go in a folder named after it, beside the page's file.
    const imageFolder = isPost ? folder : `pages/${slug}`;
    const imagePrefix = isPost ? './' : `./${slug}/`;
    const namesTaken = new Set<string>();
    const nameBySource = new Map<string, string>();
    const converted = htmlToMarkdown(item.html, {
      language: ownLanguage ?? blogLanguage ?? site.language,
      title: item.title,
      ownBlog,
      // One of the old blog's hosts (each served its pages); a Takeout export names none.
      address: item.oldPath && exported.hosts[0] ? `https://${exported.hosts[0]}${item.oldPath}` : undefined,
      imageSrc: (image) => {
        // Images in HTML that stays HTML are local files too: the site optimises them there as well.
        const local = options.localImage?.(image);
        if (!local) return upgradeToHttps(image.shown);
        // One file per photo: the same picture shown twice, or at two sizes (s320 and s1600), is one.
        const key = largestImageUrl(image.source);
        let name = nameBySource.get(key);
        if (!name) {
          name = imageFileName(image.source, local.type, namesTaken);
          nameBySource.set(key, name);
          plan.copies.push({ from: local.from, to: `${imageFolder}/${name}`, url: key });
        }
        return `${imagePrefix}${name}`;
      },
      imageSize: (image) => {
        const local = options.localImage?.(image);
        return local?.width && local.height ? { width: local.width, height: local.height } : undefined;
      },
    });
    let markdown = converted.markdown;
    // A post that opens with a downloaded, described picture gets it as its hero (the picture shown
    // first, in lists and when the post is shared), through astro:assets like an editor's hero.
    const hero = isPost ? takeLeadingHero(markdown, converted.images, imagePrefix) : undefined;
    if (hero) markdown = hero.rest;
    for (const image of converted.images) {
      const entry = describeItem(item);
      if (/^https?:/i.test(image.src)) {
        plan.remoteImages.push({
          entry,
          src: image.src,
          source: image.source,
          inHtml: image.inHtml,
          sized: image.sized ?? false,
        });
      }
      if (image.altFrom === 'none') plan.altToDo.push({ file, entry, src: image.src, inHtml: image.inHtml });
      if (image.altFrom === 'title' || image.altFrom === 'caption') {
        plan.interimAlt.push({
          file,
          entry,
          src: image.src,
          inHtml: image.inHtml,
          from: image.altFrom,
          alt: image.alt,
        });
      }
    }
    for (const note of converted.notes) {
      (INFORMATIVE.has(note.kind) ? plan.notes : plan.warnings).push(`${describeItem(item)}: ${note.message}`);
    }
    plan.counts.embeds += (markdown.match(/<iframe |<a class="facade" /g) ?? []).length;
    for (const poster of converted.posters) {
      if (!poster.src)
        plan.postersMissing.push({ entry: describeItem(item), title: poster.title, source: poster.source });
    }
    const altTextPending = converted.images.some((image) => image.altFrom === 'none');
    // An entry with nothing left to show (a page that was only a chart script) is not published
    // blank: it is kept as a draft holding its original HTML, and reported.
    let draft = item.draft;
    let description = getExcerpt(markdown, 160) || item.title;
    // Nothing but comments (the jump break's <!-- more -->, an author's note) and spaces shows nothing.
    if (!markdown.replace(/<!--[^]*?-->|&nbsp;|&#x?a0;|\s/gi, '')) {
      draft = true;
      description = item.title;
      // Why it is empty: scripts or plug-ins the conversion removed, or nothing in the export at all.
      const removed = converted.notes.filter((note) => note.kind === 'script' || note.kind === 'flash');
      const why = emptyReason(item.html, removed, !original.title);
      plan.errors.push(
        `${describeItem(item)} ${why.report}; it is imported as a draft${why.empty ? '' : ' with its original HTML'} in ${file}: ${why.empty ? 'write it' : 'rewrite it'} or delete it`,
      );
      markdown = why.empty
        ? `This ${item.kind} was empty in the Blogger export${original.title ? '' : ', and had no title'}. Write it, or delete this file.\n`
        : `The original HTML of this ${item.kind}, which showed nothing ${why.without}:\n\n${fencedHtml(item.html)}`;
    }
    const updated = item.updated && item.updated.slice(0, 10) > item.published.slice(0, 10) ? item.updated : undefined;
    const postTags = postTagFields(item.labels);
    if (isPost) {
      postSlugById.set(shortId(item.id), slug);
      // Blogger showed the day in the blog's time zone; without one, the day as written (the backup
      // writes times with the blog's offset; a Takeout time in UTC may then be a day off).
      const bloggerDay = blogTimeZone
        ? toIsoCalendarDate(new Date(item.published), blogTimeZone)
        : item.published.slice(0, 10);
      const shownDay = toIsoCalendarDate(new Date(item.published), site.timeZone);
      if (!draft && !item.dateGuessed && /^\d{4}-\d{2}-\d{2}/.test(bloggerDay) && shownDay !== bloggerDay) {
        plan.dateShifts.push(`${describeItem(item)}: Blogger showed ${bloggerDay}, this site would show ${shownDay}`);
      }
      plan.files.push({
        path: file,
        source: item.id,
        text: frontmatter(
          {
            title: item.title,
            description,
            pubDate: item.published,
            ...(updated ? { updatedDate: updated } : {}),
            ...(draft ? { draft: true } : {}),
            ...postTags,
            author: authorId(item.author),
            kind: 'article',
            ...(itemLang && options.langField?.posts ? { lang: itemLang } : {}),
            ...(item.oldPath ? { redirectFrom: [item.oldPath] } : {}),
            ...(isFeedId(item.id) ? { feedId: item.id } : {}),
            ...(hero ? { hero: { image: hero.image, alt: hero.alt } } : {}),
            ...(altTextPending ? { altTextPending: true } : {}),
            typography: false,
          },
          markdown,
        ),
      });
      plan.counts.posts += 1;
      if (draft) plan.counts.drafts += 1;
    } else {
      plan.files.push({
        path: file,
        source: item.id,
        text: frontmatter(
          {
            title: item.title,
            description,
            ...(draft ? { draft: true } : {}),
            ...(itemLang && options.langField?.pages ? { lang: itemLang } : {}),
            ...(item.oldPath ? { redirectFrom: [item.oldPath] } : {}),
            ...(altTextPending ? { altTextPending: true } : {}),
            typography: false,
          },
          markdown,
        ),
      });
      plan.counts.pages += 1;
      if (draft) plan.counts.pageDrafts += 1;
    }
  };
  const postTagFields = (itemLabels: readonly string[]) => {
    const { tags, oldLabels } = tagsForLabels(itemLabels, labels);
    return { tags, ...(Object.keys(oldLabels).length > 0 ? { oldLabels } : {}) };
  };
  const planUnreadable = (item: BloggerItem, error: unknown): void => {
    const isPost = item.kind === 'post';
    const title = item.title || `Untitled ${item.kind} of ${item.published.slice(0, 10)}`;
    const slug = uniqueSlug(slugForItem({ ...item, title }), isPost ? postSlugs : pageSlugs);
    const file = isPost ? `posts/${slug}/index.md` : `pages/${slug}.md`;
    plan.errors.push(
      `${describeItem({ ...item, title })} could not be converted (${error instanceof Error ? error.message : String(error)}); it is imported as a draft holding its original HTML in ${file}: rewrite it or delete it`,
    );
    const data = {
      title,
      description: title,
      ...(isPost ? { pubDate: item.published } : {}),
      draft: true,
      ...(isPost ? { ...postTagFields(item.labels), author: authorId(item.author), kind: 'article' } : {}),
      ...(item.oldPath ? { redirectFrom: [item.oldPath] } : {}),
      typography: false,
    };
    plan.files.push({
      path: file,
      source: item.id,
      text: frontmatter(
        data,
        `The original HTML of this ${item.kind}, which the importer could not read:\n\n${fencedHtml(item.html)}`,
      ),
    });
    if (isPost) {
      postSlugById.set(shortId(item.id), slug);
      plan.counts.posts += 1;
      plan.counts.drafts += 1;
    } else {
      plan.counts.pages += 1;
      plan.counts.pageDrafts += 1;
    }
  };
  for (const original of sorted) {
    // One entry the converter cannot read never stops the import: it is kept as a draft holding
    // its original HTML, and reported with its title and old address.
    const filesBefore = plan.files.length;
    const copiesBefore = plan.copies.length;
    claimed = undefined;
    try {
      planItem(original);
    } catch (error) {
      plan.files.length = filesBefore;
      plan.copies.length = copiesBefore;
      if (claimed) (original.kind === 'post' ? postSlugs : pageSlugs).delete(claimed);
      planUnreadable(original, error);
    }
  }
  // Labels as the export spells them (one count per spelling), as before they were merged.
  plan.counts.labels = labels.tagOf.size;

  // A comment the export gives no usable date is dated by its post (it cannot be older), and listed.
  const itemById = new Map(exported.items.map((item) => [shortId(item.id), item]));
  const postDateById = new Map(exported.items.map((item) => [shortId(item.id), item.published]));
  const dated = exported.comments.map((comment) => {
    if (comment.published) return comment;
    const postDate = postDateById.get(shortId(comment.postId));
    if (!postDate) return comment; // skipped below: its post is not in the export
    plan.errors.push(
      `the comment by ${comment.author.name} (${comment.id}): ${comment.dateProblem ?? 'it has no date'}; it is dated by its post, ${postDate}`,
    );
    return { ...comment, published: postDate };
  });
  // Comments, oldest first, named by date, author and id so the names never change between runs.
  const fileNameById = new Map<string, string>();
  const comments = dated.sort((a, b) => a.published.localeCompare(b.published));
  for (const comment of comments) {
    const authorSlug = slugFromTitle(comment.author.name) || 'reader';
    fileNameById.set(
      shortId(comment.id),
      `${comment.published.slice(0, 10)}-${authorSlug}-${shortId(comment.id).slice(-6)}`,
    );
  }
  for (const comment of comments) {
    const postSlug = postSlugById.get(shortId(comment.postId));
    if (!postSlug) {
      // Pages take no comments here, and an entry the export lacks has no page: the words are kept
      // in the report, under the entry they answered.
      const entry = itemById.get(shortId(comment.postId));
      const on = entry
        ? `the ${entry.kind} ${describeItem(entry)}`
        : `an entry the export does not hold (${comment.postId})`;
      const reason = entry?.kind === 'page' ? 'pages here take no comments' : 'it has no page here';
      let markdown: string;
      try {
        markdown = commentHtmlToMarkdown(comment.html).markdown.trim();
      } catch {
        markdown = commentWordsOf(comment.html);
      }
      const about = `the comment by ${comment.author.name} of ${comment.published.slice(0, 10) || 'no date'} on ${on}`;
      plan.skipped.push({ id: comment.id, reason: `${about}: ${reason}; its text is in the report` });
      plan.commentsNotShown.push({ about: `${about} (${comment.id})`, markdown });
      continue;
    }
    const name = fileNameById.get(shortId(comment.id))!;
    const replyTo = comment.replyToId ? fileNameById.get(shortId(comment.replyToId)) : undefined;
    if (comment.replyToId && !replyTo) {
      plan.warnings.push(
        `comment ${comment.id} answers a comment that is not in the export; it is imported as a top-level comment`,
      );
    }
    let body: string;
    const about = `the comment by ${comment.author.name} on ${postSlug} (${comment.id})`;
    try {
      const converted = commentHtmlToMarkdown(comment.html, ownBlog);
      body = converted.markdown;
      for (const note of converted.notes) {
        (INFORMATIVE.has(note.kind) ? plan.notes : plan.warnings).push(`${about}: ${note.message}`);
      }
    } catch (error) {
      // A comment the converter cannot read keeps its words as text (a comment is data, never raw HTML).
      body = commentWordsOf(comment.html);
      plan.errors.push(
        `the comment by ${comment.author.name} (${comment.id}) could not be converted (${error instanceof Error ? error.message : String(error)}); its text is kept without its markup`,
      );
    }
    if (!body.trim()) {
      plan.skipped.push({ id: comment.id, reason: `${about} showed nothing (no text in its HTML)` });
      continue;
    }
    plan.files.push({
      path: `comments/${postSlug}/${name}.md`,
      source: comment.id,
      text: frontmatter(
        {
          author: comment.author.name,
          date: comment.published,
          ...(comment.author.uri ? { website: comment.author.uri } : {}),
          ...(replyTo ? { replyTo } : {}),
          ...(isFeedId(comment.id) ? { feedId: comment.id } : {}),
        },
        body,
      ),
    });
    plan.counts.comments += 1;
  }
  return plan;
}

/**
 * A comment's words when the converter cannot read its HTML: tags removed, each run of spaces and
 * tabs made one space, line breaks kept, trimmed. A comment is data, so no markup survives.
 */
function commentWordsOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}
