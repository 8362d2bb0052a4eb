/**
 * The language of a blog whose export does not say it. A "Back up content" file carries the blog's
 * language as a settings entry (BLOG_LOCALE); a Google Takeout feed.atom has no settings entries at
 * all, so without `--language` the import would serve, say, a Russian blog as the site's en-GB.
 * Here the language is read from the posts' own text by franc (trigram statistics; from the
 * unified collective, whose HTML and Markdown tools the import already uses), and the owner is
 * told either way.
 */
import { franc, francAll } from 'franc';
import type { Element } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { languageOfScript, otherScriptThan } from '../language.ts';

/** Text shorter than this says too little of its language (franc's own advice: the longer the better). */
const MIN_TEXT = 120;
/**
 * The same for text mostly in Chinese, Japanese or Korean characters, each of which says as much
 * as a word (and whose script alone tells franc the language).
 */
const MIN_DENSE_TEXT = 40;
const DENSE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** What is read of each entry: enough to know its language, little enough to stay quick on big blogs. */
const SAMPLE = 2000;
/** The share of the entries read that must agree before a language is called the blog's. */
const MAJORITY = 0.6;

const parser = unified().use(rehypeParse, { fragment: true });

/** The words of an entry's HTML as a reader sees them: no markup, no addresses, no code. */
function readableText(title: string, html: string): string {
  const tree = parser.parse(html);
  // Code and preformatted text are in no human language; scripts and styles are not shown.
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined || !['pre', 'code', 'script', 'style'].includes(node.tagName)) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return `${title}. ${hastToString(tree)}`
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The languages a Blogger blog can be set to (its Settings > Language list), by the ISO 639-3 code
 * franc gives each, with the BCP 47 tag the site takes. A blog's language is one of these, so franc
 * chooses among them only: among all of its languages, a paragraph of plain English comes out as
 * Scots (`sco`), which no Blogger blog can be set to.
 */
const BLOGGER_LANGUAGES: Readonly<Record<string, string>> = {
  afr: 'af',
  amh: 'am',
  arb: 'ar',
  ben: 'bn',
  bul: 'bg',
  cat: 'ca',
  cmn: 'zh',
  hrv: 'hr',
  ces: 'cs',
  dan: 'da',
  nld: 'nl',
  eng: 'en',
  ekk: 'et',
  tgl: 'fil',
  fin: 'fi',
  fra: 'fr',
  glg: 'gl',
  deu: 'de',
  ell: 'el',
  guj: 'gu',
  heb: 'he',
  hin: 'hi',
  hun: 'hu',
  ind: 'id',
  ita: 'it',
  jpn: 'ja',
  kan: 'kn',
  kor: 'ko',
  lvs: 'lv',
  lit: 'lt',
  zlm: 'ms',
  mal: 'ml',
  mar: 'mr',
  nob: 'nb',
  pes: 'fa',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rus: 'ru',
  srp: 'sr',
  slk: 'sk',
  slv: 'sl',
  spa: 'es',
  swh: 'sw',
  swe: 'sv',
  tam: 'ta',
  tel: 'te',
  tha: 'th',
  tur: 'tr',
  ukr: 'uk',
  urd: 'ur',
  vie: 'vi',
  zul: 'zu',
};
const FRANC_ONLY = Object.keys(BLOGGER_LANGUAGES);

/** What detectBlogLanguage found. */
export interface DetectedLanguage {
  /** A BCP 47 language tag without a region (`pt`, `ru`, `ro`): the text says the language, not the country. */
  language: string;
  /** Entries written in it, of `read`: the entries with enough text to tell. */
  entries: number;
  read: number;
}

/**
 * The language most of a blog's entries (`title` and `html` of each post and page) are written in,
 * detected from their text: each entry with enough words (120 characters, or 40 in Chinese, Japanese or Korean; the first 2000 read) is
 * given its most probable language by franc (among the languages Blogger offers), or by its script
 * alone when one language owns it (languageOfScript, however short), and a language is the blog's
 * when at least 60% of those entries agree and they are at least half of the entries with any text. Undefined when no entry has enough text, or when no language has that
 * majority (a blog in two languages): the caller then assumes one and says so.
 */
