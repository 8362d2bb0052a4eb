import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { SocialCardCache } from '../../src/integrations/social-card-cache.ts';
import satori from 'satori';
import { loadFontSlices, parseUnicodeRanges, selectFontSlices } from '../../src/integrations/social-card-fonts.ts';
import {
  buildSocialCard,
  drawSocialImage,
  drawSocialImageWithStats,
  fitCardLayout,
  getDrawableText,
  getPreferredLayout,
  getSocialImageKey,
  getTitleFontSize,
  isRightToLeft,
  type CardElement,
} from '../../src/integrations/social-card-drawing.ts';
import { SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialCardInput } from '../../src/lib/social-card-input.ts';

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

  test('ignores differences the card does not draw (spacing, symbols no font has)', () => {
    expect(getSocialImageKey({ ...CARD, title: ' Deep  Tissue Massage After Running \u{E000} ' })).toBe(
      getSocialImageKey(CARD),
    );
  });
});

describe('getDrawableText', () => {
  test('keeps Latin with accents, Greek, Cyrillic, Vietnamese, CJK, Arabic, Hebrew, Devanagari and Thai', () => {
    for (const text of [
      'Rückenmassage',
      'Łódź',
      'Μασάζ',
      'Массаж спины',
      'Tiếng Việt',
      'Shepherd’s Bush — “London”',
      '指圧 massage',
      '肩頸按摩',
      '마사지',
      'تدليك الظهر',
      'עיסוי',
      'मालिश',
    ]) {
      expect(getDrawableText(text)).toBe(text);
    }
  });

  test('keeps emoji, drawing a joined emoji as its first', () => {
    expect(getDrawableText('Hot Stone Massage 🔥 at Home ✨')).toBe('Hot Stone Massage 🔥 at Home ✨');
    expect(getDrawableText('Spa day 💆‍♀️ 👍🏽')).toBe('Spa day 💆 👍');
  });

  test('marks the breaks between Thai words, which Thai writes without spaces', () => {
    expect(getDrawableText('นวดแผนไทยช่วยบรรเทา')).toBe('นวด\u200Bแผน\u200Bไทย\u200Bช่วย\u200Bบรรเทา');
  });

  test('drops symbols no font has, and tidies the spaces they leave', () => {
    expect(getDrawableText('Massage \u{E000} at Home')).toBe('Massage at Home');
  });

  test('drops invisible bidi controls (an override spoofing the order), keeping the text they surround', () => {
    expect(getDrawableText('Hostile \u202Eevil\u202C and \u2067isolated\u2069 \u200Fmark')).toBe(
      'Hostile evil and isolated mark',
    );
  });

  test('a title mixing a bidi override with emoji is drawn, where the shaper used to throw', async () => {
    const fallbacks: unknown[] = [];
    const png = await drawSocialImage(
      { ...CARD, title: 'Mallory \u202Eevil\u202C zero\u200Bwidth \u{1F600} & "Sons" </script>' },
      (error) => fallbacks.push(error),
    );
    expect(fallbacks).toEqual([]);
    expect((await sharp(png).metadata()).width).toBe(SOCIAL_IMAGE_WIDTH);
  });

  test('gives up on letters of a script no font has, rather than drawing them with holes', () => {
    expect(getDrawableText('მასაჟი')).toBeUndefined(); // Georgian
    expect(getDrawableText('\u{E000}')).toBeUndefined();
  });

  test('gives up on a script whose letters a font declares in its unicode-range but has no glyph for (Noto Serif TC declares Khmer, Armenian, Ethiopic)', () => {
    for (const title of ['ការម៉ាស្សាជួយបន្ធូរសាច់ដុំ', 'Մերսում', 'የእግር ማሸት', 'ಮಸಾಜ್']) {
      expect(getDrawableText(title), title).toBeUndefined();
    }
    // Scripts the card has fonts for are still drawn, letters and marks included.
    for (const title of ['Rückenmassage', 'नवीनतम मालिश', 'การนวดแผนไทย', 'عِلاج', '肩颈按摩', '마사지', 'Ελληνικά']) {
      // Thai gets zero-width spaces where its lines may break (it writes no spaces between words).
      expect(getDrawableText(title)?.replaceAll('\u200B', ''), title).toBe(title);
    }
  });
});

