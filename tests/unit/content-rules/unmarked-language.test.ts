import { describe, expect, test } from 'vitest';
import { unmarkedLanguage } from '../../../src/lib/content-rules/unmarked-language.ts';
import { getUnmarkedLanguage } from '../../../src/lib/language.ts';
import { post, run } from './helpers.ts';

/** Case C5's posts, shortened: a Chinese guide and a Japanese note, with markup and Latin bits as real posts have. */
const CHINESE =
  '## 第1部分：肩膀\n\n用拇指轻轻按压肩膀，每次停留五秒，再慢慢放松。[参考](https://example.org/zh) 如果感到疼痛，就减轻力度。';
const JAPANESE =
  '一日中立ち仕事をした日は、寝る前に足の裏をゆっくりほぐすと翌朝がずいぶん楽になります。親指で土踏まずを押しながら、かかとに向かって少しずつ位置をずらしていきます。';

describe('the language a post that names none is written in', () => {
  test.each([
    ['Chinese (Han, no kana) in an English site', CHINESE, 'en-GB', 'zh'],
    ['Japanese (Han and kana) in an English site', JAPANESE, 'en-GB', 'ja'],
    [
      'Korean in a Portuguese site',
      '어깨 마사지는 하루의 피로를 풀어 주는 가장 쉬운 방법입니다. 엄지로 천천히 누르세요.',
      'pt-BR',
      'ko',
    ],
    ['Thai in an English site', 'การนวดฝ่าเท้าช่วยให้ผ่อนคลายหลังจากยืนทำงานมาทั้งวัน ใช้นิ้วหัวแม่มือกดเบา ๆ', 'en', 'th'],
    ['Greek in a German site', 'Το μασάζ στους ώμους βοηθά μετά από μια μεγάλη μέρα στο γραφείο.', 'de', 'el'],
  ])('%s', (_, text, site, expected) => {
    expect(getUnmarkedLanguage(text, site)).toBe(expected);
  });

  test.each([
    // The site's own language: nothing to say.
    ['a Chinese post in a Chinese (Taiwan) site', CHINESE, 'zh-TW'],
    ['a Japanese post in a Japanese site', JAPANESE, 'ja'],
    // Han without kana in a Japanese site is not taken for Chinese (kanji-only lines happen).
    ['a kanji-only line in a Japanese site', '指圧療法入門講座開催日程変更案内', 'ja'],
    // Scripts several languages share are not guessed: Russian or Ukrainian? Hindi or Marathi?
    ['Cyrillic', 'Массаж шеи для начинающих: простые движения на каждый день.', 'en-GB'],
    ['Devanagari', 'पैरों की मालिश दिन भर की थकान दूर करने का आसान तरीका है।', 'en-GB'],
    // An English post quoting a few characters stays English.
    [
      'an English post with a Chinese word',
      'Tui na (推拿) is a Chinese massage; this post explains how it feels.',
      'en-GB',
    ],
    // Too little text to say anything.
    ['a title of three characters', '按摩法', 'en-GB'],
  ])('%s: the site’s language', (_, text, site) => {
    expect(getUnmarkedLanguage(text, site)).toBeUndefined();
  });
});

describe('unmarked-language', () => {
  test('a Chinese post without lang is a notice naming the language and the line to add (case C5)', () => {
    const lines = run(unmarkedLanguage, { posts: [post('an-mo-ru-men.md', 'title: 按摩入门：从肩膀到脚底', CHINESE)] });
    expect(lines).toEqual([
      'content/posts/an-mo-ru-men.md:1: lang: none given, and the text is written in Chinese, not the site\'s British English: it is served and searched as "zh". Add the line lang: zh (or zh-Hans, zh-Hant for the characters it uses) to the frontmatter to say so, or another tag if it is another language',
    ]);
  });

  test.each([
    [
      'Arabic (right to left)',
      'title: تدليك القدمين قبل النوم',
      'تدليك القدمين قبل النوم يساعد على الاسترخاء. اضغط بإبهامك على باطن القدم ببطء.',
      'the text is written in the Arabic script, not the site\'s British English: it is served and searched as "en-GB", and shown left to right. Add the line lang: with its language to the frontmatter, e.g. lang: ar for Arabic',
    ],
    [
      'Devanagari',
      'title: मालिश के फायदे',
      'पैरों की मालिश दिन भर की थकान दूर करने का आसान तरीका है।',
      'the text is written in the Devanagari script, not the site\'s British English: it is served and searched as "en-GB". Add the line lang: with its language to the frontmatter, e.g. lang: hi for Hindi',
    ],
    [
      'Cyrillic, with a link and code as real posts have',
      'title: Массаж стоп перед сном',
      'Массаж стоп перед сном помогает расслабиться. См. [статью](https://example.org/ru) и `npm run new`.',
      'the text is written in the Cyrillic script, not the site\'s British English: it is served and searched as "en-GB". Add the line lang: with its language to the frontmatter, e.g. lang: ru for Russian',
    ],
  ])('a post in %s without lang is a notice: the script names no one language', (_, title, body, message) => {
    expect(run(unmarkedLanguage, { posts: [post('p.md', title, body)] })).toEqual([
      `content/posts/p.md:1: lang: none given, and ${message}`,
    ]);
  });

  test('a post that names its language, or is in the site’s, gets nothing', () => {
    expect(run(unmarkedLanguage, { posts: [post('ashitsubo.md', 'lang: ja', JAPANESE)] })).toEqual([]);
    expect(
      run(unmarkedLanguage, { posts: [post('english.md', '', 'Plain English text about shoulder massage.')] }),
    ).toEqual([]);
    expect(
      run(unmarkedLanguage, { posts: [post('ar.md', 'lang: ar', 'تدليك القدمين قبل النوم يساعد على الاسترخاء.')] }),
    ).toEqual([]);
    // An English post quoting a Russian phrase stays English.
    expect(
      run(unmarkedLanguage, {
        posts: [
          post('en.md', '', 'In Russian, a massage is “массаж”; this post explains the technique in English words.'),
        ],
      }),
    ).toEqual([]);
  });
});
