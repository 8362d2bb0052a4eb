import { describe, expect, test } from 'vitest';
import { htmlToMarkdown, spanEmphasis } from '../../src/lib/blogger/html-to-markdown.ts';

const md = (html: string, language?: string) => htmlToMarkdown(html, { language }).markdown.trim();

describe('inline markup whose meaning lives in the tag survives the import', () => {
  test.each([
    ['a key', 'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>', 'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>'],
    [
      'sample output and a variable',
      'It prints <samp>OK</samp> for <var>n</var>',
      'It prints <samp>OK</samp> for <var>n</var>',
    ],
    [
      'an abbreviation’s expansion',
      '<abbr title="Manual Lymphatic Drainage">MLD</abbr> twice',
      '<abbr title="Manual Lymphatic Drainage">MLD</abbr> twice',
    ],
    [
      'an acronym, as the abbreviation HTML 5 has',
      '<acronym title="Swedish Massage">SM</acronym>',
      '<abbr title="Swedish Massage">SM</abbr>',
    ],
    ['a highlight and an underline', '<mark>Never</mark> on <u>bruises</u>', '<mark>Never</mark> on <u>bruises</u>'],
    [
      'furigana',
      '<ruby>指圧<rp>(</rp><rt>しあつ</rt><rp>)</rp></ruby>は',
      '<ruby>指圧<rp>(</rp><rt>しあつ</rt><rp>)</rp></ruby>は',
    ],
    ['a direction override', 'Say <bdo dir="rtl">abc</bdo>.', 'Say <bdo dir="rtl">abc</bdo>.'],
  ])('%s', (_name, html, markdown) => {
    expect(md(`<p>${html}</p>`)).toBe(markdown);
  });

  test('bold and italic written as a style (Blogger’s older editor) become Markdown’s; other styles say nothing', () => {
    expect(
      md(
        '<p><span style="font-weight: bold;">Warm</span> the <span style="FONT-STYLE: italic">stones</span> first.</p>',
      ),
    ).toBe('**Warm** the *stones* first.');
    expect(
      md(
        '<p><span style="font-weight:700; font-style: oblique 10deg">Both</span> <span style="font-weight: normal; color: red">plain</span></p>',
      ),
    ).toBe('**_Both_** plain');
  });

  test.each([
    ['bold', { strong: true }],
    ['font-weight: 600 !important', { strong: true }],
    ['font-weight: bolder', { strong: true }],
    ['font-weight: 500', {}],
    ['font-style: italic; font-weight: 800', { strong: true, emphasis: true }],
    ['font-style: normal', {}],
    ['text-decoration: underline LINE-THROUGH', { deleted: true }],
    ['text-decoration-line: line-through', { deleted: true }],
    ['text-decoration: underline', {}],
    ["font-family: 'Courier New', Courier, monospace", { code: true }],
    ['font-family: Consolas', { code: true }],
    ['font-family: Georgia, serif', {}],
    ['{{ not css', {}],
    [undefined, {}],
  ])('the style %j', (style, expected) => {
    expect(spanEmphasis(style === 'bold' ? 'font-weight: bold' : style)).toEqual({
      strong: false,
      emphasis: false,
      deleted: false,
      code: false,
      ...expected,
    });
  });

  test('struck-through and monospace text written as a style (an old price, a command) keep their meaning', () => {
    expect(md('<p>Thirty minutes: <span style="text-decoration: line-through;">£45</span> £35.</p>')).toBe(
      'Thirty minutes: ~~£45~~ £35.',
    );
    expect(md('<p>Type <span style="font-family: &quot;Courier New&quot;, monospace;">npm run dev</span>.</p>')).toBe(
      'Type `npm run dev`.',
    );
    // Code is text alone in Markdown: a monospace link stays a link; a backtick inside is kept.
    expect(md('<p><span style="font-family: monospace"><a href="https://x.org">x</a></span></p>')).toBe(
      '[x](https://x.org)',
    );
    expect(md('<p><span style="font-family: courier">a `b`</span></p>')).toBe('`` a `b` ``');
    expect(md('<p><span style="text-decoration: line-through; font-weight: bold">Closed on Mondays</span></p>')).toBe(
      '**~~Closed on Mondays~~**',
    );
  });

  test('a span in another language keeps its lang (canonical) and direction; the post’s own language, an unknown tag or direction is dropped', () => {
    expect(md('<p>Massage is <span lang="ar" dir="rtl">تدليك</span> in Arabic.</p>', 'en-GB')).toBe(
      'Massage is <span lang="ar" dir="rtl">تدليك</span> in Arabic.',
    );
    expect(md('<p><span lang="PT_br">Olá</span></p>', 'en')).toBe('<span lang="pt-BR">Olá</span>');
    // Word's lang on every run of an English text, in an English post: noise, not meaning.
    expect(md('<p><span lang="EN-US" style="font-family: Calibri">Rest well.</span></p>', 'en-GB')).toBe('Rest well.');
    expect(md('<p><span lang="not a tag" dir="sideways">odd</span></p>', 'en')).toBe('odd');
    expect(md('<p><span id="note-1" lang="fr">ici</span></p>', 'en')).toBe('<span id="note-1" lang="fr">ici</span>');
  });
});
