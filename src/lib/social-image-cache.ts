import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { drawSocialImage, getSocialImageKey, type SocialCardInput } from './social-image.ts';

/** What one build did with social images; the build's last step logs it. */
export interface SocialImageStats {
  drawn: number;
  reused: number;
  /**
   * Milliseconds during which at least one card was being drawn (cards drawn side by side count
   * once), and spent reading cached cards.
   */
  drawMs: number;
  reuseMs: number;
  /** Cards being drawn right now, and since when (for drawMs). */
  drawing: number;
  drawingSince: number;
  /** Cache keys this build used: the rest of the cache is stale. */
  used: Set<string>;
}

interface SocialImageState {
  /** Where drawn images persist between builds (outside dist/, which each build replaces). */
  cacheDir: string | undefined;
  stats: SocialImageStats;
  /** Cards being drawn ahead into the cache, by key (see prepareSocialImages). */
  pending: Map<string, Promise<void>>;
  /** Cards the build's output must hold, by site path (see planSocialImages). */
  planned: Map<string, SocialCardInput>;
}

/**
 * The integration (loaded with astro.config.ts) and the image routes (loaded from the built
 * bundle) are two copies of this module in one process: a global symbol lets them share one state.
 */
const STATE = Symbol.for('massage-wellness.social-images');
type WithState = typeof globalThis & { [STATE]?: SocialImageState };

export function getSocialImageState(): SocialImageState {
  const global = globalThis as WithState;
  return (global[STATE] ??= { cacheDir: undefined, stats: emptyStats(), pending: new Map(), planned: new Map() });
}

function emptyStats(): SocialImageStats {
  return { drawn: 0, reused: 0, drawMs: 0, reuseMs: 0, drawing: 0, drawingSince: 0, used: new Set() };
}

/** Starts counting afresh (at the start of a build). */
export function resetSocialImageStats(): SocialImageStats {
  getSocialImageState().planned.clear();
  return (getSocialImageState().stats = emptyStats());
}

/** The build log's line, e.g. "social images: 3 drawn, 97 reused from cache (412 ms)". */
export function formatSocialImageStats(stats: SocialImageStats): string {
  const ms = Math.round(stats.drawMs + stats.reuseMs);
  const each = [
    stats.drawn > 0 ? `${(stats.drawMs / stats.drawn).toFixed(1)} ms per drawn image` : '',
    stats.reused > 0 ? `${(stats.reuseMs / stats.reused).toFixed(2)} ms per cached image` : '',
  ].filter(Boolean);
  return `social images: ${stats.drawn} drawn, ${stats.reused} reused from cache (${ms} ms${each.length > 0 ? `; ${each.join(', ')}` : ''})`;
}

/**
 * The card as a PNG: from the cache when a card with the same key was drawn before, otherwise
 * drawn and stored. Without a cache folder (no integration), it is simply drawn.
 */
export async function getSocialImagePng(input: SocialCardInput): Promise<Buffer> {
  const { cacheDir, stats } = getSocialImageState();
  if (!cacheDir) {
    stats.used.add(getSocialImageKey(input));
    return drawAndCount(input);
  }
  const { file, cached } = await ensureCached(input, cacheDir);
  return countReuse(cached, () => readFileSync(file));
}

/**
 * Makes sure a card is in the cache and returns its file: waits for it if it is being drawn ahead,
 * draws it if nobody has. `cached` says it was there from an earlier build.
 */
async function ensureCached(input: SocialCardInput, cacheDir: string): Promise<{ file: string; cached: boolean }> {
  const { stats, pending } = getSocialImageState();
  const key = getSocialImageKey(input);
  stats.used.add(key);
  const file = join(cacheDir, `${key}.png`);
  const drawing = pending.get(key);
  if (drawing) {
    await drawing; // Drawn ahead, and counted, in this build.
    pending.delete(key);
    return { file, cached: false };
  }
  if (existsSync(file)) return { file, cached: true };
  storeInCache(file, await drawAndCount(input));
  return { file, cached: false };
}

/** Runs `use` (reading or copying a card's file); when the card came from the cache, counts and times it. */
function countReuse<T>(cached: boolean, use: () => T): T {
  const started = performance.now();
  const result = use();
  if (cached) {
    const { stats } = getSocialImageState();
    stats.reused += 1;
    stats.reuseMs += performance.now() - started;
  }
  return result;
}

/**
 * Starts drawing, in the background, the cards the cache lacks, a few at a time (one per core):
 * sharp rasterises on its own threads, so the next card's layout, or the rest of the build, runs
 * meanwhile. getSocialImagePng and placeSocialImages then wait for a card instead of drawing it
 * a second time.
 */
export function prepareSocialImages(inputs: readonly SocialCardInput[]): void {
  const { cacheDir, pending } = getSocialImageState();
  if (!cacheDir) return;
  const limit = pLimit(availableParallelism());
  for (const input of inputs) {
    const key = getSocialImageKey(input);
    const file = join(cacheDir, `${key}.png`);
    if (pending.has(key) || existsSync(file)) continue;
    const drawing = limit(async () => storeInCache(file, await drawAndCount(input)));
    // A failure surfaces where the card is asked for (ensureCached awaits this promise).
    drawing.catch(() => {});
    pending.set(key, drawing);
  }
}

/**
 * Names the cards the build's output must hold, by site path (e.g. /social/posts/a.png), and starts
 * drawing those the cache lacks. The integration puts them in place when the pages are done
 * (placeSocialImages): cards are not rendered as pages, so Astro neither writes them nor, in an
 * incremental build, copies them from its own cache.
 */
export function planSocialImages(cards: ReadonlyMap<string, SocialCardInput>): void {
  const { planned } = getSocialImageState();
  for (const [path, input] of cards) planned.set(path, input);
  prepareSocialImages([...cards.values()]);
}

/** Copies every planned card from the cache into the output (drawing any still missing); returns how many. */
export async function placeSocialImages(outDir: string): Promise<number> {
  const { cacheDir, planned } = getSocialImageState();
  if (!cacheDir) throw new Error('social images: no cache folder (the social-images integration sets it)');
  for (const [path, input] of planned) {
    const { file, cached } = await ensureCached(input, cacheDir);
    const target = join(outDir, path);
    countReuse(cached, () => {
      mkdirSync(dirname(target), { recursive: true });
      // A copy, never a link: nothing done to the output can reach the cache. Cloned where the disk can.
      copyFileSync(file, target, constants.COPYFILE_FICLONE);
    });
  }
  return planned.size;
}

async function drawAndCount(input: SocialCardInput): Promise<Buffer> {
  const { stats } = getSocialImageState();
  if (stats.drawing++ === 0) stats.drawingSince = performance.now();
  try {
    const png = await drawSocialImage(input, (error) =>
      console.warn(
        `social card for "${input.title}": could not be drawn (${error instanceof Error ? error.message : String(error)}); the card shows the site's name instead`,
      ),
    );
    stats.drawn += 1;
    return png;
  } finally {
    if (--stats.drawing === 0) stats.drawMs += performance.now() - stats.drawingSince;
  }
}

function storeInCache(file: string, png: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed, so a build running alongside never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}

/** Deletes cached images no longer used (old titles, deleted posts); returns how many. */
export function pruneSocialImageCache(cacheDir: string, used: ReadonlySet<string>): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return 0;
  }
  for (const name of names) {
    // A .partial file belongs to a build still writing it.
    if (!name.endsWith('.png') || used.has(name.slice(0, -'.png'.length))) continue;
    rmSync(join(cacheDir, name), { force: true });
    removed += 1;
  }
  return removed;
}
