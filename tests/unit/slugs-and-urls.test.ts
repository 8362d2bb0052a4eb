import { describe, expect, test } from 'vitest';
import {
  getPostId,
  getPostIdFromPath,
  getTagKey,
  isSlug,
  normalizeTagLabel,
  pickTagLabel,
  slugify,
  slugifyTag,
  toTags,
} from '../../src/lib/slugs.ts';
import { getHomePath, getPostPath, getTagPath, normalizePath, toAbsoluteUrl } from '../../src/lib/urls.ts';

describe('slugify', () => {
  test('lowercases and hyphenates', () => {
    expect(slugify('Immune Health')).toBe('immune-health');
  });

  test('keeps letters of other scripts and drops punctuation', () => {
    expect(slugify('Massage à São Paulo!')).toBe('massage-à-são-paulo');
    expect(slugify('Shepherd’s Bush')).toBe('shepherds-bush');
  });

  test('never leaves leading, trailing or doubled hyphens', () => {
    expect(slugify('  -- Deep  tissue -- ')).toBe('deep-tissue');
  });

  test('lowercases "İ" (Turkish capital dotted I) to a plain i, never i with a combining dot', () => {
    expect(slugify('Massage in İstanbul')).toBe('massage-in-istanbul');
    expect(slugify('I\u0307zmir')).toBe('izmir');
    expect(slugify('ılık masaj')).toBe('ılık-masaj');
    expect(slugify('Массаж в İstanbul')).toBe('массаж-в-istanbul');
  });

  test('writes ligatures, digraphs and full-width letters as the letters they stand for', () => {
    expect(slugify('ﬁtness')).toBe('fitness');
    expect(slugify('Ǆemal')).toBe('džemal');
    expect(slugify('Ｍａｓｓａｇｅ')).toBe('massage');
    expect(slugify('Straße')).toBe('straße');
    expect(slugify('ΣΟΦΟΣ')).toBe('σοφος');
  });
});

