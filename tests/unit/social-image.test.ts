import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import {
  getSocialImagePng,
  getSocialImageState,
  prepareSocialImages,
  pruneSocialImageCache,
  resetSocialImageStats,
} from '../../src/lib/social-image-cache.ts';
import {
  buildSocialCard,
  drawSocialImage,
  getDrawableText,
  getSocialImageKey,
  getTitleFontSize,
  loadSocialFonts,
  parseUnicodeRanges,
  type CardElement,
  type SocialCardInput,
} from '../../src/lib/social-image.ts';

const CARD: SocialCardInput = {
  title: 'Deep Tissue Massage After Running',
  siteName: 'Massage & Wellness',
  siteHost: 'massage-wellness.example',
  label: 'Article',
  tag: 'Running',
};

/** Every piece of text in a card's element tree, in order. */
function textsOf(node: CardElement | string): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  if (children === undefined) return [];
  return (Array.isArray(children) ? children : [children]).flatMap(textsOf);
}

describe('getSocialImageKey', () => {
  test('changes with everything the card shows', () => {
    const key = getSocialImageKey(CARD);
    expect(getSocialImageKey({ ...CARD, title: 'Deep Tissue Massage After Cycling' })).not.toBe(key);
    expect(getSocialImageKey({ ...CARD, siteName: 'Wellness' })).not.toBe(key);
    expect(getSocialImageKey({ ...CARD, label: 'Review' })).not.toBe(key);
    expect(getSocialImageKey({ ...CARD, tag: 'Recovery' })).not.toBe(key);
    expect(getSocialImageKey({ ...CARD, siteHost: 'example.org' })).not.toBe(key);
  });

  test('changes when the fonts or the renderers change', () => {
    expect(getSocialImageKey(CARD, 'other fonts or renderers')).not.toBe(getSocialImageKey(CARD));
  });

  test('stays the same for the same card, whatever else the caller carries along', () => {
    const withExtras = { ...CARD, description: 'Not drawn', pubDate: new Date() } as SocialCardInput;
    expect(getSocialImageKey(withExtras)).toBe(getSocialImageKey({ ...CARD }));
  });

  test('ignores differences the card does not draw (spacing, emoji the font lacks)', () => {
    expect(getSocialImageKey({ ...CARD, title: ' Deep  Tissue Massage After Running 🏃 ' })).toBe(
      getSocialImageKey(CARD),
    );
  });
});

describe('getDrawableText', () => {
  const coverage = loadSocialFonts().coverage;

  test('keeps Latin with accents, Greek, Cyrillic and Vietnamese letters', () => {
    for (const text of ['Rückenmassage', 'Łódź', 'Μασάζ', 'Массаж спины', 'Tiếng Việt', 'Shepherd’s Bush — “London”']) {
      expect(getDrawableText(text, coverage)).toBe(text);
    }
  });

  test('drops emoji and symbols the font lacks, and tidies the spaces they leave', () => {
    expect(getDrawableText('Hot Stone Massage 🔥 at Home ✨', coverage)).toBe('Hot Stone Massage at Home');
  });

  test('gives up on text with letters the font lacks, rather than drawing it with holes', () => {
    expect(getDrawableText('指圧 massage', coverage)).toBeUndefined();
    expect(getDrawableText('🙂', coverage)).toBeUndefined();
  });
});

describe('parseUnicodeRanges', () => {
  test('reads single code points and ranges', () => {
    expect(parseUnicodeRanges('U+0000-00FF, U+0131')).toEqual([
      [0, 255],
      [0x131, 0x131],
    ]);
  });

  test('rejects what is not a range', () => {
    expect(() => parseUnicodeRanges('latin')).toThrow('"latin" is not a unicode-range');
  });
});

describe('buildSocialCard', () => {
  test('shows the title, label, tag and site', () => {
    expect(textsOf(buildSocialCard(CARD))).toEqual([
      'Article  ·  Running',
      CARD.title,
      'Massage & Wellness',
      'massage-wellness.example',
    ]);
  });

  test('shows the site name in place of a title it cannot draw', () => {
    expect(textsOf(buildSocialCard({ ...CARD, title: '指圧マッサージ' }))[1]).toBe('Massage & Wellness');
  });

  test('sets long titles smaller, so that they fit in four lines', () => {
    expect(getTitleFontSize('Rückenmassage')).toBeGreaterThan(getTitleFontSize(CARD.title));
    expect(getTitleFontSize(CARD.title)).toBeGreaterThan(getTitleFontSize('x'.repeat(200)));
  });
});

describe('drawSocialImage', () => {
  test('draws a 1200x630 PNG', async () => {
    const png = await drawSocialImage(CARD);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  test('draws a different picture for a different title', async () => {
    const [a, b] = await Promise.all([drawSocialImage(CARD), drawSocialImage({ ...CARD, title: 'Another title' })]);
    expect(a.equals(b)).toBe(false);
  });
});

describe('getSocialImagePng', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'social-cache-'));
  afterAll(() => {
    rmSync(cacheDir, { recursive: true, force: true });
    getSocialImageState().cacheDir = undefined;
  });

  test('draws a card once, then reads it from the cache', async () => {
    getSocialImageState().cacheDir = cacheDir;
    const stats = resetSocialImageStats();
    const first = await getSocialImagePng(CARD);
    const second = await getSocialImagePng(CARD);
    expect(second.equals(first)).toBe(true);
    expect([stats.drawn, stats.reused]).toEqual([1, 1]);
    expect(readdirSync(cacheDir)).toEqual([`${getSocialImageKey(CARD)}.png`]);
  });

  test('a card drawn ahead is drawn once, counted once, and then handed out', async () => {
    const stats = resetSocialImageStats();
    const ahead = { ...CARD, title: 'Drawn ahead of time' };
    prepareSocialImages([ahead, ahead, CARD]);
    const png = await getSocialImagePng(ahead);
    expect(png.equals(await drawSocialImage(ahead))).toBe(true);
    // CARD was cached by the test above, so only one card was drawn ahead.
    expect([stats.drawn, stats.reused]).toEqual([1, 0]);
    expect(await getSocialImagePng(ahead)).toEqual(png);
    expect([stats.drawn, stats.reused]).toEqual([1, 1]);
    rmSync(join(cacheDir, `${getSocialImageKey(ahead)}.png`));
  });

  test('pruning removes the cached cards a build did not use, and nothing else', () => {
    writeFileSync(join(cacheDir, 'stale.png'), 'old');
    writeFileSync(join(cacheDir, 'abc.png.123.partial'), 'being written');
    expect(pruneSocialImageCache(cacheDir, new Set([getSocialImageKey(CARD)]))).toBe(1);
    expect(readdirSync(cacheDir).sort()).toEqual([`${getSocialImageKey(CARD)}.png`, 'abc.png.123.partial']);
  });
});
