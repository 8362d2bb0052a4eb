import { isAbsolute, join } from 'node:path';

/** The environment variable that points a build or a command at another content folder (tests use it). */
export const CONTENT_DIR_VARIABLE = 'BLOG_CONTENT_DIR';

/**
 * The content folder, as an absolute path: BLOG_CONTENT_DIR when set and not empty (relative to
 * `cwd`), else `<cwd>/content`. The one reading of that setting: astro.config.ts, the collections,
 * data/ and every command take it from here.
 */
export function resolveContentDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
  cwd: string = process.cwd(),
): string {
  const value = env[CONTENT_DIR_VARIABLE]?.trim();
  if (!value) return join(cwd, 'content');
  return isAbsolute(value) ? value : join(cwd, value);
}
