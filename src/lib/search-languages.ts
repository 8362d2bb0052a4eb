/**
 * Which of the search index's languages a search page must add to the one Pagefind loads for it.
 * Pagefind writes one index per page language (<html lang>, lowercased: "en-gb", "zh", "ja") and,
 * in the browser, loads only the index of the searching page's own language; a reader on the
 * site's (English) search page would never find a Chinese post. The page merges the others in
 * (pagefind.mergeIndex with a `language`), so one search covers every language of the site.
 */

/** pagefind-entry.json's `languages`: index key → its page count. */
export type SearchIndexLanguages = Record<string, { page_count: number }>;

/**
 * The index Pagefind loads for a page in `pageLang`, by its own rule: the exact language, else the
 * page's base language ("en" for "en-gb"), else the index with the most pages.
 */
export function getPrimarySearchLanguage(languages: SearchIndexLanguages, pageLang: string): string | undefined {
  const lang = pageLang.toLowerCase();
  if (languages[lang]) return lang;
  const base = lang.split('-')[0]!;
  if (languages[base]) return base;
  return Object.entries(languages).sort(([, a], [, b]) => b.page_count - a.page_count)[0]?.[0];
}

/** Every other language of the index, in a stable order, to merge into the page's search. */
export function getOtherSearchLanguages(languages: SearchIndexLanguages, pageLang: string): string[] {
  const primary = getPrimarySearchLanguage(languages, pageLang);
  return Object.keys(languages)
    .filter((language) => language !== primary)
    .sort();
}

/**
 * Languages whose pages Pagefind splits into words when indexing (its "specialized languages",
 * Chinese and Japanese, in the extended build the npm package runs, and Thai). Their index needs
 * its own language; a search in them works from any page, since Pagefind's browser code splits the
 * query by the language of the index it searches. Thai, written without spaces, indexed as the
 * site's language was one term per run between spaces: กล้ามเนื้อ (muscle) and แพทย์ (doctor),
 * inside such runs, were not found.
 */
const SEGMENTED_LANGUAGES = new Set(['zh', 'ja', 'th']);

/**
 * The language a page is indexed under for search. Pagefind searches a merged index with the
 * stemmer of the page it runs on, which is always the site's search page; so a page in another
 * language that Pagefind would stem (Arabic, Portuguese...) is indexed under the site's language,
 * and its words are found as written rather than missed (the Arabic stem of الكتفين is never what
 * an English page's stemmer makes of it). Chinese, Japanese and Thai keep their own index: they
 * need word segmentation, which only their own language gives.
 */
export function getSearchIndexLanguage(pageLang: string, siteLang: string): string {
  const base = pageLang.toLowerCase().split('-')[0]!;
  return SEGMENTED_LANGUAGES.has(base) ? pageLang : siteLang;
}

/** A page's HTML with its <html lang> set to `lang`, as Pagefind reads a page's language from it. */
export function withDocumentLanguage(html: string, lang: string): string {
  return html.replace(/<html\b[^>]*>/i, (tag) => {
    const attribute = ` lang="${lang.replace(/[^A-Za-z0-9-]/g, '')}"`;
    return /\slang=(["'])[^"']*\1/i.test(tag)
      ? tag.replace(/\slang=(["'])[^"']*\1/i, attribute)
      : tag.replace(/^<html\b/i, `<html${attribute}`);
  });
}
