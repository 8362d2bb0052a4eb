/**
 * Language tags (BCP 47, RFC 5646): checked against the IANA Language Subtag Registry with the
 * `language-tags` package, written in their canonical case (zh-hant → zh-Hant), and what follows
 * from a tag: the direction its script is written in.
 */
import { search, tags } from 'language-tags';

/** A tag that passed the checks, in canonical case; or why it did not, with the tag to write instead. */
export type LanguageTagResult = { ok: true; tag: string } | { ok: false; message: string; suggestion?: string };

/** Region codes people write that ISO 3166 only reserves: the registry lacks them, but their meaning is plain. */
const RESERVED_REGIONS: Record<string, string> = { uk: 'GB', el: 'GR' };

/** The registry's verdict on a tag, with a syntax check the package skips (an empty subtag, "en--GB"). */
function check(value: string): { valid: boolean; tag: string; errors: string[] } {
  if (/^-|--|-$/.test(value)) return { valid: false, tag: value, errors: ['an empty subtag'] };
  // An extension's singleton ("-a-", "-u-") must be followed by at least one subtag (RFC 5646, 2.2.6).
  if (/-[0-9a-wyz](?:-.(?:-|$)|-?$)/i.test(value)) return { valid: false, tag: value, errors: ['an empty extension'] };
  const tag = tags(value);
  return { valid: tag.valid(), tag: tag.format(), errors: tag.errors().map((error) => error.message) };
}

/** Tags an editor may have meant by an invalid one, most likely first; only valid ones are kept. */
function candidatesFor(value: string): string[] {
  const dashed = value.trim().replace(/_/g, '-');
  const parts = dashed.split('-').filter(Boolean);
  const candidates = [dashed, parts.join('-')];
  // "en-UK": a reserved region code in the region's place.
  if (parts.length >= 2 && RESERVED_REGIONS[parts[1]!.toLowerCase()]) {
    candidates.push([parts[0], RESERVED_REGIONS[parts[1]!.toLowerCase()], ...parts.slice(2)].join('-'));
  }
  // Deprecated subtags ("iw", "mo") and whole tags ("zh-yue", "i-klingon") have a preferred value.
  const tag = tags(dashed);
  const preferred = tag.deprecated() ? tag.preferred() : null;
  if (preferred) candidates.push(preferred.format());
  candidates.push(
    tag
      .subtags()
      .map((subtag) => (subtag.deprecated() ? (subtag.preferred()?.format() ?? subtag.format()) : subtag.format()))
      .join('-'),
  );
  // "en-Latn": a script the language is always written in is left out.
  candidates.push(
    tag
      .subtags()
      .filter((subtag) => !(subtag.type() === 'script' && tag.language()?.script()?.format() === subtag.format()))
      .map((subtag) => subtag.format())
      .join('-'),
  );
  // "Chinese", "english": the name of a language rather than its code.
  const name = value.trim().toLowerCase();
  if (/^[a-z][a-z ]+$/.test(name)) {
    const named = search(name).find(
      (subtag) =>
        'type' in subtag &&
        subtag.type() === 'language' &&
        subtag.descriptions().some((description) => description.toLowerCase() === name),
    );
    if (named) candidates.push(named.format());
  }
  return [...new Set(candidates.filter((candidate) => candidate && check(candidate).valid).map((c) => check(c).tag))];
}

/**
 * Checks a BCP 47 language tag (RFC 5646) against the IANA registry and returns it in canonical
 * case ("zh-hant" → "zh-Hant", "EN-gb" → "en-GB"). An invalid tag ("pt_BR", "en-UK", "chinese",
 * a deprecated "iw") gets a sentence saying what is wrong, and the tag to write when one is likely
 * ("pt-BR", "en-GB", "zh", "he").
 */
export function parseLanguageTag(value: string): LanguageTagResult {
  const trimmed = value.trim();
  const checked = trimmed ? check(trimmed) : { valid: false, tag: '', errors: ['empty'] };
  if (checked.valid) return { ok: true, tag: checked.tag };
  const [suggestion] = candidatesFor(trimmed);
  const shown = JSON.stringify(value);
  const deprecated = checked.errors.some((error) => /deprecated/i.test(error));
  const what = deprecated ? `${shown} is a deprecated language tag` : `${shown} is not a valid BCP 47 language tag`;
  return suggestion
    ? { ok: false, message: `${what}; write ${suggestion}`, suggestion }
    : {
        ok: false,
        message: `${what}; write a language code with an optional script or region, such as en-GB, pt-BR, es-419 or zh-Hant`,
      };
}

