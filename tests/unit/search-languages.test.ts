import { describe, expect, test } from 'vitest';
import {
  getOtherSearchLanguages,
  getPrimarySearchLanguage,
  getSearchIndexLanguage,
  withDocumentLanguage,
} from '../../src/lib/search-languages.ts';

describe('search languages', () => {
  const languages = { 'en-gb': { page_count: 40 }, 'zh-hans': { page_count: 2 }, ja: { page_count: 1 } };

  test('the page loads its own language first, as Pagefind does', () => {
    expect(getPrimarySearchLanguage(languages, 'en-GB')).toBe('en-gb');
    expect(getPrimarySearchLanguage({ en: { page_count: 1 }, ja: { page_count: 3 } }, 'en-GB')).toBe('en');
    expect(getPrimarySearchLanguage({ ja: { page_count: 1 }, zh: { page_count: 3 } }, 'en-GB')).toBe('zh');
    expect(getPrimarySearchLanguage({}, 'en-GB')).toBeUndefined();
  });

  test('every other language is merged in, once', () => {
    expect(getOtherSearchLanguages(languages, 'en-GB')).toEqual(['ja', 'zh-hans']);
    expect(getOtherSearchLanguages({ 'en-gb': { page_count: 4 } }, 'en-GB')).toEqual([]);
  });

  test('Chinese and Japanese pages keep their own index; other languages are indexed as the site', () => {
    expect(getSearchIndexLanguage('zh-Hans', 'en-GB')).toBe('zh-Hans');
    expect(getSearchIndexLanguage('zh-Hant-TW', 'en-GB')).toBe('zh-Hant-TW');
    expect(getSearchIndexLanguage('ja', 'en-GB')).toBe('ja');
    for (const lang of ['ar', 'he', 'pt-BR', 'ru', 'ko', 'hi', 'en-GB'])
      expect(getSearchIndexLanguage(lang, 'en-GB')).toBe('en-GB');
  });

  test('Thai pages keep their own index too: Thai is written without spaces, and only its own index splits it into words', () => {
    expect(getSearchIndexLanguage('th', 'en-GB')).toBe('th');
    expect(getSearchIndexLanguage('th-TH', 'en-GB')).toBe('th-TH');
  });

  test('withDocumentLanguage sets the lang of the html element only', () => {
    const html = '<!doctype html><html lang="ar" dir="rtl"><body lang="en-GB"><p lang="ar">x</p></body></html>';
    expect(withDocumentLanguage(html, 'en-GB')).toBe(
      '<!doctype html><html lang="en-GB" dir="rtl"><body lang="en-GB"><p lang="ar">x</p></body></html>',
    );
    expect(withDocumentLanguage('<html><body></body></html>', 'ja')).toBe('<html lang="ja"><body></body></html>');
  });
});
