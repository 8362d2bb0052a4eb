import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import {
  countWords,
  formatCommentCount,
  formatCount,
  getExcerpt,
  getParagraphText,
  getPlainText,
  getReadingMinutes,
  truncateAtWord,
  getHtmlWordCount,
  getWordCount,
  measureHtml,
  measureMarkdown,
  measureText,
  readingMinutesFor,
  wordCountOf,
  CJK_CHARACTERS_PER_MINUTE,
  WORDS_PER_MINUTE,
} from '../../src/lib/text.ts';

describe('getParagraphText', () => {
  test('keeps top-level paragraph prose and drops headings, lists, tables, code, HTML and image text', () => {
    const markdown =
      '## A heading\n\nFirst *para* with [a link](https://x.test) ![a photo](p.jpg).\n\n```js\ncode()\n```\n\n<div>html</div>\n\n- a list item\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nLast.';
    expect(getParagraphText(markdown)).toBe('First para with a link. Last.');
  });

  test('ignores the import and export lines of MDX', () => {
    expect(getParagraphText("import Callout from '../c.astro';\nexport const x = 1;\n\nReal text.")).toBe('Real text.');
  });
});

describe('truncateAtWord', () => {
  test('returns short text unchanged, without an ellipsis', () => {
    expect(truncateAtWord('Short and sweet.', 300)).toBe('Short and sweet.');
  });

  test('cuts at the last word boundary that fits and adds an ellipsis', () => {
    const result = truncateAtWord('one two three four five six seven', 20);
    expect(result).toBe('one two three four…');
    expect(result.length).toBeLessThanOrEqual(20);
  });

  test('drops punctuation left dangling before the ellipsis', () => {
    expect(truncateAtWord('Calm, slow, deliberate breathing helps', 19)).toBe('Calm, slow…');
  });

  test('cuts inside a single very long word rather than returning nothing', () => {
    const result = truncateAtWord('a'.repeat(50), 10);
    expect(result).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('getExcerpt', () => {
  test('a ruby annotation’s reading and brackets stay out of the plain text (指圧, not 指圧しあつ)', () => {
    expect(
      getExcerpt(
        '<ruby>指圧<rp>(</rp><rt>しあつ</rt><rp>)</rp></ruby>は<ruby>親指<rt>おやゆび</rt></ruby>で押します。',
      ),
    ).toBe('指圧は親指で押します。');
  });

  test('is about 300 characters of opening prose, ending in an ellipsis at a word', () => {
    const markdown = `## Intro\n\n${'Massage may help you relax and sleep better. '.repeat(20)}`;
    const excerpt = getExcerpt(markdown, 300);
    expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(excerpt.length).toBeGreaterThan(250);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).not.toContain('Intro');
    expect(excerpt.at(-2)).toMatch(/\w/);
  });
});

describe('countWords and getReadingMinutes', () => {
  test('counts words, treating hyphenated and apostrophised words as one', () => {
    expect(countWords("Shepherd's Bush is a well-known area, 5 stops away.")).toBe(9);
  });

  test('reading time is at least one minute and grows with length', () => {
    expect(getReadingMinutes('Just a few words.')).toBe(1);
    expect(getReadingMinutes('word '.repeat(1100))).toBe(5);
  });

  test('getPlainText includes headings and list items', () => {
    expect(getPlainText('## Safety\n\n- Talk to a doctor')).toBe('Safety Talk to a doctor');
  });
});

describe('formatCount', () => {
  test.each([
    [0, 'tag', undefined, '0 tags'],
    [1, 'tag', undefined, '1 tag'],
    [1, 'post', undefined, '1 post'],
    [2, 'post', undefined, '2 posts'],
    [2, 'entry', 'entries', '2 entries'],
  ])('%i %s reads as such', (count, singular, plural, text) => {
    expect(formatCount(count, singular, plural)).toBe(text);
  });
});

describe('formatCommentCount', () => {
  test.each([
    [0, 'No comments yet'],
    [1, '1 comment'],
    [3, '3 comments'],
  ])('%i reads "%s"', (count, text) => {
    expect(formatCommentCount(count)).toBe(text);
  });
});

describe('typography in excerpts', () => {
  test('keeps the space French puts before a colon', () => {
    expect(getParagraphText('Réflexologie : une introduction ![x](a.jpg).')).toBe('Réflexologie : une introduction.');
  });
});

describe('getHtmlWordCount', () => {
  test('counts what a reader reads: paragraphs, headings, lists and tables, not code blocks', () => {
    const html =
      '<h2>Two words</h2><p>One <em>two</em> three, <a href="/x/">four</a>.</p><ul>\n<li>five</li>\n<li>six seven</li>\n</ul>' +
      '<pre><code>const not = counted;</code></pre><table><tr><td>eight</td><th>nine</th></tr></table>';
    expect(getHtmlWordCount(html)).toBe(11);
  });

  test('a word split by inline markup is one word; blocks and line breaks separate words', () => {
    expect(getHtmlWordCount('<p>un<em>usual</em> <code>x</code></p>')).toBe(2);
    expect(getHtmlWordCount('<p>end</p><p>start</p>')).toBe(2);
    expect(getHtmlWordCount('<p>line<br>break</p>')).toBe(2);
  });

  test('decodes entities and ignores image descriptions and comments', () => {
    expect(getHtmlWordCount('<p>Tom &amp; Jerry&#39;s <img alt="not read" src="x.png"><!-- hidden words --></p>')).toBe(
      2,
    );
  });

  test('agrees with the Markdown count for the same text', () => {
    const markdown =
      '## A heading here\n\nSome *emphasised* text with a [link](https://example.com/a-b-c).\n\n- one\n- two\n\n```\ncode is not read\n```\n';
    const html =
      '<h2>A heading here</h2>\n<p>Some <em>emphasised</em> text with a <a href="https://example.com/a-b-c">link</a>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<pre><code>code is not read\n</code></pre>';
    expect(getHtmlWordCount(html)).toBe(getWordCount(markdown));
  });
});

describe('measureText: words and characters by script, with Intl.Segmenter', () => {
  test.each([
    ['en', "Shepherd's Bush is a well-known area, 5 stops away.", 9, 0],
    ['ru', 'Массаж помогает расслабиться и снять напряжение после работы.', 8, 0],
    ['ar', 'التدليك يساعد على الاسترخاء بعد يوم طويل.', 7, 0],
    ['he', 'עיסוי עוזר להירגע אחרי יום עבודה ארוך.', 7, 0],
    ['ko', '마사지는 긴장을 푸는 데 도움이 됩니다.', 6, 0],
    // Thai has no spaces between words: the segmenter's dictionary finds the six words.
    ['th', 'การนวดช่วยให้ผ่อนคลาย', 6, 0],
    ['zh', '按摩可以缓解肩颈的疼痛。', 0, 11],
    ['ja', '親指で土踏まずを押します。', 0, 12],
    // Katakana with the long-vowel mark ー, which Unicode gives to no script.
    ['ja', 'コーヒー', 0, 4],
    ['zh', '用 iPhone 记录 3 次按摩，每次 20 分钟。', 3, 10],
    ['en', 'Relax 放松 and breathe 呼吸 deeply.', 4, 4],
    ['en', '💆 🧖‍♀️ 👍🏽 ✨', 0, 0],
    // ICU joins digits across , and . but not / or :.
    ['en', '2,564 characters, 3.5 hours, 1/2 a cup, 20% off, 10:30', 12, 0],
    ['en', '', 0, 0],
  ])('%s: %j has %i words and %i CJK characters', (lang, text, words, characters) => {
    expect(measureText(text, lang)).toEqual({ words, characters });
  });

  test('a hyphen joins two words into one, a dash between spaces does not count', () => {
    expect(measureText('well-being and mind‐body – calm')).toEqual({ words: 4, characters: 0 });
  });

  test('the word count counts each Chinese or Japanese character as a word', () => {
    expect(wordCountOf({ words: 8, characters: 2564 })).toBe(2572);
  });
});

describe('readingMinutesFor: per-script reading rates', () => {
  test('the rates are 220 words and 450 CJK characters a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(220);
    expect(CJK_CHARACTERS_PER_MINUTE).toBe(450);
  });

  test('a 2,564-character Chinese article takes about six minutes, not one', () => {
    const sentence = '按摩师通常会先用温热的毛巾敷上几分钟，让肌肉慢慢放松下来。';
    const han = sentence.replace(/[，。]/g, '').length;
    const body = `## 肩膀\n\n${sentence.repeat(Math.ceil(2564 / han))}`;
    const measure = measureMarkdown(body, 'zh');
    expect(measure.characters).toBeGreaterThanOrEqual(2564);
    expect(measure.characters).toBeLessThan(2564 + han + 2);
    expect(readingMinutesFor(measure)).toBeGreaterThanOrEqual(5);
    expect(readingMinutesFor(measure)).toBeLessThanOrEqual(6);
  });

  test.each([
    ['ja', '足の裏をゆっくりほぐします。'.repeat(200), 6],
    ['ko', '발바닥을 천천히 풀어 줍니다. '.repeat(330), 6],
    ['ru', 'Массаж стоп помогает уснуть. '.repeat(330), 6],
    ['ar', 'تدليك القدمين يساعد على النوم. '.repeat(264), 6],
    ['th', 'การนวดเท้าช่วยให้หลับสบาย '.repeat(200), 6],
  ])('%s: reading time follows its script', (lang, text, minutes) => {
    expect(readingMinutesFor(measureText(text, lang))).toBe(minutes);
  });

  test('mixed English and Chinese adds the two rates', () => {
    const text = `${'word '.repeat(660)}${'按'.repeat(1350)}`;
    expect(measureText(text, 'zh')).toEqual({ words: 660, characters: 1350 });
    expect(readingMinutesFor(measureText(text, 'zh'))).toBe(6);
  });

  test('is never less than a minute', () => {
    expect(readingMinutesFor({ words: 0, characters: 0 })).toBe(1);
    expect(readingMinutesFor(measureText('💆💆💆'))).toBe(1);
  });
});

describe('the two counters agree in every script', () => {
  test.each([
    [
      'zh',
      '## 肩颈放松\n\n先准备一条**温热**的毛巾，敷在后颈上。\n\n- 脚底\n- 手臂\n',
      '<h2>肩颈放松</h2>\n<p>先准备一条<strong>温热</strong>的毛巾，敷在后颈上。</p>\n<ul>\n<li>脚底</li>\n<li>手臂</li>\n</ul>',
    ],
    [
      'ja',
      '親指で*土踏まず*を押します。\n\n```\nコードは数えない\n```\n',
      '<p>親指で<em>土踏まず</em>を押します。</p>\n<pre><code>コードは数えない\n</code></pre>',
    ],
    ['ar', 'يساعد [التدليك](/posts/x/) على الاسترخاء.', '<p>يساعد <a href="/posts/x/">التدليك</a> على الاسترخاء.</p>'],
  ])('%s', (lang, markdown, html) => {
    expect(measureHtml(html, lang)).toEqual(measureMarkdown(markdown, lang));
    expect(getHtmlWordCount(html, lang)).toBe(getWordCount(markdown, lang));
  });
});

// Imported Blogger posts are mostly raw HTML blocks: their words are read, so they are counted.
describe('measureMarkdown counts the text inside raw HTML blocks, as the rendered page shows it', () => {
  const RUSSIAN = `Вступление к посту.

<div dir="ltr" style="text-align: left;" trbidi="on"><span style="font-family: Georgia;">Массаж шеи&nbsp;помогает <b>сня</b>ть напряжение</span><br />
после долгого дня за&nbsp;компьютером.</div>
<table border="1"><tr><td>Цена</td><td>1&nbsp;500&nbsp;₽</td></tr><tr><td>Время<td>30 минут</table>

<pre>код не считается
ещё строка</pre>

<script>var notRead = "слова";</script>
<!-- скрытый комментарий --><img src="x.jpg" alt="описание не читается">
`;
  const JAPANESE = `<div class="separator" style="clear: both;"><a href="https://example.com/a.jpg"><img src="a.jpg" alt="写真"></a></div>
<div>足裏を<b>ゆっくり</b>押します。<br>痛ければ&#x3000;止めてください</div>

<table class="tr-caption-container"><tbody><tr><td class="tr-caption">温かいタオル</td></tr></tbody></table>

Markdown の段落です。
`;

  test.each([
    // 3 + 5 + 5 + Цена, 1, 500, Время, 30, минут: the <pre>, the script, the comment and the alt are not read.
    ['ru', RUSSIAN, { words: 19, characters: 0 }],
    // 足裏をゆっくり押します (11), 痛ければ止めてください (11), 温かいタオル (6), the paragraph's の段落です (5) and "Markdown".
    ['ja', JAPANESE, { words: 1, characters: 33 }],
  ])(
    '%s: messy Blogger HTML is counted word for word, and agrees with its rendered HTML',
    (lang, markdown, measure) => {
      expect(measureMarkdown(markdown, lang)).toEqual(measure);
      const { html } = markdownToHtml(markdown);
      expect(measureHtml(html, lang)).toEqual(measure);
      expect(getReadingMinutes('слово '.repeat(300) + markdown, lang)).toBe(
        Math.round((300 + measure.words) / WORDS_PER_MINUTE + measure.characters / CJK_CHARACTERS_PER_MINUTE),
      );
    },
  );

  test('a post made only of an HTML block is not read as empty', () => {
    expect(getWordCount('<div><p>Один абзац из четырёх слов.</p></div>', 'ru')).toBe(5);
  });
});

describe('a line break separates words in every text taken from Markdown', () => {
  test.each([
    ['a <br> in HTML an import wrote', 'Promoção!&nbsp;mais\\\n![](./a.jpg)agenda aberta'],
    ['a backslash break', 'Пн–Пт\\\nс 9 до 18'],
    ['two trailing spaces', '毎朝  \nストレッチ'],
  ])('%s', (_name, markdown) => {
    const html = markdownToHtml(markdown).html;
    expect(getWordCount(markdown, 'pt')).toBe(getHtmlWordCount(html, 'pt'));
    expect(getExcerpt(markdown)).toMatch(/\S \S/);
  });

  test('the excerpt of an imported paragraph with <br> keeps the words apart', () => {
    expect(getExcerpt('mais\\\nagenda')).toBe('mais agenda');
    expect(getPlainText('## Horário\n\nseg\\\nsex')).toBe('Horário seg sex');
  });
});
