import { constants, existsSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { SocialCardInput } from '../lib/social-card-input.ts';
import { drawSocialImage, getDrawableText, getSocialImageKey } from './social-card-drawing.ts';

/** What one build did with social cards; the integration logs it. */
export interface SocialCardStats {
  drawn: number;
  reused: number;
  /**
   * Milliseconds during which at least one card was being drawn (cards drawn side by side count
   * once), and spent copying cached cards into the output.
   */
  drawMs: number;
  reuseMs: number;
}

/** The build log's line, e.g. "social images: 3 drawn, 97 reused from cache (412 ms; ...)". */
export function formatSocialCardStats(stats: SocialCardStats): string {
  const ms = Math.round(stats.drawMs + stats.reuseMs);
  const each = [
    stats.drawn > 0 ? `${(stats.drawMs / stats.drawn).toFixed(1)} ms per drawn image` : '',
    stats.reused > 0 ? `${(stats.reuseMs / stats.reused).toFixed(2)} ms per cached image` : '',
  ].filter(Boolean);
  return `social images: ${stats.drawn} drawn, ${stats.reused} reused from cache (${ms} ms${each.length > 0 ? `; ${each.join(', ')}` : ''})`;
}

/**
 * Drawn social cards kept between builds in a folder of Astro's cache (the output folder is built
 * afresh each time), each under its key (getSocialImageKey: everything that reaches the pixels).
 * One instance per build: it counts what it drew and reused, and knows which cards the build used,
 * so the rest can be removed (prune).
 */
export class SocialCardCache {
  readonly stats: SocialCardStats = { drawn: 0, reused: 0, drawMs: 0, reuseMs: 0 };
  /** Cache keys this build used: the rest of the cache is stale. */
  private readonly used = new Set<string>();
  /** Cards being drawn into the cache right now, by key: a second page naming one waits for it. */
  private readonly inFlight = new Map<string, Promise<Buffer | undefined>>();
  private drawing = 0;
  private drawingSince = 0;

  /** `dir`: the cache folder (created when the first card is stored). */
  constructor(readonly dir: string) {}

  /**
   * Puts each card in the output under its site path (e.g. /social/posts/a.png → <outDir>/social/posts/a.png):
   * copied from the cache, or drawn into the cache first. Cards are drawn a few at a time (one per
   * core: sharp rasterises on its own threads while the next card's layout is worked out).
   * `warn` hears of a card drawn with the site's name in place of a title it could not draw (no
   * font for its letters, or drawing failed), on every build that places the card.
   */
  async place(
    cards: ReadonlyMap<string, SocialCardInput>,
    outDir: string,
    warn: (message: string) => void,
  ): Promise<void> {
    const limit = pLimit(availableParallelism());
    await Promise.all([...cards].map(([path, input]) => limit(() => this.placeOne(input, join(outDir, path), warn))));
  }

  private async placeOne(input: SocialCardInput, target: string, warn: (message: string) => void): Promise<void> {
    if (input.title.trim() && getDrawableText(input.title) === undefined) {
      warn(
        `social card for "${input.title}": the card has no font for the letters of this title, so it shows the site's name instead (the page keeps its title)`,
      );
    }
    const key = getSocialImageKey(input);
    this.used.add(key);
    const file = join(this.dir, `${key}.png`);
    let drawing = this.inFlight.get(key);
    const cached = drawing !== undefined || existsSync(file);
    if (!drawing && !cached) {
      drawing = this.drawIntoCache(input, file, warn);
      this.inFlight.set(key, drawing);
    }
    const unkept = drawing && (await drawing);
    const started = performance.now();
    await mkdir(dirname(target), { recursive: true });
    if (unkept) {
      await writeFile(target, unkept);
    } else {
      // A copy, never a link: nothing done to the output can reach the cache. Cloned where the disk can.
      await copyFile(file, target, constants.COPYFILE_FICLONE);
    }
    if (cached) {
      this.stats.reused += 1;
      this.stats.reuseMs += performance.now() - started;
    }
  }

  /**
   * Draws a card into the cache. A card drawn with the site's name in place of its title is not
   * kept (the next build tries again): it is returned instead, for the pages to write themselves.
   */
  private async drawIntoCache(
    input: SocialCardInput,
    file: string,
    warn: (message: string) => void,
  ): Promise<Buffer | undefined> {
    let fellBack = false;
    const png = await this.draw(input, (message) => {
      fellBack = true;
      warn(message);
    });
    if (fellBack) return png;
    await this.store(file, png);
    return undefined;
  }

  private async draw(input: SocialCardInput, warn: (message: string) => void): Promise<Buffer> {
    if (this.drawing++ === 0) this.drawingSince = performance.now();
    try {
      const png = await drawSocialImage(input, (error) =>
        warn(
          `social card for "${input.title}": could not be drawn (${error instanceof Error ? error.message : String(error)}); the card shows the site's name instead`,
        ),
      );
      this.stats.drawn += 1;
      return png;
    } finally {
      if (--this.drawing === 0) this.stats.drawMs += performance.now() - this.drawingSince;
    }
  }

  private async store(file: string, png: Buffer): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    // Written aside and renamed, so a build running alongside never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, png);
    await rename(partial, file);
  }

  /**
   * Deletes the cached cards this build did not use (old titles, deleted posts); returns how many.
   * Does nothing when the build used none (a failed or empty build must not empty the cache).
   */
  prune(): number {
    if (this.used.size === 0 || !existsSync(this.dir)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      // A .partial file belongs to a build still writing it.
      if (!name.endsWith('.png') || this.used.has(name.slice(0, -'.png'.length))) continue;
      rmSync(join(this.dir, name), { force: true });
      removed += 1;
    }
    return removed;
  }
}
