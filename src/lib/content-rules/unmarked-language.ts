import { getUnmarkedLanguage } from '../language.ts';
import type { ContentRule } from './types.ts';

/** What a language tag is called in English ("zh" → "Chinese"), for the message. */
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * A post with no `lang` whose text is in another script than the site's language (a Chinese post
 * in an English blog) is served and searched in the language its script shows
 * (getUnmarkedLanguage, which src/data/posts.ts applies too); the editor is told, with the line
 * to add. A notice, not an error: the post builds, and search finds its words.
 */
export const unmarkedLanguage: ContentRule = {
  name: 'unmarked-language',
  checks: 'a post without lang whose text is in another language’s script is said to be served in that language',
  scope: 'post',
  check(post, { input }) {
    const data = (post.fm.data ?? {}) as Record<string, unknown>;
    if (data.lang !== undefined) return [];
    const title = typeof data.title === 'string' ? data.title : '';
    const found = getUnmarkedLanguage(`${title}\n${post.fm.body}`, input.language);
    if (!found) return [];
    return [
      {
        file: post.file.path,
        line: 1,
        field: 'lang',
        message: `none given, and the text is written in ${languageNames.of(found) ?? found}, not the site's ${languageNames.of(input.language) ?? input.language}: it is served and searched as "${found}". Add the line lang: ${found}${found === 'zh' ? ' (or zh-Hans, zh-Hant for the characters it uses)' : ''} to the frontmatter to say so, or another tag if it is another language`,
        severity: 'notice',
      },
    ];
  },
};
