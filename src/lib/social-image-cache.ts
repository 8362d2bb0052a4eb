import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
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
}

/**
 * The integration (loaded with astro.config.ts) and the image routes (loaded from the built
 * bundle) are two copies of this module in one process: a global symbol lets them share one state.
 */
const STATE = Symbol.for('massage-wellness.social-images');
type WithState = typeof globalThis & { [STATE]?: SocialImageState };

export function getSocialImageState(): SocialImageState {
  const global = globalThis as WithState;
  return (global[STATE] ??= { cacheDir: undefined, stats: emptyStats(), pending: new Map() });
}

function emptyStats(): SocialImageStats {
  return { drawn: 0, reused: 0, drawMs: 0, reuseMs: 0, drawing: 0, drawingSince: 0, used: new Set() };
}

/** Starts counting afresh (at the start of a build). */
export function resetSocialImageStats(): SocialImageStats {
  return (getSocialImageState().stats = emptyStats());
}

/**
 * The build log's line, e.g. "social images: 3 drawn, 97 reused from cache, 900 kept by the
 * incremental build (412 ms)". Kept cards are the used ones never asked for: Astro copied them.
 */
export function formatSocialImageStats(stats: SocialImageStats): string {
  const ms = Math.round(stats.drawMs + stats.reuseMs);
  const kept = stats.used.size - stats.drawn - stats.reused;
  const each = [
    stats.drawn > 0 ? `${(stats.drawMs / stats.drawn).toFixed(1)} ms per drawn image` : '',
    stats.reused > 0 ? `${(stats.reuseMs / stats.reused).toFixed(2)} ms per cached image` : '',
  ].filter(Boolean);
  return `social images: ${stats.drawn} drawn, ${stats.reused} reused from cache${kept > 0 ? `, ${kept} kept by the incremental build` : ''} (${ms} ms${each.length > 0 ? `; ${each.join(', ')}` : ''})`;
}

/**
 * The card as a PNG: from the cache when a card with the same key was drawn before, otherwise
 * drawn and stored. Without a cache folder (no integration), it is simply drawn.
 */
export async function getSocialImagePng(input: SocialCardInput): Promise<Buffer> {
  const { cacheDir, stats, pending } = getSocialImageState();
  const key = getSocialImageKey(input);
  stats.used.add(key);
  if (!cacheDir) return drawAndCount(input);
  const file = join(cacheDir, `${key}.png`);
  const drawing = pending.get(key);
  if (drawing) {
    // Drawn ahead (and counted) in this build: only read it back.
    await drawing;
    pending.delete(key);
    return readFileSync(file);
  }
  const started = performance.now();
  try {
    const png = readFileSync(file);
    stats.reused += 1;
    stats.reuseMs += performance.now() - started;
    return png;
  } catch {
    const png = await drawAndCount(input);
    storeInCache(file, png);
    return png;
  }
}

/**
 * Starts drawing, in the background, the cards the cache lacks, a few at a time (one per core):
 * sharp rasterises on its own threads, so the next card's layout, or the rest of the build, runs
 * meanwhile. getSocialImagePng then waits for its card instead of drawing it a second time.
 * Every card named here counts as used, also one that Astro's incremental build keeps from the last
 * build without asking for it again, so that the cache keeps it too.
 */
export function prepareSocialImages(inputs: readonly SocialCardInput[]): void {
  const { cacheDir, pending, stats } = getSocialImageState();
  const limit = createLimiter(availableParallelism());
  for (const input of inputs) {
    const key = getSocialImageKey(input);
    stats.used.add(key);
    if (!cacheDir) continue;
    const file = join(cacheDir, `${key}.png`);
    if (pending.has(key) || existsSync(file)) continue;
    const drawing = limit(async () => storeInCache(file, await drawAndCount(input)));
    // A failure surfaces where the card is asked for (getSocialImagePng awaits this promise).
    drawing.catch(() => {});
    pending.set(key, drawing);
  }
}

async function drawAndCount(input: SocialCardInput): Promise<Buffer> {
  const { stats } = getSocialImageState();
  if (stats.drawing++ === 0) stats.drawingSince = performance.now();
  try {
    const png = await drawSocialImage(input);
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

/** Runs at most `concurrency` tasks at once; the others wait their turn, in order. */
function createLimiter(concurrency: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
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
