import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applySettings, findPlaceholderSettings, isPlaceholderHost, validate } from '../../src/lib/setup.ts';

const CONFIG = readFileSync(new URL('../../src/site.config.ts', import.meta.url), 'utf8');

describe('the setup answers are checked one by one', () => {
  test('an address is kept as its origin; a path, an example host or a non-web address is refused', () => {
    expect(validate.url(' https://www.Fuß-Massage.de/ ')).toEqual({
      ok: true,
      value: 'https://www.xn--fu-massage-63a.de',
    });
    expect(validate.url('https://massage-wellness.example')).toMatchObject({
      ok: false,
      message: expect.stringContaining('example address'),
    });
    expect(validate.url('https://blog.example.com/')).toMatchObject({ ok: false });
    expect(validate.url('https://my-blog.co.uk/blog/')).toMatchObject({
      ok: false,
      message: expect.stringContaining('without a path'),
    });
    expect(validate.url('my-blog.co.uk')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a web address'),
    });
    expect(validate.url('ftp://my-blog.co.uk')).toMatchObject({ ok: false });
  });

  test('a language tag is put in its canonical case; nonsense is refused', () => {
    expect(validate.language('en-gb')).toEqual({ ok: true, value: 'en-GB' });
    expect(validate.language('de')).toEqual({ ok: true, value: 'de' });
    expect(validate.language('English')).toMatchObject({ ok: false, message: expect.stringContaining('write en') });
    // The same tags as a post's lang: scripts and regions beyond two letters, checked against the registry.
    expect(validate.language('zh-hant')).toEqual({ ok: true, value: 'zh-Hant' });
    expect(validate.language('es-419')).toEqual({ ok: true, value: 'es-419' });
    expect(validate.language('sr-Latn-RS')).toEqual({ ok: true, value: 'sr-Latn-RS' });
    expect(validate.language('pt_BR')).toMatchObject({ ok: false, message: expect.stringContaining('write pt-BR') });
  });

  test('a time zone must be one Intl knows', () => {
    expect(validate.timeZone('Europe/London')).toEqual({ ok: true, value: 'Europe/London' });
    expect(validate.timeZone('London')).toMatchObject({ ok: false });
    expect(validate.timeZone('')).toMatchObject({ ok: false });
  });

  test('the comment channel is an email address, an inbox or a form, never an example address', () => {
    expect(validate.comments('ann@my-mail.co.uk')).toEqual({
      ok: true,
      value: { mode: 'mailto', address: 'ann@my-mail.co.uk' },
    });
    expect(validate.comments('mailto:ann@my-mail.co.uk')).toMatchObject({ ok: true });
    expect(validate.comments('inbox https://comments.my-blog.co.uk/')).toEqual({
      ok: true,
      value: { mode: 'inbox', url: 'https://comments.my-blog.co.uk/' },
    });
    expect(validate.comments('form:https://forms.my-blog.co.uk/comment')).toMatchObject({
      ok: true,
      value: { mode: 'form' },
    });
    expect(validate.comments('comments@massage-wellness.example')).toMatchObject({ ok: false });
    expect(validate.comments('inbox http://localhost:8787/')).toMatchObject({ ok: false });
    expect(validate.comments('by post')).toMatchObject({
      ok: false,
      message: expect.stringContaining('email address'),
    });
  });

  test('an empty name, description or author is refused with what to write', () => {
    expect(validate.title('  ')).toMatchObject({ ok: false });
    expect(validate.description('')).toMatchObject({ ok: false });
    expect(validate.author('')).toMatchObject({ ok: false });
    expect(validate.description('Two\n lines')).toEqual({ ok: true, value: 'Two lines' });
  });
});

describe('applySettings', () => {
  const answers = {
    title: "Ann's Massage Notes: “Füße” & more",
    url: 'https://www.anns-notes.co.uk',
    description: 'Notes on massage, from a therapist in Leeds.',
    language: 'en-GB',
    timeZone: 'Europe/London',
    comments: { mode: 'inbox' as const, url: 'https://comments.anns-notes.co.uk/' },
  };

  test('writes each answer into the settings file and keeps everything else', () => {
    const written = applySettings(CONFIG, answers);
    expect(written).toContain("url: 'https://www.anns-notes.co.uk',");
    expect(written).toContain("title: 'Ann\\'s Massage Notes: “Füße” & more',");
    expect(written).toMatch(/description:\s+'Notes on massage, from a therapist in Leeds.',/);
    expect(written).toContain("comments: { mode: 'inbox', url: 'https://comments.anns-notes.co.uk/' },");
    expect(written).toContain("feedIdDate: '2025-06-01'");
    expect(written.slice(0, CONFIG.indexOf('defineSiteConfig({'))).toBe(
      CONFIG.slice(0, CONFIG.indexOf('defineSiteConfig({')),
    );
  });

  test('says which setting it cannot find in a reshaped file', () => {
    expect(() => applySettings(CONFIG.replace(/\n\s*timeZone: '[^']*',/, ''), answers)).toThrow(/timeZone/);
  });
});

describe('findPlaceholderSettings', () => {
  test('names the example site address and comment address, and passes real ones', () => {
    expect(isPlaceholderHost('massage-wellness.example')).toBe(true);
    expect(isPlaceholderHost('example.org')).toBe(true);
    expect(isPlaceholderHost('examples.org')).toBe(false);
    const problems = findPlaceholderSettings({
      url: 'https://massage-wellness.example',
      comments: { mode: 'mailto', address: 'comments@massage-wellness.example' },
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^url: .* npm run setup -- --url/);
    expect(problems[1]).toMatch(/^comments: .* npm run setup -- --comments/);
    expect(
      findPlaceholderSettings({
        url: 'https://www.anns-notes.co.uk',
        comments: { mode: 'mailto', address: 'ann@anns-notes.co.uk' },
      }),
    ).toEqual([]);
  });
});
