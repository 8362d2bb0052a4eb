import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { autolinkLiterals } from '../../src/integrations/markdown-autolinks.ts';
import { autolinkLength, cutAutolink } from '../../src/lib/autolinks.ts';

/** The site's Markdown of one line, with GFM and the autolink step, as HTML without the <p>. */
async function render(markdown: string): Promise<string> {
  const { html } = await markdownToHtml(markdown, { features: { gfm: true }, hastPlugins: [autolinkLiterals()] });
  return html.trim().replace(/^<p>|<\/p>$/g, '');
}

describe('an address written bare ends where the sentence goes on', () => {
  test.each([
    // Scripts written without spaces: the full stop, comma and brackets of Chinese and Japanese.
    [
      '看：https://zh.wikipedia.org/wiki/按摩。下一句话，很长。',
      '看：<a href="https://zh.wikipedia.org/wiki/%E6%8C%89%E6%91%A9">https://zh.wikipedia.org/wiki/按摩</a>。下一句话，很长。',
    ],
    ['見て（https://example.jp/a）ください', '見て（<a href="https://example.jp/a">https://example.jp/a</a>）ください'],
    [
      '「https://example.jp/予約」へ',
      '「<a href="https://example.jp/%E4%BA%88%E7%B4%84">https://example.jp/予約</a>」へ',
    ],
    // Curly quotes, guillemets, the ellipsis, and the Arabic and Devanagari marks.
    [
      'He said “https://example.com/a” twice.',
      'He said “<a href="https://example.com/a">https://example.com/a</a>” twice.',
    ],
    [
      'Il a dit «https://example.com/a» deux fois.',
      'Il a dit «<a href="https://example.com/a">https://example.com/a</a>» deux fois.',
    ],
    ['Wait https://example.com/a… ok', 'Wait <a href="https://example.com/a">https://example.com/a</a>… ok'],
    [
      'مرحبا https://ar.example/مساج، شكرا',
      'مرحبا <a href="https://ar.example/%D9%85%D8%B3%D8%A7%D8%AC">https://ar.example/مساج</a>، شكرا',
    ],
    ['देखें https://example.in/a। फिर', 'देखें <a href="https://example.in/a">https://example.in/a</a>। फिर'],
    ['Visit www.example.com” now', 'Visit <a href="http://www.example.com">www.example.com</a>” now'],
  ])('%j', async (markdown, html) => {
    expect(await render(markdown)).toBe(html);
  });

  test.each([
    // Dashes and the middle dot belong in Wikipedia titles; a link the author wrote is theirs.
    'Brown https://en.wikipedia.org/wiki/Brown–Séquard_syndrome ok',
    'Catalan https://ca.wikipedia.org/wiki/Col·legi ok',
    'A [link](https://example.com/“x”) stays',
    'An address alone: https://example.com/a.',
    'I never type the www. part',
  ])('%j is left as GFM reads it', async (markdown) => {
    expect(await render(markdown)).toBe(
      markdownToHtml(markdown, { features: { gfm: true } })
        .html.trim()
        .replace(/^<p>|<\/p>$/g, '')
        .replace('<a href="http://www">www</a>', 'www'),
    );
  });

  test('autolinkLength counts UTF-16 code units, and an address with no mark is whole', () => {
    expect(autolinkLength('https://example.com/😀。x')).toBe('https://example.com/😀'.length);
    expect(autolinkLength('https://example.com/a')).toBe(21);
  });

  test('cutAutolink leaves links whose text is not their address, and addresses cut to their scheme', () => {
    expect(cutAutolink('https://example.com/a', 'the page')).toBeUndefined();
    expect(cutAutolink('https://%E2%80%9Cquoted%E2%80%9D', 'https://“quoted”')).toBeUndefined();
    expect(cutAutolink('https://example.com/%E3%80', 'https://example.com/%E3%80')).toBeUndefined();
  });
});