describe('isRightToLeft', () => {
  test('follows the first strong character (UAX #9, P2)', () => {
    expect(isRightToLeft('العلاج بالتدليك')).toBe(true);
    expect(isRightToLeft('2024: עיסוי')).toBe(true);
    expect(isRightToLeft('Massage العلاج')).toBe(false);
    expect(isRightToLeft('2024')).toBe(false);
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

  test('shows the site name in place of a title in a script it has no font for', () => {
    expect(textsOf(buildSocialCard({ ...CARD, title: 'მასაჟი' }))[1]).toBe('Massage & Wellness');
    expect(textsOf(buildSocialCard({ ...CARD, title: 'ការម៉ាស្សា' }))[1]).toBe('Massage & Wellness');
  });

  test('draws a Chinese, Japanese, Arabic or Hebrew title in its own script', () => {
    for (const title of ['指圧マッサージ', '肩颈按摩', 'العلاج بالتدليك', 'עיסוי רקמות']) {
      expect(textsOf(buildSocialCard({ ...CARD, title }))[1]).toBe(title);
    }
  });

  test('prefers large type for short titles (the largest size a title may have)', () => {
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

describe('the social card cache', () => {
  const made: string[] = [];
  /** A cache folder and an output folder of the test's own, so no test sees another's cards. */
  const folders = () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'social-cache-'));
    const outDir = mkdtempSync(join(tmpdir(), 'social-out-'));
    made.push(cacheDir, outDir);
    return { cacheDir, outDir };
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const noWarning = (message: string) => expect.unreachable(message);

  test('draws a card once, into the cache and the output; the next build copies it from the cache', async () => {
    const { cacheDir, outDir } = folders();
    const first = new SocialCardCache(cacheDir);
    // Two pages naming the same card: drawn once.
    await first.place(
      new Map([
        ['/social/posts/a.png', CARD],
        ['/social/posts/b.png', CARD],
      ]),
      outDir,
      noWarning,
    );
    expect([first.stats.drawn, first.stats.reused]).toEqual([1, 1]);
    expect(readdirSync(cacheDir)).toEqual([`${getSocialImageKey(CARD)}.png`]);
    const drawn = readFileSync(join(outDir, 'social/posts/a.png'));
    expect(drawn.equals(await drawSocialImage(CARD))).toBe(true);
    const second = new SocialCardCache(cacheDir);
    await second.place(new Map([['/social/posts/a.png', CARD]]), outDir, noWarning);
    expect([second.stats.drawn, second.stats.reused]).toEqual([0, 1]);
  });

  test("a title the card has no font for is drawn as the site's name, and the build is told so on every build, cached or not", async () => {
    const { cacheDir, outDir } = folders();
    const khmer = { ...CARD, title: 'ការម៉ាស្សាជួយបន្ធូរសាច់ដុំ' };
    for (const build of [1, 2]) {
      const warnings: string[] = [];
      const cache = new SocialCardCache(cacheDir);
      await cache.place(new Map([['/social/posts/k.png', khmer]]), outDir, (message) => warnings.push(message));
      expect(warnings, `build ${build}`).toEqual([
        `social card for "${khmer.title}": the card has no font for the letters of this title, so it shows the site's name instead (the page keeps its title)`,
      ]);
    }
    expect(readFileSync(join(outDir, 'social/posts/k.png')).equals(await drawSocialImage(khmer))).toBe(true);
  });

  test('pruning removes the cached cards a build did not use, and nothing else', async () => {
    const { cacheDir, outDir } = folders();
    writeFileSync(join(cacheDir, 'stale.png'), 'old');
    writeFileSync(join(cacheDir, 'abc.png.123.partial'), 'being written');
    const cache = new SocialCardCache(cacheDir);
    // A build that used no card (it failed before) removes nothing.
    expect(cache.prune()).toBe(0);
    await cache.place(new Map([['/social/site.png', CARD]]), outDir, noWarning);
    expect(cache.prune()).toBe(1);
    expect(readdirSync(cacheDir).sort()).toEqual([`${getSocialImageKey(CARD)}.png`, 'abc.png.123.partial']);
  });
});

/** The card's background, where nothing is drawn. */
const BACKGROUND = [0xfb, 0xfa, 0xf6] as const;
/** The box text may take: right of the accent bar's margin, left of the right margin. */
const TEXT_BOX = { left: 96, right: SOCIAL_IMAGE_WIDTH - 88 } as const;
/** Below this line the corner stones are drawn. */
const STONES_TOP = 415;

interface Pixels {
  data: Buffer;
  /** Whether the pixel at (x, y) differs from the background (ink). */
  ink(x: number, y: number): boolean;
}

async function readPixels(png: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([SOCIAL_IMAGE_WIDTH, SOCIAL_IMAGE_HEIGHT]);
  return {
    data,
    ink: (x, y) => {
      const i = (y * SOCIAL_IMAGE_WIDTH + x) * 3;
      return (
        Math.abs(data[i]! - BACKGROUND[0]) +
          Math.abs(data[i + 1]! - BACKGROUND[1]) +
          Math.abs(data[i + 2]! - BACKGROUND[2]) >
        48
      );
    },
  };
}

/** Ink pixels in a region, and the box around them. */
function inkIn(pixels: Pixels, region: { left: number; right: number; top: number; bottom: number }) {
  let count = 0;
  let left = Infinity;
  let right = -Infinity;
  for (let y = region.top; y < region.bottom; y++) {
    for (let x = region.left; x < region.right; x++) {
      if (!pixels.ink(x, y)) continue;
      count += 1;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { count, left, right };
}

/** The title's band: under the kicker, above the stones and the site's name. */
const TITLE_BAND = { left: 16, right: SOCIAL_IMAGE_WIDTH, top: 110, bottom: STONES_TOP };

/** The titles the issue names (C6 and its siblings), one card each. */
const HARD_TITLES: [name: string, title: string][] = [
  ['a long English word', 'Pneumonoultramicroscopicsilicovolcanoconiosis and other words a therapist meets'],
  ['C6, a long compound of terms', 'Suboccipitaltrapeziusmyofascialdecompressiontechniques explained'],
  ['a German compound', 'Rückenschmerzbehandlungsmethodenvergleichsstudie für Büroangestellte'],
  ['an address', 'https://www.massage-wellness.example/posts/deep-tissue-massage-after-running/?utm_source=feed'],
  [
    'a long Chinese title without spaces',
    '肩颈按摩：缓解疼痛与压力的十个简单方法，适合长期伏案工作的上班族和经常低头看手机的学生们在家里自己练习的完整指南',
  ],
  ['a Traditional Chinese title', '肩頸按摩：緩解疼痛與壓力的十個簡單方法'],
  ['a Japanese title', '肩こりに効くマッサージ：自宅でできる簡単な方法'],
  ['a Korean title', '어깨 마사지: 통증과 스트레스를 줄이는 간단한 방법'],
  [
    'a long Arabic title',
    'العلاج بالتدليك للظهر: دليل شامل لتخفيف آلام أسفل الظهر والرقبة بعد ساعات طويلة من العمل أمام الحاسوب في المكتب',
  ],
  ['a Hebrew title', 'עיסוי רקמות עמוק אחרי ריצה: מדריך מלא למתחילים'],
  ['a Russian title', 'Массаж спины после бега: полное руководство'],
  ['a Greek title', 'Μασάζ πλάτης μετά το τρέξιμο'],
  ['a Hindi title', 'पीठ की मालिश के फायदे: एक संपूर्ण मार्गदर्शिका'],
  ['a Thai title', 'นวดแผนไทยช่วยบรรเทาอาการปวดหลังและความเครียดจากการทำงานหน้าคอมพิวเตอร์'],
  ['an emoji-heavy title', '💆‍♀️ Spa day ✨ with hot stones 🔥🔥 and herbs 🌿🌿🌿 🇬🇧 🧘'],
];

describe('every title fits its card and is drawn in its own script', { timeout: 60_000 }, () => {
  test.each(HARD_TITLES)('%s: nothing runs into the margins, and the title is drawn', async (_name, title) => {
    const { png, layout } = await drawSocialImageWithStats({ ...CARD, title });
    const pixels = await readPixels(png);
    // The margins beside the text box stay empty (the accent bar is left of 16 px).
    expect(inkIn(pixels, { left: 16, right: TEXT_BOX.left - 4, top: 0, bottom: SOCIAL_IMAGE_HEIGHT }).count).toBe(0);
    expect(
      inkIn(pixels, { left: TEXT_BOX.right + 2, right: SOCIAL_IMAGE_WIDTH, top: 0, bottom: STONES_TOP }).count,
    ).toBe(0);
    // The title itself is drawn, not replaced by the site's name.
    expect(layout.title.text.replace(/[\s\u200B-]/g, '')).toBe(getDrawableText(title)!.replace(/[\s\u200B-]/g, ''));
    expect(inkIn(pixels, TITLE_BAND).count).toBeGreaterThan(3000);
  });

  test.each(HARD_TITLES.filter(([, title]) => /[^\p{Script=Latin}\p{Script=Common}]/u.test(title)))(
    '%s: its letters are glyphs of their script, not the boxes of missing ones',
    async (_name, title) => {
      const input = { ...CARD, title };
      const { png, layout } = await drawSocialImageWithStats(input);
      // The same card with the Latin font alone, as it was drawn before: what missing glyphs look like.
      const latinOnly = await loadFontSlices(
        selectFontSlices(
          [
            { text: 'a', weight: 600 },
            { text: 'a', weight: 400 },
          ],
          ['latin'],
        ),
      );
      const svg = await satori(buildSocialCard(input, layout) as never, {
        width: SOCIAL_IMAGE_WIDTH,
        height: SOCIAL_IMAGE_HEIGHT,
        fonts: latinOnly.fonts,
      });
      const missing = await readPixels(await sharp(Buffer.from(svg)).png().toBuffer());
      const drawn = await readPixels(png);
      let differing = 0;
      for (let y = TITLE_BAND.top; y < TITLE_BAND.bottom; y++) {
        for (let x = TITLE_BAND.left; x < TITLE_BAND.right; x++)
          if (drawn.ink(x, y) !== missing.ink(x, y)) differing += 1;
      }
      expect(differing / inkIn(drawn, TITLE_BAND).count).toBeGreaterThan(0.5);
    },
  );

  test('a right-to-left title starts at the right edge, and its first word stays there', async () => {
    // Both fit on one line at the same size: "שלום" must be drawn in the same place in both.
    const one = await readPixels(await drawSocialImage({ ...CARD, title: 'שלום' }));
    const two = await readPixels(await drawSocialImage({ ...CARD, title: 'שלום עולם' }));
    const first = inkIn(one, TITLE_BAND);
    expect(first.right).toBeGreaterThan(TEXT_BOX.right - 20);
    expect(first.left).toBeGreaterThan(SOCIAL_IMAGE_WIDTH / 2);
    // Its ink is in the same place in both, give or take the few px by which satori's right
    // alignment rounds (the second word, were it first, would match nowhere near as well).
    const overlap = (dx: number) => {
      let shared = 0;
      for (let y = TITLE_BAND.top; y < TITLE_BAND.bottom; y++) {
        for (let x = first.left; x <= first.right; x++) if (one.ink(x, y) && two.ink(x + dx, y)) shared += 1;
      }
      return shared / first.count;
    };
    expect(Math.max(...[-4, -3, -2, -1, 0, 1, 2, 3, 4].map(overlap))).toBeGreaterThan(0.95);
    // And the second word is to its left.
    expect(inkIn(two, TITLE_BAND).left).toBeLessThan(first.left - 50);
  });

  test('a left-to-right title starts at the left edge', async () => {
    const pixels = await readPixels(await drawSocialImage({ ...CARD, title: 'Hello' }));
    const { left, right } = inkIn(pixels, TITLE_BAND);
    expect(left).toBeLessThan(TEXT_BOX.left + 20);
    expect(right).toBeLessThan(SOCIAL_IMAGE_WIDTH / 2);
  });
});

describe('fitting by measured width', { timeout: 60_000 }, () => {
  const fit = async (input: SocialCardInput) => {
    const preferred = getPreferredLayout(input);
    const { layout } = await drawSocialImageWithStats(input);
    return { preferred, layout };
  };

  test('a word wider than the line shrinks the title, then is hyphenated (C6)', async () => {
    const { preferred, layout } = await fit({
      ...CARD,
      title: 'Suboccipitaltrapeziusmyofascialdecompressiontechniques explained',
    });
    expect(layout.title.size).toBeLessThan(preferred.title.size);
    expect(layout.title.text).toMatch(/^Suboccipital\S+-\n\S+ explained$/);
  });

  test('an address breaks after its punctuation, with no hyphen added', async () => {
    const title = 'https://www.massage-wellness.example/posts/deep-tissue-massage-after-running/?utm_source=feed';
    const { layout } = await fit({ ...CARD, title });
    expect(layout.title.text.replaceAll('\n', '')).toBe(title);
    for (const line of layout.title.text.split('\n').slice(0, -1)) expect(line).toMatch(/[/.\-_?&=]$/);
  });

  test('two titles of the same length get different sizes when their letters differ in width', async () => {
    const wide = await fit({ ...CARD, title: 'MMMMMMMMMMMMMMMMMMMMMMMM' });
    const narrow = await fit({ ...CARD, title: 'iiiiiiiiiiiiiiiiiiiiiiii' });
    expect(wide.preferred.title.size).toBe(narrow.preferred.title.size);
    expect(wide.layout.title.size).toBeLessThan(narrow.layout.title.size);
  });

  test('an ellipsis ends a title only past the lines the card allows', async () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const { png, layout } = await drawSocialImageWithStats({ ...CARD, title });
    expect(layout.title.lines).toBe(4);
    const pixels = await readPixels(png);
    expect(
      inkIn(pixels, { left: TEXT_BOX.right + 2, right: SOCIAL_IMAGE_WIDTH, top: 0, bottom: STONES_TOP }).count,
    ).toBe(0);
  });

  test('a long tag and a long site name shrink to fit their lines instead of running off', async () => {
    const input = {
      ...CARD,
      tag: 'Myofascialdecompressiontechniquesandothertherapiesforthebackandneck',
      siteName: 'The Association of Independent Sports and Remedial Massage Therapists of Greater London',
    };
    const preferred = getPreferredLayout(input);
    const { png, layout } = await drawSocialImageWithStats(input);
    expect(layout.kicker!.size).toBeLessThan(preferred.kicker!.size);
    const pixels = await readPixels(png);
    expect(
      inkIn(pixels, { left: TEXT_BOX.right + 2, right: SOCIAL_IMAGE_WIDTH, top: 0, bottom: STONES_TOP }).count,
    ).toBe(0);
    // The footer's line is not cut: its ink ends before the right margin too.
    const footer = inkIn(pixels, { left: TEXT_BOX.left, right: SOCIAL_IMAGE_WIDTH, top: 500, bottom: 600 });
    expect(footer.count).toBeGreaterThan(500);
  });

  test('fitCardLayout keeps every text it was given', async () => {
    const preferred = getPreferredLayout(CARD);
    const { fonts } = await loadFontSlices(selectFontSlices([{ text: CARD.title, weight: 600 }], ['latin']));
    const layout = await fitCardLayout(preferred, fonts);
    expect(layout.title.text).toBe(preferred.title.text);
    expect(layout.siteName.text).toBe(preferred.siteName.text);
  });
});

describe('fonts: only what a card draws is loaded', { timeout: 60_000 }, () => {
  test('a Latin card loads only the Latin slices of Source Serif 4 (under 100 KB)', async () => {
    const { fonts } = await drawSocialImageWithStats(CARD);
    expect(fonts.bytes).toBeLessThan(100_000);
    expect(fonts.files).toBeLessThanOrEqual(3);
  });

  test('a Chinese card loads a few slices of the Chinese face, well under a megabyte and not its 6 MB', async () => {
    const { fonts } = await drawSocialImageWithStats({ ...CARD, title: '肩颈按摩：缓解疼痛与压力的十个简单方法' });
    expect(fonts.files).toBeGreaterThan(3);
    expect(fonts.bytes).toBeLessThan(900_000);
  });

  test('an Arabic card loads the Arabic slice and no other script', async () => {
    const { fonts } = await drawSocialImageWithStats({ ...CARD, title: 'العلاج بالتدليك للظهر' });
    expect(fonts.files).toBe(3); // Latin 400 and 600 (the site's name and address), Arabic 600
    expect(fonts.bytes).toBeLessThan(250_000);
  });

  test('a slice is read from disk once, then reused', async () => {
    await drawSocialImage({ ...CARD, title: 'Массаж спины' });
    const { fonts } = await drawSocialImageWithStats({ ...CARD, title: 'Массаж шеи' });
    expect(fonts.bytesRead).toBe(0);
    expect(fonts.bytes).toBeGreaterThan(0);
  });
});
