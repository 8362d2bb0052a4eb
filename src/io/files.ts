import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Files below `dir` whose name matches, as sorted paths relative to `dir` with "/"; none if it is missing. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Bytes of every file below `dir`. */
export function folderSize(dir: string): number {
  return listFiles(dir, /./).reduce((total, file) => total + statSync(join(dir, file)).size, 0);
}

/**
 * Gives a throwaway project the packages of `root` by linking each one, but not the caches
 * (.astro* holds the content store, .vite the dependency cache): projects built side by side must
 * not read one another's content.
 */
export function linkPackages(root: string, project: string): void {
  mkdirSync(join(project, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    // .astro-content-<hash> too: the caches of other content folders (astro.config.ts).
    if (!name.startsWith('.astro') && name !== '.vite')
      symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name));
  }
}

/**
 * Reads `items` in their order, `ahead` reads started before the one handed over (so the disk
 * works while the caller does), and yields `[item, result]` one after another in that order,
 * whatever order the reads finish in. Only the reads in flight are held: a result is the caller's
 * once yielded, so going through a whole build's pages holds about `ahead` of them at a time, not
 * all of them (holding every page's head at 10,000 posts ran a 1.5 GB heap out of memory). A read
 * that fails throws when its turn comes; reads already started for later items are left to finish.
 */
export async function* readInOrder<T, R>(
  items: readonly T[],
  read: (item: T) => Promise<R>,
  ahead: number,
): AsyncGenerator<[T, R]> {
  const inFlight = new Map<number, Promise<R>>();
  const start = (position: number) => {
    if (position >= items.length) return;
    const reading = read(items[position]!);
    reading.catch(() => {}); // Awaited in its turn; this only keeps Node from calling it unhandled meanwhile.
    inFlight.set(position, reading);
  };
  for (let position = 0; position < Math.max(1, ahead); position += 1) start(position);
  for (let position = 0; position < items.length; position += 1) {
    const result = await inFlight.get(position)!;
    inFlight.delete(position);
    start(position + Math.max(1, ahead));
    yield [items[position]!, result];
  }
}
