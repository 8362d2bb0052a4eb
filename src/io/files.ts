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