export function detectBlogLanguage(entries: readonly { title: string; html: string }[]): DetectedLanguage | undefined {
  const votes = new Map<string, number>();
  let read = 0;
  let withText = 0;
  for (const entry of entries) {
    const text = readableText(entry.title, entry.html).slice(0, SAMPLE);
    if (/\p{L}/u.test(text)) withText += 1;
    const minLength = (text.match(DENSE)?.length ?? 0) > text.length / 3 ? MIN_DENSE_TEXT : MIN_TEXT;
    const byScript = languageOfScript(text);
    if (!byScript && text.length < minLength) continue;
    const language = byScript ?? BLOGGER_LANGUAGES[franc(text, { minLength, only: FRANC_ONLY })];
    read += 1;
    if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  const [best] = [...votes].sort((a, b) => b[1] - a[1]);
  // One long post among many short ones in other scripts is no evidence for the whole blog.
  if (!best || best[1] < read * MAJORITY || read < withText / 2) return undefined;
  return { language: best[0], entries: best[1], read };
}

/** Text a post must hold before it is given a language of its own, apart from its blog's. */
const MIN_OWN_TEXT = 200;
/** The same for text mostly in Chinese, Japanese or Korean characters. */
const MIN_OWN_DENSE_TEXT = 80;
/**
 * How far below the best language the blog's may score (franc's scores, relative to the best's 1)
 * before a post is said to be in another language. Close languages score close (a Portuguese post
 * scored 0.90 as Spanish and 0.94 as Galician, a Spanish one 0.92 as Portuguese), far ones do not (a
 * Romanian blog's English notice: Romanian below 0.72); a post whose blog language scores 0.9 or
 * more keeps it, so a Spanish post in a Portuguese blog may stay Portuguese.
 */
const OWN_LANGUAGE_GAP = 0.9;

/**
 * The language of one post or page when its text is clearly in another than its blog's
 * (`blogLanguage`, a BCP 47 tag): a Romanian blog's English post, a Portuguese blog's Spanish one.
 * A text in a script one language owns (languageOfScript: Greek, Hebrew, Thai, Korean, kana) is
 * that language however short. Otherwise stricter than detectBlogLanguage, since one entry has only
 * its own words: the text must be 200
 * characters long (80 in Chinese, Japanese or Korean), the best language must be one Blogger offers,
 * and the blog's language must score below 0.9 of it in franc's ranking. Returns the BCP 47 primary
 * tag (`en`), or undefined when the entry is in the blog's language, too short, or unclear. A blog
 * language franc does not know (`fy`, say) gives undefined: nothing to weigh the post against.
 */
export function detectEntryLanguage(entry: { title: string; html: string }, blogLanguage: string): string | undefined {
  const blogPrimary = blogLanguage.toLowerCase().split('-')[0]!;
  const blogCode = Object.keys(BLOGGER_LANGUAGES).find((code) => BLOGGER_LANGUAGES[code] === blogPrimary);
  if (!blogCode) return undefined;
  const text = readableText(entry.title, entry.html).slice(0, SAMPLE);
  const byScript = languageOfScript(text);
  if (byScript) return byScript === blogPrimary ? undefined : byScript;
  const dense = (text.match(DENSE)?.length ?? 0) > text.length / 3;
  const minLength = dense ? MIN_OWN_DENSE_TEXT : MIN_OWN_TEXT;
  if (text.length < minLength) return undefined;
  const ranking = francAll(text, { minLength, only: FRANC_ONLY });
  const [best] = ranking;
  if (!best || best[0] === 'und' || best[0] === blogCode) return undefined;
  const blogScore = ranking.find(([code]) => code === blogCode)?.[1] ?? 0;
  return blogScore < OWN_LANGUAGE_GAP ? BLOGGER_LANGUAGES[best[0]] : undefined;
}

/** The script of an entry's readable text when it is not the usual one of `language` (see otherScriptThan). */
export function entryInOtherScript(entry: { title: string; html: string }, language: string): string | undefined {
  return otherScriptThan(readableText(entry.title, entry.html).slice(0, SAMPLE), language);
}

/** The blog's language for the import, and the line that tells the owner where it came from. */
export interface BlogLanguageChoice {
  /** The language to import the blog in; undefined means the site's own is kept. */
  language?: string | undefined;
  /** For the summary and the report's changes to check; undefined when the export said it. */
  note?: string | undefined;
}

/**
 * Where the blog's language comes from, in this order: `stated`, what the owner or the export said
 * (the `--language` flag, else the export's BLOG_LOCALE settings entry, which a "Back up content"
 * file has and a Takeout feed.atom never has); else the posts' text (detectBlogLanguage); else the
 * site's language, assumed. Both export formats go the same way. Whatever was not stated comes with
 * a note for the owner naming the language taken and how to change it. A detected language that is
 * the site's (`en` for a site in `en-GB`) keeps the site's tag, region and all.
 */
export function chooseBlogLanguage(
  stated: string | undefined,
  entries: readonly { title: string; html: string }[],
  siteLanguage: string,
): BlogLanguageChoice {
  if (stated) return { language: stated };
  const detected = detectBlogLanguage(entries);
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  const missing = "the export does not say the blog's language";
  const change = 'pass --language with its tag (such as --language pt-BR) to change it';
  if (!detected) {
    return {
      note: `${missing}, and its text shows no one language clearly; it is assumed to be the site's, ${siteLanguage}; ${change}`,
    };
  }
  const same = primary(detected.language) === primary(siteLanguage);
  const taken = same ? `the site's language, ${siteLanguage}` : detected.language;
  return {
    language: same ? undefined : detected.language,
    note: `${missing}; its text is in ${detected.language} (${detected.entries} of the ${detected.read} posts and pages with enough text to tell), so it is imported as ${taken}; ${change}`,
  };
}
