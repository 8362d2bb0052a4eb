import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { checkContent, formatProblem } from '../../src/lib/content-check.ts';
import { getLangAttributes, getTextDirection, parseLanguageTag, toOpenGraphLocale } from '../../src/lib/language.ts';
import { createPostSchema, pageSchema } from '../../src/lib/schemas.ts';
import { defineSiteConfig, SITE } from '../../src/site.config.ts';
import { contentInput } from './content-input.ts';

describe('parseLanguageTag', () => {
  test.each([
    ['es-419', 'es-419'],
    ['zh-Hant', 'zh-Hant'],
    ['sr-Latn-RS', 'sr-Latn-RS'],
    ['pt-BR', 'pt-BR'],
    ['ja', 'ja'],
    ['ar', 'ar'],
    ['he-IL', 'he-IL'],
    ['en-GB', 'en-GB'],
    ['de-DE-1901', 'de-DE-1901'],
    ['yue-Hant-HK', 'yue-Hant-HK'],
    ['en-US-x-twain', 'en-US-x-twain'],
    ['und', 'und'],
  ])('accepts %s', (value, tag) => {
    expect(parseLanguageTag(value)).toEqual({ ok: true, tag });
  });

  test.each([
    ['zh-hant', 'zh-Hant'],
    ['ZH-HANS-cn', 'zh-Hans-CN'],
    ['EN-gb', 'en-GB'],
    ['pt-br', 'pt-BR'],
    ['  ja  ', 'ja'],
  ])('writes %s in its canonical case, %s', (value, tag) => {
    expect(parseLanguageTag(value)).toEqual({ ok: true, tag });
  });

  test.each([
    ['pt_BR', 'pt-BR'],
    ['en_us', 'en-US'],
    ['sr_Latn_RS', 'sr-Latn-RS'],
    ['en-UK', 'en-GB'],
    ['en--GB', 'en-GB'],
    ['chinese', 'zh'],
    ['Chinese', 'zh'],
    ['english', 'en'],
    ['Portuguese', 'pt'],
    ['en-Latn', 'en'],
    ['iw', 'he'],
    ['mo', 'ro'],
    ['zh-yue', 'yue'],
    ['i-klingon', 'tlh'],
  ])('refuses %s and suggests %s', (value, suggestion) => {
    const result = parseLanguageTag(value);
    expect(result).toMatchObject({ ok: false, suggestion });
    expect(result.ok === false && result.message).toMatch(new RegExp(`^"${value}" is .*; write ${suggestion}$`));
  });

  test('says that a deprecated tag is deprecated, not malformed', () => {
    expect(parseLanguageTag('iw')).toMatchObject({ message: '"iw" is a deprecated language tag; write he' });
  });

  test.each(['', ' ', 'x-private', 'en-GB-GB', 'de-419-DE', 'klingonese', '12', 'en GB', 'en-a', '🙂'])(
    'refuses %j with a general example when no tag is near',
    (value) => {
      const result = parseLanguageTag(value);
      expect(result.ok).toBe(false);
      if (!result.ok && !result.suggestion) expect(result.message).toMatch(/such as en-GB, pt-BR, es-419 or zh-Hant$/);
    },
  );
});

describe('getTextDirection', () => {
  test.each(['ar', 'ar-EG', 'he', 'fa', 'ur', 'yi', 'az-Arab', 'ckb'])('%s is written right to left', (tag) => {
    expect(getTextDirection(tag)).toBe('rtl');
  });

  test.each(['en-GB', 'zh-Hant', 'ja', 'ko', 'ru', 'th', 'sr-Latn-RS', 'es-419', 'az-Latn'])(
    '%s is written left to right',
    (tag) => {
      expect(getTextDirection(tag)).toBe('ltr');
    },
  );
});

