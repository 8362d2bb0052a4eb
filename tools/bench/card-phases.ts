/**
 * npm run bench:cards [-- --count 200 --rounds 2]
 * Where one social card's drawing time goes, phase by phase, over realistic inputs: the titles the
 * benchmark generates (English, 4 to 9 words, an article or a review with tags) mixed with titles in
 * other scripts, long words, addresses and emoji. Each card is drawn as drawSocialImageWithStats
 * draws it, one at a time, and timed per phase (wall and the process's CPU, sharp's threads
 * included): font slices loaded, the first satori layout (card plus the measuring probe), the texts
 * fitted (with any further measuring layout), the second satori layout when the fitted card differs,
 * librsvg's rasterisation, and the PNG encoding.
 * (drawSocialCards, both cores), for the wall time of a batch. The first round warms the caches
 * (font slices, shared widths) and is reported apart: a cold build draws its first cards that way.
 */
import { loadavg } from 'node:os';
import type { PngOptions } from 'sharp';
import { readCommandLine, refuseCommandLine } from '../../src/lib/command-line.ts';
import { drawCardByPhase, emptyTotals, getRealisticCardInputs, PHASES, type Totals } from './bench-cards.ts';

const NAME = 'npm run bench:cards';
const { values } = readCommandLine(
  {
    options: {
      count: { type: 'string', default: '200' },
      rounds: { type: 'string', default: '2' },
      png: { type: 'string', default: '{"compressionLevel":6}' },
    },
  },
  {
    name: NAME,
    usage: `Usage: npm run bench:cards -- [--count 200] [--rounds 2] [--png '{"compressionLevel":6}']

Draws social cards one at a time as the build does and prints where each card's time goes, phase
by phase (wall and CPU, in ms a card). The first round starts with cold caches.

  --count N     cards a round (default 200)
  --rounds N    rounds (default 2)
  --png JSON    sharp's PNG options for the encoding phase`,
  },
);
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);
for (const [option, value] of [
  ['count', COUNT],
  ['rounds', ROUNDS],
] as const) {
  if (!(Number.isInteger(value) && value >= 1)) {
    refuseCommandLine(NAME, `--${option}: "${values[option]}" is not a whole number; write it as --${option} 2`);
  }
}
let PNG: PngOptions;
try {
  PNG = JSON.parse(values.png) as PngOptions;
} catch {
  refuseCommandLine(NAME, `--png: "${values.png}" is not JSON; write it as --png '{"compressionLevel":6}'`);
}

function report(label: string, totals: Totals, count: number): void {
  const rows = PHASES.map((phase) => {
    const wall = totals.wall[phase] / count;
    const cpu = totals.cpu[phase] / count;
    return `| ${phase.padEnd(8)} | ${wall.toFixed(2).padStart(7)} | ${cpu.toFixed(2).padStart(7)} |`;
  });
  const wall = PHASES.reduce((sum, phase) => sum + totals.wall[phase], 0) / count;
  const cpu = PHASES.reduce((sum, phase) => sum + totals.cpu[phase], 0) / count;
  console.log(
    `\n${label}: ${count} cards, ${totals.relaid} laid out twice, ${(totals.bytes / count / 1024).toFixed(1)} KiB a card`,
  );
  console.log('| phase    | wall ms |  CPU ms |\n| -------- | ------: | ------: |');
  console.log(rows.join('\n'));
  console.log(`| total    | ${wall.toFixed(2).padStart(7)} | ${cpu.toFixed(2).padStart(7)} |`);
}

const inputs = getRealisticCardInputs(COUNT);
console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}; PNG ${JSON.stringify(PNG)}`,
);
for (let round = 0; round < ROUNDS; round += 1) {
  const totals: Totals = emptyTotals();
  for (const input of inputs) await drawCardByPhase(input, totals, PNG);
  report(round === 0 ? 'round 1 (cold caches)' : `round ${round + 1}`, totals, inputs.length);
}
