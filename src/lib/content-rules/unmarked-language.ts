import { exampleLanguageOfScript, getTextDirection, getUnmarkedLanguage, otherScriptThan } from '../language.ts';
import type { ContentRule } from './types.ts';

/** What a language tag is called in English ("zh" → "Chinese"), for the message. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * A post with no `lang` whose text is in another script than the site's language (a Chinese post
 * in an English blog) is served and searched in the language its script shows
 * (getUnmarkedLanguage, which src/data/posts.ts applies too); the editor is told, with the line
 * to add. A notice, not an error: the post builds, and search finds its words.
 *
 * Text in a script several languages share (Cyrillic: Russian or Ukrainian? Arabic: Arabic, Persian
 * or Urdu? Devanagari: Hindi or Marathi?) names no language, so the post stays in the site's; the
 * editor is told so, with the script's most used language as an example, and that a right-to-left
 * script is shown left to right until the post names its language.
 */
export const unmarkedLanguage: ContentRule = {
  name: 'unmarked-language',
  checks: 'a post without lang whose text is in another language’s script is said to be served in that language',
  scope: 'post',
  check(post, { input }) {
    const data = (post.fm.data ?? {}) as Record<string, unknown>;
    if (data.lang !== undefined) return [];
    const title = typeof data.title === 'string' ? data.title : '';
    const text = `${title}\n${post.fm.body}`;
    const found = getUnmarkedLanguage(text, input.language);
    const site = languageNames.of(input.language) ?? input.language;
    if (!found) {
      const script = otherScriptThan(text, input.language);
      const example = script && exampleLanguageOfScript(script);
      if (!script || !example) return [];
      const backwards =
        getTextDirection(example) === 'rtl' && getTextDirection(input.language) === 'ltr'
          ? ', and shown left to right'
          : '';
      return [
        {
          file: post.file.path,
          line: 1,
          field: 'lang',
          message: `none given, and the text is written in the ${script} script, not the site's ${site}: it is served and searched as "${input.language}"${backwards}. Add the line lang: with its language to the frontmatter, e.g. lang: ${example} for ${languageNames.of(example) ?? example}`,
          severity: 'notice',
        },
      ];
    }
    return [
      {
        file: post.file.path,
        line: 1,
        field: 'lang',
        message: `none given, and the text is written in ${languageNames.of(found) ?? found}, not the site's ${site}: it is served and searched as "${found}". Add the line lang: ${found}${found === 'zh' ? ' (or zh-Hans, zh-Hant for the characters it uses)' : ''} to the frontmatter to say so, or another tag if it is another language`,
        severity: 'notice',
      },
    ];
  },
};
