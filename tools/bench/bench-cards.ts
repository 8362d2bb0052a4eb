/**
 * The card benchmark's parts (card-phases.ts runs them): realistic card inputs, and one card drawn
 * as drawSocialImageWithStats draws it, timed phase by phase.
 */
import { cpuUsage } from 'node:process';
import satori from 'satori';
import sharp, { type PngOptions } from 'sharp';
import { generatePosts } from './bench-content.ts';
import {
  buildSocialCard,
  fitCardLayout,
  getMeasureRequests,
  getPreferredLayout,
  loadCardFonts,
  TextMeasurer,
} from '../../src/integrations/social-card-drawing.ts';
import { getPostCardInput, SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH } from '../../src/lib/social-card-input.ts';
import type { SocialCardInput } from '../../src/lib/social-card-input.ts';
import { SITE } from '../../src/site.config.ts';

/** Titles in other scripts and shapes: a tenth of the inputs, as on a blog that imports old posts. */
const OTHER_TITLES = [
  'العلاج بالتدليك للظهر: دليل شامل لتخفيف آلام أسفل الظهر والرقبة بعد ساعات طويلة من الجلوس',
  'تدليك بسيط للكتفين في المساء',
  '肩颈按摩：缓解疼痛与压力的十个简单方法，适合长期伏案工作的上班族',
  '下班后的肩颈放松和脚底按摩',
  '立ち仕事のあとの足のセルフケア',
  'मालिश से पीठ दर्द में राहत: घर पर आज़माने के आसान तरीके',
  'นวดแผนไทยช่วยผ่อนคลายกล้ามเนื้อหลังการทำงานทั้งวัน',
  'עיסוי רקמות עמוק: מה לצפות בביקור הראשון',
  'Массаж шейно-воротниковой зоны: польза и противопоказания',
  'Μασάζ για τον αυχένα μετά από πολλές ώρες στον υπολογιστή',
  '어깨 마사지로 스트레스 해소하는 방법',
  'Suboccipitaltrapeziusmyofascialdecompressiontechniques explained',
  'Why https://example.com/very/long/path/to/a/massage-guide-for-beginners.html matters',
  'Relax 💆‍♀️ after work: a 10-minute routine 👍🏽',
  'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz und Massage',
  'Massage Review: My Exquisite Massage Experience in Shepherd’s Bush, London',
  'A Desk Massage for Long C# and C++ Days',
  'Crème brûlée, café au lait & a foot rub: naïve façades of self-care',
  'Ωμέγα-3, вітамін D и 足底按摩 — a mixed bag',
  'Hostile Mallory </script> & "Sons" zero​width 😀',
];

/** `count` card inputs: nine in ten from the benchmark's generated posts, one in ten from OTHER_TITLES. */
export function getRealisticCardInputs(count: number): SocialCardInput[] {
  const posts = generatePosts(count, 7).files.filter((file) => file.path.endsWith('index.md'));
  return posts.map((file, i) => {
    const title = /^title: "(.*)"$/m.exec(file.text)![1]!;
    const tags = [.../^tags: \[(.*)\]$/m.exec(file.text)![1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
    const section = file.text.includes('kind: review') ? 'Review' : 'Article';
    const other = i % 10 === 9 ? OTHER_TITLES[Math.floor(i / 10) % OTHER_TITLES.length] : undefined;
    return getPostCardInput({ title: other ?? title, section, tags }, SITE);
  });
}

/** The phases of one card, in order. */
export type Phase = 'fonts' | 'layout' | 'fit' | 'relayout' | 'raster' | 'encode';
export const PHASES: Phase[] = ['fonts', 'layout', 'fit', 'relayout', 'raster', 'encode'];
/** Milliseconds summed over cards, per phase (wall, and the process's CPU); cards laid out twice; PNG bytes. */
export interface Totals {
  wall: Record<Phase, number>;
  cpu: Record<Phase, number>;
  relaid: number;
  bytes: number;
}

async function timed<T>(totals: Totals, phase: Phase, run: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = cpuUsage();
  const result = await run();
  const used = cpuUsage(cpu);
  totals.wall[phase] += performance.now() - wall;
  totals.cpu[phase] += (used.user + used.system) / 1000;
  return result;
}

/**
 * Draws one card as drawSocialImageWithStats does, adding each phase's time to `totals`, and
 * returns its PNG (`png`: sharp's PNG options; the build's are compressionLevel 6). Rasterising and
 * encoding are timed apart here (through raw pixels), where the build streams one into the other:
 * the pixels are the build's, the file's bytes may differ a little (its header's metadata).
 */
export async function drawCardByPhase(
  input: SocialCardInput,
  totals: Totals,
  png: PngOptions = { compressionLevel: 6 },
): Promise<Buffer> {
  const preferred = getPreferredLayout(input);
  const { fonts, stack } = await timed(totals, 'fonts', () => loadCardFonts(preferred));
  const measurer = new TextMeasurer(fonts, stack);
  const options = { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, fonts };
  let svg = await timed(totals, 'layout', () => {
    const probe = measurer.createProbe(getMeasureRequests(preferred), { left: 0, top: SOCIAL_IMAGE_HEIGHT + 100 });
    const card = buildSocialCard(input, preferred);
    if (probe) (card.props.children as unknown[]).push(probe.element);
    return satori(card as never, { ...options, ...(probe ? { onNodeDetected: probe.onNode } : {}) });
  });
  const layout = await timed(totals, 'fit', () => fitCardLayout(preferred, fonts, measurer));
  if (JSON.stringify(layout) !== JSON.stringify(preferred)) {
    totals.relaid += 1;
    svg = await timed(totals, 'relayout', () => satori(buildSocialCard(input, layout) as never, options));
  }
  const raw = await timed(totals, 'raster', () => sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer());
  const file = await timed(totals, 'encode', () =>
    sharp(raw, { raw: { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, channels: 3 } })
      .png(png)
      .toBuffer(),
  );
  totals.bytes += file.length;
  return file;
}

/** Totals of nothing yet. */
export function emptyTotals(): Totals {
  const zero = () => Object.fromEntries(PHASES.map((phase) => [phase, 0])) as Record<Phase, number>;
  return { wall: zero(), cpu: zero(), relaid: 0, bytes: 0 };
}
