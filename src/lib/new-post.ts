import type { PostKind } from './post-kinds.ts';
import { slugify } from './slugs.ts';

export type { PostKind };

export interface NewPostOptions {
  title: string;
  kind: PostKind;
  /** Today's date in the site's time zone, as YYYY-MM-DD. */
  today: string;
  author: string;
  description?: string | undefined;
  tags?: string[] | undefined;
}

/** A YAML string that survives any title: quotes, colons, emoji, right-to-left text. */
function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Latin letters that are no base letter with an accent, so that taking accents off (NFKD) leaves
 * them as they are, and an ASCII slug would lose them: each as it is written in ASCII ("Straße" →
 * "strasse", "ılık" → "ilik", "Łódź" → "lodz", "Ærø" → "aero").
 */
const ASCII_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'ng',
  Ŋ: 'NG',
};

/**
 * A title with the marks that would merge or lose words in its slug spelled out first: "#" and
 * "+" after a letter are spelled as tags spell them (slugifyTag: "C#" → "C sharp", "C++" → "C plus
 * plus"), so a post about C# is not at the address of one about C; any other whitespace (a tab, a
 * line break, a no-break space) is a space; and a mark between two letters or digits is a word
 * break ("1/2" → "1-2", "10:30" → "10-30", "and/or" → "and-or", "Massage—a guide" →
 * "massage-a-guide", "按摩/入门" → "按摩-入门"; not "12", "1030", "andor", "massagea-guide"), except
 * a hyphen and an apostrophe, which join ("hot-stone", "women's" → "womens"). Other marks are dropped.
 */
function spellSymbols(title: string): string {
  return title
    .replace(/(?<=\p{L})(\+\+|#)(?!\p{L})/gu, (mark) => (mark === '#' ? ' sharp ' : ' plus plus '))
    .replace(/\s+/gu, ' ')
    .replace(/(?<=[\p{L}\p{N}]\p{M}*)[^\p{L}\p{N}\p{M}\s'’‘`´ʼ-]+(?=[\p{L}\p{N}])/gu, ' ');
}

/** The slug a new post gets from its title: ASCII letters and digits joined by hyphens. */
export function slugFromTitle(title: string): string {
  const ascii = spellSymbols(title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ßẞıłŁøØæÆœŒđĐðÐþÞħĦŧŦŋŊ]/g, (letter) => ASCII_LETTERS[letter]!);
  return slugify(ascii)
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
}

/**
 * The slug of a title: ASCII for a Latin title (accents dropped), and for a title in another
 * script the title's own letters (`Массаж шеи` → `массаж-шеи`), as the site's tag addresses
 * already do: transliteration depends on the language (Russian, Ukrainian and Serbian Cyrillic
 * differ; Japanese kanji need a dictionary), and readers of such a blog read its script.
 */
export function slugFromAnyTitle(title: string): string {
  const nonLatin = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(title);
  if (!nonLatin) return slugFromTitle(title);
  const slug = slugify(spellSymbols(title));
  return [...slug].slice(0, 60).join('').replace(/-+$/, '');
}

/**
 * The sentence a new post's body starts with; the content check refuses to publish a post that
 * still holds it.
 */
export const BODY_PLACEHOLDER =
  'TODO: write the post here, in Markdown. Start each section with ## (the title above is the only # heading).';

/**
 * The text of a new post, as a draft dated today. Rules of the template, each tested: every line,
 * uncommented, is valid (commented blocks are complete examples); nothing is pre-filled that would
 * publish a false fact (a review's rating and visit date are left empty, and a published review
 * needs both); every placeholder starts with "TODO" or is an example.org address, and the content
 * check refuses to publish a post that still holds one.
 */
export function renderNewPost({ title, kind, today, author, description, tags = [] }: NewPostOptions): string {
  const lines = [
    '---',
    `title: ${yamlString(title)}`,
    `description: ${yamlString(description?.trim() || 'TODO: one or two sentences that sum up the post for lists, search engines and feeds.')}`,
    `pubDate: ${today}`,
    `# updatedDate: ${today}      # add when you revise the post after publishing: the day of the revision`,
    'draft: true                    # change to false to publish; a future pubDate schedules it',
    `tags: [${tags.map((tag) => yamlString(tag.trim())).join(', ')}]${tags.length ? '' : '                       # e.g. [reflexology, stress]'}`,
    `author: ${author}              # a file in content/authors/, without .yaml`,
    `kind: ${kind}`,
  ];
  if (kind === 'review') {
    lines.push(
      'review:',
      '  subject: "TODO: the therapist or business"',
      '  area: "TODO: the neighbourhood"',
      '  city: "TODO: the town or city"',
      '  services: ["TODO: e.g. Mobile massage"]   # a list: [Mobile massage, Deep tissue massage]',
      '  rating:                      # required to publish: your rating, a whole number from 1 to 5',
      '  visitDate:                   # required to publish: the day of your visit, e.g. 2024-03-09',
    );
  } else {
    lines.push('# health: false                # articles show the health disclaimer; false hides it');
  }
  lines.push(
    '# hero:                        # an image at the top, stored in this folder',
    '#   image: ./hero.jpg',
    '#   alt: "TODO: describe what the image shows, for readers who cannot see it"',
    '# sources:                     # the pages this post relies on',
    '#   - title: "TODO: the title of the page"',
    '#     publisher: "TODO: who published it"',
    '#     url: https://example.org/the-page',
    '---',
    '',
    BODY_PLACEHOLDER,
    '',
  );
  return lines.join('\n');
}
