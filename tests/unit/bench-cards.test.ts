import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { drawCardByPhase, emptyTotals, getRealisticCardInputs, PHASES } from '../../tools/bench/bench-cards.ts';
import { drawSocialImage } from '../../src/integrations/social-card-drawing.ts';

describe('the card benchmark', { timeout: 60_000 }, () => {
  test('draws cards for the benchmark’s posts, one in ten titled in another script or shape, the same each run', () => {
    const inputs = getRealisticCardInputs(40);
    expect(inputs).toHaveLength(40);
    expect(getRealisticCardInputs(40)).toEqual(inputs);
    const others = inputs.filter((input) => /[^\p{Script=Latin}\p{Script=Common}]|\S{30,}/u.test(input.title));
    expect(others.length).toBeGreaterThanOrEqual(4);
    expect(inputs.every((input) => input.label === 'Article' || input.label === 'Review')).toBe(true);
  });

  test('times the very card the build draws: its pixels are those of drawSocialImage’s card', async () => {
    const inputs = getRealisticCardInputs(20);
    // A generated English title and an Arabic one (right to left, a font of its own).
    for (const input of [inputs[0]!, inputs[9]!]) {
      const totals = emptyTotals();
      const png = await drawCardByPhase(input, totals);
      const pixels = (file: Buffer) => sharp(file).raw().toBuffer({ resolveWithObject: true });
      const [timed, built] = await Promise.all([pixels(png), pixels(await drawSocialImage(input))]);
      expect(timed.info).toEqual(built.info);
      expect(timed.data.equals(built.data)).toBe(true);
      for (const phase of PHASES.filter((phase) => phase !== 'relayout')) expect(totals.wall[phase]).toBeGreaterThan(0);
      expect(totals.bytes).toBe(png.length);
    }
  });
});