describe('getLangAttributes', () => {
  test('adds nothing for text in the language around it, whatever the case', () => {
    expect(getLangAttributes('en-GB', 'en-GB')).toEqual({});
    expect(getLangAttributes('en-gb', 'en-GB')).toEqual({});
  });

  test('marks another language, and its direction only when it changes', () => {
    expect(getLangAttributes('ja', 'en-GB')).toEqual({ lang: 'ja' });
    expect(getLangAttributes('ar', 'en-GB')).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(getLangAttributes('he', 'ar')).toEqual({ lang: 'he' });
    expect(getLangAttributes('en-GB', 'ar')).toEqual({ lang: 'en-GB', dir: 'ltr' });
  });
});

describe('toOpenGraphLocale', () => {
  test.each([
    ['en-GB', 'en_GB'],
    ['pt-BR', 'pt_BR'],
    ['ja', 'ja'],
    ['es-419', 'es'],
    ['zh-Hant-TW', 'zh_TW'],
  ])('%s is %s', (tag, locale) => {
    expect(toOpenGraphLocale(tag)).toBe(locale);
  });
});

describe('the lang field', () => {
  const postSchema = createPostSchema({ image: z.string(), author: z.string(), timeZone: 'Europe/London' });
  const article = {
    title: '按摩入门',
    description: '给初学者的按摩指南。',
    pubDate: '2024-11-01',
    author: 'editorial',
    kind: 'article',
  };

  test('is optional, and canonical when given', () => {
    expect(postSchema.parse(article).lang).toBeUndefined();
    expect(postSchema.parse({ ...article, lang: 'zh-hans' }).lang).toBe('zh-Hans');
    expect(pageSchema('Europe/London').parse({ title: 'Sobre', description: 'x', lang: 'pt-br' }).lang).toBe('pt-BR');
  });

  test('a bad lang in a post is a content error naming the file, the line, the field and the tag to write', () => {
    const text = [
      '---',
      'title: Massagem',
      'description: x',
      'pubDate: 2021-03-05',
      'author: editorial',
      'kind: article',
      'lang: pt_BR',
      '---',
      '',
      'Texto.',
    ].join('\n');
    const problems = checkContent(contentInput({ posts: [{ path: 'content/posts/m.md', entry: 'm.md', text }] }));
    expect(problems.map(formatProblem)).toEqual([
      'content/posts/m.md:7: lang: "pt_BR" is not a valid BCP 47 language tag; write pt-BR',
    ]);
  });

  test.each([
    ['en-UK', 'en-GB'],
    ['chinese', 'zh'],
  ])('lang: %s in a post says to write %s', (value, suggestion) => {
    const text = `---\ntitle: T\ndescription: x\npubDate: 2025-01-01\nauthor: editorial\nkind: article\nlang: ${value}\n---\n\nText.\n`;
    const [problem] = checkContent(contentInput({ posts: [{ path: 'content/posts/t.md', entry: 't.md', text }] }));
    expect(formatProblem(problem!)).toBe(
      `content/posts/t.md:7: lang: "${value}" is not a valid BCP 47 language tag; write ${suggestion}`,
    );
  });

  test('a lang that is not text is refused with an example', () => {
    const result = postSchema.safeParse({ ...article, lang: 42 });
    expect(result.error?.issues[0]?.message).toBe('lang is a language tag such as en-GB, pt-BR or zh-Hant');
  });
});

describe('the site language setting', () => {
  test.each(['es-419', 'zh-Hant', 'sr-Latn-RS', 'pt-BR', 'ja', 'en-GB'])('accepts %s', (language) => {
    expect(defineSiteConfig({ ...SITE, language }).language).toBe(language);
  });

  test('canonicalises the case', () => {
    expect(defineSiteConfig({ ...SITE, language: 'zh-hant' }).language).toBe('zh-Hant');
  });

  test.each([
    ['pt_BR', 'pt-BR'],
    ['en-UK', 'en-GB'],
  ])('refuses %s in one sentence that names the field and the fix', (language, suggestion) => {
    expect(() => defineSiteConfig({ ...SITE, language })).toThrow(
      `src/site.config.ts: language: "${language}" is not a valid BCP 47 language tag; write ${suggestion}`,
    );
  });
});