/**
 * The direction a language's script runs: "rtl" for Arabic, Hebrew, Persian, Urdu, Yiddish and any
 * tag whose script is right-to-left (az-Arab), else "ltr". The rule is the CLDR data behind
 * Intl.Locale#getTextInfo (Intl Locale Info, in Node's engine), which fills in the likely script
 * of a bare language.
 */
export function getTextDirection(tag: string): 'ltr' | 'rtl' {
  try {
    return new Intl.Locale(tag).getTextInfo().direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/**
 * Whether two tags name the same language for a reader (and so need no lang attribute between
 * them): compared case-insensitively, as BCP 47 compares tags.
 */
export function isSameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * A tag as Open Graph's og:locale wants it, language_TERRITORY ("pt-BR" → "pt_BR"); a tag with no
 * two-letter region gives its language alone ("ja", "es-419" → "es").
 */
export function toOpenGraphLocale(tag: string): string {
  const locale = new Intl.Locale(tag);
  return locale.region && /^[A-Z]{2}$/.test(locale.region) ? `${locale.language}_${locale.region}` : locale.language;
}

/** The attributes that mark text in one language inside an element in another (WCAG 3.1.2). */
export interface LangAttributes {
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * `lang` (and `dir` when the direction changes) for text in `lang` placed inside an element whose
 * language is `around`; nothing when both are the same language, so pages in one language carry no
 * extra attributes.
 */
export function getLangAttributes(lang: string, around: string): LangAttributes {
  if (isSameLanguage(lang, around)) return {};
  const dir = getTextDirection(lang);
  return dir === getTextDirection(around) ? { lang } : { lang, dir };
}

/**
 * Scripts that one language owns, so that text in them says its language however short it is:
 * Greek, Hebrew, Thai, Korean (Hangul) and Japanese (kana). Devanagari, Arabic and Cyrillic serve
 * several languages; Han serves Chinese and Japanese (and Korean in older text).
 */
const OWN_SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
];
/** Letters of such a script a text needs before its script alone names its language. */
const MIN_SCRIPT_LETTERS = 12;

/**
 * The language a text's script names on its own (languages owned by one script: Greek, Hebrew,
 * Thai, Korean, Japanese kana; with `hanIsChinese`, Han characters with no kana are Chinese), when
 * at least 12 of its letters and more than half of all its letters (Unicode \p{L}) are in that
 * script; else undefined.
 */
export function languageOfScript(text: string, { hanIsChinese = false } = {}): string | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const scripts: readonly [RegExp, string][] = hanIsChinese
    ? [...OWN_SCRIPTS, [/\p{Script=Han}/gu, 'zh']]
    : OWN_SCRIPTS;
  for (const [script, language] of scripts) {
    const count = text.match(script)?.length ?? 0;
    // Japanese mixes kana into its Han text: mostly Han with kana among it is Japanese, not Chinese.
    if (language === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) continue;
    if (count >= MIN_SCRIPT_LETTERS && count > letters / 2) return language;
  }
  return undefined;
}

/**
 * The ISO 15924 codes of the writing systems that use Han characters (CLDR's likely scripts of
 * Chinese, Japanese and Korean): a site in one of them does not read Han text as Chinese.
 */
const HAN_SCRIPTS: readonly string[] = ['Hans', 'Hant', 'Jpan', 'Kore'];

/**
 * The language a post or page that names none is written in, when its text shows it is not the
 * site's: most of its letters are in a script one language owns (languageOfScript, Han without
 * kana read as Chinese unless the site's own language is written in Han: Chinese, Japanese,
 * Korean), and that language is not the site's. Undefined when the text says nothing else, so the
 * site's language applies. The language decides how search splits the text into words (Pagefind
 * segments Chinese and Japanese only for pages marked so) and how its reading time is counted.
 * `siteLanguage` is a BCP 47 tag; scripts are CLDR's likely scripts (Intl.Locale#maximize).
 */
export function getUnmarkedLanguage(text: string, siteLanguage: string): string | undefined {
  const siteScript = new Intl.Locale(siteLanguage).maximize().script ?? '';
  const found = languageOfScript(text, { hanIsChinese: !HAN_SCRIPTS.includes(siteScript) });
  if (!found) return undefined;
  return new Intl.Locale(found).language === new Intl.Locale(siteLanguage).language ? undefined : found;
}

/**
 * Scripts a text's letters may be in, by their Unicode name, the ISO 15924 codes they serve, and
 * the language to give as an example of one written in it (the most used; '' for Latin, which
 * too many share for one to stand for them).
 */
const SCRIPTS: readonly [name: string, pattern: RegExp, codes: readonly string[], example: string][] = [
  ['Latin', /\p{Script=Latin}/gu, ['Latn'], ''],
  ['Cyrillic', /\p{Script=Cyrillic}/gu, ['Cyrl'], 'ru'],
  ['Greek', /\p{Script=Greek}/gu, ['Grek'], 'el'],
  ['Arabic', /\p{Script=Arabic}/gu, ['Arab'], 'ar'],
  ['Hebrew', /\p{Script=Hebrew}/gu, ['Hebr'], 'he'],
  ['Devanagari', /\p{Script=Devanagari}/gu, ['Deva'], 'hi'],
  ['Bengali', /\p{Script=Bengali}/gu, ['Beng'], 'bn'],
  ['Gurmukhi', /\p{Script=Gurmukhi}/gu, ['Guru'], 'pa'],
  ['Gujarati', /\p{Script=Gujarati}/gu, ['Gujr'], 'gu'],
  ['Tamil', /\p{Script=Tamil}/gu, ['Taml'], 'ta'],
  ['Telugu', /\p{Script=Telugu}/gu, ['Telu'], 'te'],
  ['Kannada', /\p{Script=Kannada}/gu, ['Knda'], 'kn'],
  ['Malayalam', /\p{Script=Malayalam}/gu, ['Mlym'], 'ml'],
  ['Sinhala', /\p{Script=Sinhala}/gu, ['Sinh'], 'si'],
  ['Thai', /\p{Script=Thai}/gu, ['Thai'], 'th'],
  ['Lao', /\p{Script=Lao}/gu, ['Laoo'], 'lo'],
  ['Khmer', /\p{Script=Khmer}/gu, ['Khmr'], 'km'],
  ['Myanmar', /\p{Script=Myanmar}/gu, ['Mymr'], 'my'],
  ['Georgian', /\p{Script=Georgian}/gu, ['Geor'], 'ka'],
  ['Armenian', /\p{Script=Armenian}/gu, ['Armn'], 'hy'],
  ['Ethiopic', /\p{Script=Ethiopic}/gu, ['Ethi'], 'am'],
  ['Hangul', /\p{Script=Hangul}/gu, ['Kore'], 'ko'],
  ['kana', /[\p{scx=Hiragana}\p{scx=Katakana}]/gu, ['Jpan'], 'ja'],
  ['Han', /\p{Script=Han}/gu, HAN_SCRIPTS, 'zh'],
];

/**
 * A language written in a script as otherScriptThan names it, to give as an example (`ka` for
 * "Georgian", `ja` for "kana", `zh` for "Han"): the script's most used language, from CLDR's
 * likely script of that language. Undefined for Latin, which many languages share, and for a name
 * it does not know.
 */
export function exampleLanguageOfScript(script: string): string | undefined {
  return SCRIPTS.find(([name]) => name === script)?.[3] || undefined;
}

/**
 * The script most of a text's letters are in, when it is not one the language `language` (BCP 47)
 * is usually written in (CLDR's likely subtags, through Intl.Locale): "Cyrillic" for a Russian title
 * in a Japanese blog. Undefined when the text has fewer than 3 letters, no script has most of them,
 * or the script is the language's own. For a post too short to tell its language, so the Blogger
 * import can ask the owner instead of marking it with the blog's.
 */
export function otherScriptThan(text: string, language: string): string | undefined {
  let usual: string | undefined;
  try {
    usual = new Intl.Locale(language).maximize().script;
  } catch {
    return undefined;
  }
  // Letters only: the vowel signs of Indic scripts are marks, which are in the script but are no letters.
  const letters = text.match(/\p{L}/gu)?.join('') ?? '';
  const count = [...letters].length;
  if (count < 3 || !usual) return undefined;
  for (const [name, pattern, codes] of SCRIPTS) {
    if ((letters.match(pattern)?.length ?? 0) > count / 2) return codes.includes(usual) ? undefined : name;
  }
  return undefined;
}
