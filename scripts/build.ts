/**
 * npm run build: builds into <out>.next and swaps it in only when the whole build succeeded, so a
 * failed build (a content error, a page that throws) never leaves a half-written site: the previous
 * output stays exactly as it was. The output folder is dist/, or BLOG_OUT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { readCommandLine } from '../src/lib/command-line.ts';

readCommandLine(
  {},
  {
    name: 'npm run build',
    usage: `Usage: npm run build

Builds the site into dist/ (or BLOG_OUT_DIR), replacing it only when the whole build succeeded.
Takes no options but -h, --help; BLOG_CONTENT_DIR and SITE_URL in the environment are read.`,
  },
);

const outDir = resolve(process.env.BLOG_OUT_DIR || 'dist');
const staging = `${outDir}.next`;
const previous = `${outDir}.previous`;

rmSync(staging, { recursive: true, force: true });
const result = spawnSync('astro', ['build'], {
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BLOG_OUT_DIR: staging },
});
if (result.status !== 0) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nThe build failed; ${existsSync(outDir) ? `${outDir} is unchanged` : 'nothing was written'}.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
