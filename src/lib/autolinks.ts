/**
 * Where an address written bare in text ends. GFM's autolink literals end an address only at a
 * space, "<", or ASCII punctuation at its end (GFM spec 0.29, "Autolinks (extension)"), so in a
 * script written without spaces, or after a curly quote, the link takes in the rest of the sentence:
 * `看：https://zh.wikipedia.org/wiki/按摩。下一句` links to ".../按摩。下一句", and `“https://example.com”`
 * to ".../”". These marks almost never belong in an address and almost always end one.
 */

// Non-ASCII quotation marks and brackets (“ ” « » 「 」 【 】 （ ）...): Unicode's Pi, Pf, Ps and Pe.
const OTHER_QUOTES_AND_BRACKETS = /(?![\p{ASCII}])[\p{Pi}\p{Pf}\p{Ps}\p{Pe}]/u;
// Sentence and clause marks of other scripts: the ellipsis; CJK 、。 and full-width ！，．：；？ and
// half-width 。、; Arabic ، ؛ ؟ ۔; Devanagari । ॥; Armenian ։; Ethiopic ። to ፨; Myanmar ၊ ။;
// Khmer ។ ៕; Tibetan །; the ideographic space. Dashes and "·" stay: Wikipedia titles hold them.
const OTHER_SENTENCE_MARKS =
  /[\u2026\u3000-\u3002\uFF01\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF61\uFF64\u060C\u061B\u061F\u06D4\u0964\u0965\u0589\u1362-\u1368\u104A\u104B\u17D4\u17D5\u0F0D]/u;

/**
 * The length of the address at the start of `text`, an autolink literal as GFM read it: up to the
 * first non-ASCII quotation mark, bracket or sentence mark (see above), or all of it. Pure; in UTF-16
 * code units, like String.prototype.slice.
 */
export function autolinkLength(text: string): number {
  const quote = OTHER_QUOTES_AND_BRACKETS.exec(text)?.index ?? text.length;
  const mark = OTHER_SENTENCE_MARKS.exec(text)?.index ?? text.length;
  return Math.min(quote, mark);
}

/**
 * An autolink literal cut where its address ends (autolinkLength): `{ href, text, rest }`, where
 * `href` keeps GFM's encoding of the part kept and `rest` is the text after it. Undefined when the
 * link is not an autolink literal (its text is not its address, "www." form and "mailto:" aside) or
 * nothing needs cutting.
 */
export function cutAutolink(href: string, text: string): { href: string; text: string; rest: string } | undefined {
  let decoded: string;
  try {
    decoded = decodeURI(href);
  } catch {
    return undefined;
  }
  const prefix = decoded === text ? '' : decoded === `http://${text}` ? 'http://' : undefined;
  if (prefix === undefined) return undefined;
  const length = autolinkLength(text);
  // An address cut to nothing, or to its scheme alone, is not cut: the content check reports it.
  if (length >= text.length || !/[^/:]\.[^/]/u.test(text.slice(0, length))) return undefined;
  const kept = href.slice(0, href.length - encodeURI(text.slice(length)).length);
  if (decodeURI(kept) !== `${prefix}${text.slice(0, length)}`) return undefined;
  return { href: kept, text: text.slice(0, length), rest: text.slice(length) };
}