describe('slugifyTag', () => {
  test('gives C, C#, C++, F# and .NET addresses of their own, spelling the symbols', () => {
    const labels = ['C', 'C#', 'C++', 'F#', 'F', '.NET', 'NET', 'ASP.NET', 'Node.js', 'Q&A', 'QA'];
    const slugs = labels.map(slugifyTag);
    expect(slugs).toEqual([
      'c',
      'c-sharp',
      'c-plus-plus',
      'f-sharp',
      'f',
      'dot-net',
      'net',
      'asp-net',
      'node-js',
      'q-and-a',
      'qa',
    ]);
    expect(new Set(slugs).size).toBe(labels.length);
  });

  test('spells the other ASCII symbols, so a tag made only of them still has an address', () => {
    expect(slugifyTag('?')).toBe('question-mark');
    expect(slugifyTag('!')).toBe('exclamation-mark');
    expect(slugifyTag('!!!')).toBe('exclamation-mark-exclamation-mark-exclamation-mark');
    expect(slugifyTag('@home')).toBe('at-home');
    expect(slugifyTag('100%')).toBe('100-percent');
    expect(slugifyTag('#selfcare')).toBe('hash-selfcare');
    expect(slugifyTag('1+1=2')).toBe('1-plus-1-equals-2');
    expect(slugifyTag('<3')).toBe('less-than-3');
    expect(slugifyTag('$$$')).toBe('dollar-dollar-dollar');
    expect(slugifyTag('*')).toBe('star');
    expect(slugifyTag('...')).toBe('dot-dot-dot');
  });

  test('names emoji by their CLDR name, with skin tones, ZWJ sequences, flags and keycaps', () => {
    expect(slugifyTag('💆')).toBe('person-getting-massage');
    expect(slugifyTag('💆🏽')).toBe('person-getting-massage-medium-skin-tone');
    expect(slugifyTag('💆‍♀️')).toBe('woman-getting-massage');
    expect(slugifyTag('💆🏿‍♂️')).toBe('man-getting-massage-dark-skin-tone');
    expect(slugifyTag('👩🏽‍💻')).toBe('woman-technologist-medium-skin-tone');
    expect(slugifyTag('🏳️‍🌈')).toBe('rainbow-flag');
    expect(slugifyTag('🇬🇧')).toBe('flag-united-kingdom');
    expect(slugifyTag('🇨🇮')).toBe('flag-côte-divoire');
    expect(slugifyTag('1️⃣')).toBe('keycap-1');
    expect(slugifyTag('#️⃣')).toBe('keycap-hash');
    expect(slugifyTag('relax💆')).toBe('relax-person-getting-massage');
    expect(slugifyTag('💆 & 🧘')).toBe('person-getting-massage-and-person-in-lotus-position');
  });

  test('treats an emoji with and without its variation selector as one', () => {
    expect(slugifyTag('❤')).toBe('red-heart');
    expect(slugifyTag('❤️')).toBe('red-heart');
    expect(getTagKey('❤')).toBe(getTagKey('❤️'));
  });

  test('keeps letters of every script, with their combining marks', () => {
    expect(slugifyTag('入门')).toBe('入门');
    expect(slugifyTag('肩颈 按摩')).toBe('肩颈-按摩');
    expect(slugifyTag('マッサージ')).toBe('マッサージ');
    expect(slugifyTag('Массаж Спины')).toBe('массаж-спины');
    expect(slugifyTag('العلاج الطبيعي')).toBe('العلاج-الطبيعي');
    expect(slugifyTag('עיסוי')).toBe('עיסוי');
    expect(slugifyTag('हिन्दी')).toBe('हिन्दी');
    expect(slugifyTag('นวดไทย')).toBe('นวดไทย');
    expect(slugifyTag('Ελληνικό Μασάζ')).toBe('ελληνικό-μασάζ');
    expect(slugifyTag('Massage à São Paulo')).toBe('massage-à-são-paulo');
  });

  test('keeps the zero-width non-joiner inside a Persian word, and drops it at the edges', () => {
    expect(slugifyTag('ماساژ\u200cدرمانی')).toBe('ماساژ\u200cدرمانی');
    expect(slugifyTag('\u200cماساژ\u200c')).toBe('ماساژ');
  });

  test('reads punctuation of every script as a word break and apostrophes as nothing', () => {
    expect(slugifyTag("Women's health")).toBe('womens-health');
    expect(slugifyTag('Shepherd’s Bush')).toBe('shepherds-bush');
    expect(slugifyTag('deep_tissue / sports')).toBe('deep-tissue-sports');
    expect(slugifyTag('按摩、推拿')).toBe('按摩-推拿');
    expect(slugifyTag('«massage»')).toBe('massage');
    expect(slugifyTag('¿Qué es?')).toBe('qué-es-question-mark');
    expect(slugifyTag('St. Albans')).toBe('st-albans');
    expect(slugifyTag('Web 2.0')).toBe('web-2-0');
  });

  test('keeps symbols outside ASCII that are not emoji as written', () => {
    expect(slugifyTag('€100')).toBe('€100');
    expect(slugifyTag('±5°')).toBe('±5°');
  });

  test('merges only case, Unicode forms, invisible characters and whitespace', () => {
    const same = (a: string, b: string) => expect([slugifyTag(a), getTagKey(a)]).toEqual([slugifyTag(b), getTagKey(b)]);
    same('London', 'london');
    same('LONDON', 'london');
    same('  deep \n tissue ', 'Deep Tissue');
    same('cafe\u0301', 'café');
    same('Ｃ＃', 'C#');
    same('Straße', 'STRASSE');
    same('soft\u00adhyphen', 'softhyphen');
    same('\u200fالعلاج', 'العلاج');
    expect(getTagKey('C#')).not.toBe(getTagKey('C++'));
    expect(getTagKey('self-care')).not.toBe(getTagKey('self care'));
  });

  test('folds case the same whatever the locale: the Turkish dotless ı stays its own letter', () => {
    expect(slugifyTag('İstanbul')).toBe('istanbul');
    expect(slugifyTag('ılık')).toBe('ılık');
    expect(slugifyTag('ILIK')).toBe('ilik');
  });

  test('"İ" (Turkish capital dotted I) is a plain i, with no combining dot, in a tag, its key and its address', () => {
    for (const label of ['İstanbul', 'I\u0307stanbul', 'İSTANBUL', 'Istanbul', 'istanbul']) {
      expect(slugifyTag(label)).toBe('istanbul');
      expect(getTagKey(label)).toBe('istanbul');
    }
    expect(slugifyTag('Masaj İzmir’de')).toBe('masaj-izmirde');
    expect(slugifyTag('İ')).toBe('i');
  });

  test('other letters with special casing make sensible addresses', () => {
    expect(slugifyTag('Straße')).toBe('strasse');
    expect(slugifyTag('STRASSE')).toBe('strasse');
    expect(slugifyTag('ẞ')).toBe('ss');
    expect(['Ǆemal', 'ǅemal', 'ǆemal', 'Džemal'].map(slugifyTag)).toEqual(['džemal', 'džemal', 'džemal', 'džemal']);
    expect(slugifyTag('ǈubljana')).toBe('ljubljana');
    expect(slugifyTag('ﬁtness')).toBe('fitness');
    expect(slugifyTag('ΣΊΣΥΦΟΣ')).toBe('σίσυφος');
  });

  test('is empty when nothing can make an address', () => {
    for (const label of ['-', '—', '   ', '()', '\u200b', "'", '、。']) expect(slugifyTag(label)).toBe('');
  });

  test('makes only lowercase ASCII letters, digits and hyphens of anything in ASCII', () => {
    let ascii = '';
    for (let code = 0x20; code < 0x7f; code += 1) ascii += String.fromCharCode(code);
    expect(slugifyTag(ascii)).toMatch(/^[a-z0-9-]+$/);
    for (let code = 0x21; code < 0x7f; code += 1) {
      expect(slugifyTag(`a${String.fromCharCode(code)}b`)).toMatch(/^[a-z0-9-]+$/);
    }
  });

  test('never makes a slug with a slash, a dot, a percent sign or a leading, trailing or doubled hyphen', () => {
    const labels = ['a/b', '../etc', '%20', '-x-', 'a -- b', 'a.', '.a', 'C++ / C#', 'x?y=1#z', '💆 - 🧘'];
    for (const label of labels) expect(slugifyTag(label)).toMatch(/^(?!-)(?!.*--)[^/.%?#]+(?<!-)$/u);
  });
});

describe('toTags', () => {
  test('merges tags that differ only in case or spacing, keeping the first spelling in the post', () => {
    expect(toTags(['Reflexology', 'reflexology', ' stress ', 'Stress'])).toEqual([
      { slug: 'reflexology', label: 'Reflexology' },
      { slug: 'stress', label: 'stress' },
    ]);
  });

  test('keeps C, C#, C++, emoji and "?" apart (the tags of the C3 case)', () => {
    expect(toTags(['relaxation', 'C++', 'C#', 'C', '💆', '?', 'London'])).toEqual([
      { slug: 'relaxation', label: 'relaxation' },
      { slug: 'c-plus-plus', label: 'C++' },
      { slug: 'c-sharp', label: 'C#' },
      { slug: 'c', label: 'C' },
      { slug: 'person-getting-massage', label: '💆' },
      { slug: 'question-mark', label: '?' },
      { slug: 'london', label: 'London' },
    ]);
  });

  test('leaves out only a tag without an address, which the content check reports', () => {
    expect(toTags(['—', 'sleep'])).toEqual([{ slug: 'sleep', label: 'sleep' }]);
  });

  test('a label is shown without bidi controls (an override would turn it around: U+202E + "spa" reads "aps"), its address unchanged', () => {
    expect(normalizeTagLabel('\u202Espa')).toBe('spa');
    expect(normalizeTagLabel('spa\u200F')).toBe('spa');
    expect(normalizeTagLabel('\u2067עיסוי\u2069 London')).toBe('עיסוי London');
    expect(toTags(['\u202Espa', '\u200E💆\u200F'])).toEqual([
      { slug: 'spa', label: 'spa' },
      { slug: 'person-getting-massage', label: '💆' },
    ]);
    // ZWJ and variation selectors are not bidi controls: they make the emoji.
    expect(normalizeTagLabel('💆\u200D\u2640\uFE0F')).toBe('💆\u200D\u2640\uFE0F');
  });

  test('normalizeTagLabel collapses inner whitespace and keeps capitals', () => {
    expect(normalizeTagLabel('Mobile \n  Massage')).toBe('Mobile Massage');
  });
});

describe('pickTagLabel', () => {
  test('shows the spelling most posts use', () => {
    expect(pickTagLabel(['Stress', 'stress', 'stress'])).toBe('stress');
    expect(pickTagLabel(['London', 'london', 'London'])).toBe('London');
  });

  test('breaks a tie for the spelling with more capitals, then by code point, in any order given', () => {
    expect(pickTagLabel(['london', 'London'])).toBe('London');
    expect(pickTagLabel(['London', 'london'])).toBe('London');
    expect(pickTagLabel(['LONDON', 'London'])).toBe('LONDON');
    expect(pickTagLabel(['Deep tissue', 'deep Tissue'])).toBe('Deep tissue');
  });

  test('on a tie, prefers ordinary characters to full-width letters or ligatures, whatever their capitals', () => {
    expect(pickTagLabel(['Cafe', 'ＣＡＦＥ'])).toBe('Cafe');
    expect(pickTagLabel(['ＣＡＦＥ', 'Cafe'])).toBe('Cafe');
    expect(pickTagLabel(['ﬁtness', 'Fitness'])).toBe('Fitness');
    expect(pickTagLabel(['ＣＡＦＥ', 'ＣＡＦＥ', 'Cafe'])).toBe('ＣＡＦＥ');
  });
});

describe('getPostId', () => {
  test('is the slug field when the frontmatter sets one, else the file path', () => {
    expect(getPostId('old-name/index.md', { slug: 'new-name' })).toBe('new-name');
    expect(getPostId('old-name/index.md', { title: 'x' })).toBe('old-name');
    expect(getPostId('old-name.mdx', undefined)).toBe('old-name');
  });
});

describe('getPostIdFromPath', () => {
  test('a file and a folder with index give the same id', () => {
    expect(getPostIdFromPath('my-post.md')).toBe('my-post');
    expect(getPostIdFromPath('my-post/index.mdx')).toBe('my-post');
  });
});

describe('URL helpers', () => {
  test('build the site paths', () => {
    expect(getPostPath('a-post')).toBe('/posts/a-post/');
    expect(getTagPath('stress')).toBe('/tags/stress/');
    expect(getTagPath('stress', 2)).toBe('/tags/stress/2/');
    expect(getHomePath()).toBe('/');
    expect(getHomePath(3)).toBe('/page/3/');
  });

  test('toAbsoluteUrl resolves against the site', () => {
    expect(toAbsoluteUrl('/posts/a/', 'https://blog.example')).toBe('https://blog.example/posts/a/');
  });

  test('normalizePath strips origin, query and fragment and adds the trailing slash', () => {
    expect(normalizePath('https://old.example/posts/a?utm=x#top')).toBe('/posts/a/');
    expect(normalizePath('posts/a')).toBe('/posts/a/');
    expect(normalizePath('/2023/05/my-post.html')).toBe('/2023/05/my-post.html');
    expect(normalizePath('/tags/s%C3%A3o/')).toBe('/tags/são/');
  });
});

describe('what counts as a slug (npm run new --slug, the slug field)', () => {
  test.each([
    'my-first-post',
    'massage-2025',
    'массаж-шеи',
    '按摩入门',
    'تدليك-القدمين',
    'पैरों-की-मालिश',
    'การนวดฝ่าเท้า',
    '어깨-마사지',
  ])('%s is one', (text) => {
    expect(isSlug(text)).toBe(true);
    // What slugify makes of it is itself.
    expect(slugify(text)).toBe(text);
  });

  test.each(['My-Post', 'my post', 'my--post', '-post', 'post-', 'Массаж', 'a/b', 'a.b', '', 'e\u0301te'])(
    '"%s" is not',
    (text) => {
      expect(isSlug(text)).toBe(false);
    },
  );
});
