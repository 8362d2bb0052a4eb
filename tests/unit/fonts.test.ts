import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FONT_FILES, keptCharacters, subsetSiteFonts } from '../../tools/subset-fonts.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('the self-hosted reading font', () => {
  test('the committed files are what tools/subset-fonts.ts writes (run `npm run fonts` after an upgrade)', async () => {
    for (const [name, bytes] of await subsetSiteFonts()) {
      expect(readFileSync(join(ROOT, 'public/fonts', name)).equals(bytes), name).toBe(true);
    }
  });

  test('both faces together stay under the 60 KB an article may spend on fonts', () => {
    const total = Object.keys(FONT_FILES).reduce(
      (sum, name) => sum + readFileSync(join(ROOT, 'public/fonts', name)).length,
      0,
    );
    expect(total).toBeLessThan(60 * 1024);
  });

  test('the stylesheet promises exactly the characters the files hold, so no letter falls through', () => {
    const css = readFileSync(join(ROOT, 'src/styles/fonts.css'), 'utf8');
    const ranges = [...css.matchAll(/unicode-range:\s*([^;]+);/g)].map((match) => match[1]!.trim());
    expect(ranges).toHaveLength(Object.keys(FONT_FILES).length);
    const promised = new Set<number>();
    for (const part of ranges[0]!.split(/\s*,\s*/)) {
      const [from, to = from] = part
        .replace(/^U\+/i, '')
        .split('-')
        .map((hex) => parseInt(hex, 16));
      for (let code = from!; code <= to!; code += 1) promised.add(code);
    }
    expect([...promised].sort((a, b) => a - b)).toEqual([...keptCharacters()].map((c) => c.codePointAt(0)));
    expect(new Set(ranges).size).toBe(1);
  });
});
