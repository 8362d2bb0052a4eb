/**
 * Draws the sample posts' hero images: flat illustrations made for this site (no stock photos),
 * in the site's palette (src/styles/tokens.css), written as 1600 × 900 JPEG next to each post.
 * Each keeps its subject in the middle third, so the crops of a phone's card and of the home
 * page's 16:9 lead both show it.
 *
 *   node tools/draw-sample-heroes.ts
 *
 * Editors' own posts bring their own images; this is only for the sample content.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { readCommandLine } from '../src/lib/command-line.ts';

const POSTS = join(import.meta.dirname, '../content/posts');

/** Leaves on a stem: one ellipse per leaf, alternating sides, from (x, y) upwards. */
function sprig(x: number, y: number, height: number, colour: string, tilt: number): string {
  const leaves = [];
  for (let i = 1; i <= 5; i += 1) {
    const side = i % 2 === 0 ? 1 : -1;
    const ly = y - (height * i) / 6;
    leaves.push(
      `<ellipse cx="${x + side * 38}" cy="${ly}" rx="44" ry="17" fill="${colour}" transform="rotate(${side * 32 + tilt} ${x + side * 38} ${ly})"/>`,
    );
  }
  return `<g transform="rotate(${tilt} ${x} ${y})"><path d="M${x} ${y} C ${x - 14} ${y - height / 2}, ${x + 14} ${y - height / 2}, ${x} ${y - height}" stroke="${colour}" stroke-width="6" fill="none"/>${leaves.join('')}</g>`;
}

const HEROES: Record<string, string> = {
  // Immune support: a morning sun over three sprigs of green.
  'how-massage-therapy-may-enhance-your-immune-system': `
    <rect width="1600" height="900" fill="#f2efe7"/>
    <circle cx="930" cy="380" r="250" fill="#f6ecd9"/>
    <circle cx="930" cy="380" r="170" fill="#e9c98f"/>
    <rect y="690" width="1600" height="210" fill="#dcebe3"/>
    ${sprig(650, 720, 380, '#2b6b57', -8)}${sprig(800, 730, 470, '#3f8a70', 4)}${sprig(960, 720, 330, '#1d4e3f', 12)}
    <path d="M0 760 C 400 700, 1200 820, 1600 740 L1600 900 L0 900 Z" fill="#c7ddd1"/>`,
  // Reflexology: the sole of a foot with its zones as a line of points.
  'comprehensive-overview-of-reflexology-massage': `
    <rect width="1600" height="900" fill="#f4e7dc"/>
    <circle cx="800" cy="450" r="330" fill="#ead2bf"/>
    <path d="M800 170 C 900 170, 930 300, 905 420 C 885 520, 930 600, 900 690 C 875 765, 725 765, 705 680 C 685 590, 730 520, 712 420 C 690 300, 700 170, 800 170 Z" fill="#c98b6b"/>
    ${[0, 1, 2, 3, 4].map((i) => `<circle cx="${730 + i * 34}" cy="${140 - Math.abs(1 - i) * 6}" r="${24 - i * 3}" fill="#c98b6b"/>`).join('')}
    ${[250, 330, 410, 490, 570, 650].map((y, i) => `<circle cx="${800 + (i % 2 ? 28 : -28)}" cy="${y}" r="13" fill="#fbfaf6"/>`).join('')}
    <path d="M760 300 C 780 420, 830 480, 840 640" stroke="#fbfaf6" stroke-width="5" stroke-dasharray="4 18" stroke-linecap="round" fill="none"/>`,
  // A mobile massage by the water: a folding table, a towel, and the dock's ripples.
  'valentina-mobile-massage-canada-water-review': `
    <rect width="1600" height="900" fill="#e4eef0"/>
    <circle cx="1130" cy="260" r="110" fill="#f6ecd9"/>
    ${[600, 650, 700, 750].map((y, i) => `<path d="M${120 + i * 40} ${y + 60} q 60 -18 120 0 t 120 0 t 120 0 t 120 0" stroke="#8fb3bd" stroke-width="6" fill="none" stroke-linecap="round"/>`).join('')}
    <rect x="520" y="440" width="620" height="46" rx="23" fill="#2b6b57"/>
    <rect x="560" y="412" width="230" height="34" rx="17" fill="#fbfaf6"/>
    <path d="M600 486 L 560 700 M1060 486 L 1100 700 M600 486 L 1100 700 M1060 486 L 560 700" stroke="#1d4e3f" stroke-width="12" stroke-linecap="round"/>
    <rect x="860" y="420" width="220" height="26" rx="8" fill="#e9c98f"/>`,
};

if (import.meta.main) {
  readCommandLine(
    {},
    {
      name: 'node tools/draw-sample-heroes.ts',
      usage: `Usage: node tools/draw-sample-heroes.ts

Draws the sample posts' hero images (flat illustrations in the site's palette) as hero.jpg beside
each sample post in content/posts/. Takes no options but -h, --help.`,
    },
  );
  for (const [slug, body] of Object.entries(HEROES)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">${body}</svg>`;
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82, progressive: true, mozjpeg: true }).toBuffer();
    writeFileSync(join(POSTS, slug, 'hero.jpg'), jpeg);
    console.log(`content/posts/${slug}/hero.jpg: ${(jpeg.length / 1024).toFixed(1)} KB`);
  }
}
