import { describe, expect, test } from 'vitest';
import { htmlToMarkdown } from '../../src/lib/blogger/html-to-markdown.ts';

/** The paragraphs (blocks) of a Markdown text, without the blank lines between them. */
const blocksOf = (markdown: string) => markdown.trim().split(/\n{2,}/);

describe('formatting left open across blocks keeps the paragraphs and words a browser shows', () => {
  test('the S29 body: bold italic left open over a span holding a paragraph, a table and a paragraph', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Start <b><i>BI-OPEN</p><span>SPAN-A <p>P-IN-SPAN</p> AFTER-SPAN</span><table><tr><td>CELL</td></tr></table><p>TAIL</p>',
    );
    expect(blocksOf(markdown)).toEqual([
      'Start **_BI-OPEN_**',
      '**_SPAN-A_**',
      '**_P-IN-SPAN_**',
      '**_AFTER-SPAN_**',
      '<table><tbody><tr><td>CELL</td></tr></tbody></table>',
      '**_TAIL_**',
    ]);
    expect(markdown).not.toMatch(/<p>|SPAN-AP|SPANAFTER/);
  });

  test('a bold left open in a div with two paragraphs gives three bold paragraphs', () => {
    const { markdown } = htmlToMarkdown('<div><b>open <p>one</p><p>two</p></div>');
    expect(blocksOf(markdown)).toEqual(['**open**', '**one**', '**two**']);
  });

  test('an italic around a list keeps the list a list, each item on its own line', () => {
    const { markdown } = htmlToMarkdown(
      '<div><i>Tipps für die Fußmassage:<ul><li>warme Hände</li><li>langsame Striche</li></ul>fertig</i></div>',
    );
    expect(blocksOf(markdown)).toEqual([
      '*Tipps für die Fußmassage:*',
      '- warme Hände\n- langsame Striche',
      '*fertig*',
    ]);
  });

  test('a span around a table, under an open bold, keeps the words before and after it apart from the table', () => {
    const { markdown } = htmlToMarkdown(
      '<div><b>Preise <span style="color:#444">2019<table><tr><td>Rücken 30 min</td><td>25 €</td></tr></table>Stand: März</span></b></div>',
    );
    expect(blocksOf(markdown)).toEqual([
      '**Preise 2019**',
      '<table><tbody><tr><td>Rücken 30 min</td><td>25 €</td></tr></tbody></table>',
      '**Stand: März**',
    ]);
  });

  test('a link around two paragraphs becomes the same link in each paragraph', () => {
    const { markdown } = htmlToMarkdown(
      '<div><b><a href="https://example.org/termine">Termine:<p>Termin buchen</p><p>Book an appointment</p></a></b></div>',
    );
    expect(blocksOf(markdown)).toEqual([
      '**[Termine:](https://example.org/termine)**',
      '**[Termin buchen](https://example.org/termine)**',
      '**[Book an appointment](https://example.org/termine)**',
    ]);
  });

  test('an element split in parts keeps its id on the first part only', () => {
    const { markdown } = htmlToMarkdown('<div><span id="fn1">Fußnote 1<p>zweiter Absatz</p></span></div>');
    expect(markdown.match(/id="fn1"/g)).toHaveLength(1);
    // The second paragraph is out of the span: it is not the footnote's target.
    expect(markdown.indexOf('</span>')).toBeGreaterThan(markdown.indexOf('Fußnote 1'));
    expect(markdown.indexOf('</span>')).toBeLessThan(markdown.indexOf('zweiter Absatz'));
    expect(blocksOf(markdown)).toContain('zweiter Absatz');
  });

  test('a font around a center keeps three lines, as the S05 post showed them', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Unclosed <b>bold <i>italic</p><font face="Arial" color="red" size="4">FONT-TEXT</font><center>CENTER-TEXT</center><marquee>MARQUEE-TEXT</marquee>',
    );
    expect(blocksOf(markdown)).toEqual([
      'Unclosed **bold _italic_**',
      '**_FONT-TEXT_**',
      '**_CENTER-TEXT_**',
      '**_MARQUEE-TEXT_**',
    ]);
  });

  test('a bold and then an italic left open across two paragraph ends', () => {
    const { markdown } = htmlToMarkdown(
      '<p>Start <b>fest</p><div>weiter <i>locker<p>eins</p><p>zwei</p></div><p>Ende</p>',
    );
    expect(blocksOf(markdown)).toEqual([
      'Start **fest**',
      '**weiter _locker_**',
      '**_eins_**',
      '**_zwei_**',
      '**_Ende_**',
    ]);
  });

  test('Chinese text gains no spaces when its paragraphs are split out of an open bold', () => {
    const { markdown } = htmlToMarkdown('<div>足底按摩<b>要点<p>先用温水泡脚</p><p>再慢慢按压</p></b></div>');
    expect(blocksOf(markdown)).toEqual(['足底按摩**要点**', '**先用温水泡脚**', '**再慢慢按压**']);
  });

  test('formatting closed where it should be is converted as before', () => {
    const html =
      '<p>Öl <b>warm</b> und <i>langsam</i>, <span style="color:red">nie</span> kalt.</p><div><a href="https://example.org/">Kontakt</a> danach</div><ul><li><b>eins</b></li></ul>';
    expect(htmlToMarkdown(html).markdown).toBe(
      'Öl **warm** und *langsam*, nie kalt.\n\n[Kontakt](https://example.org/) danach\n\n- **eins**\n',
    );
  });
});
