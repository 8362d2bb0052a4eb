/**
 * npm run build: builds into <out>.next and swaps it in only when the whole build succeeded, so a
 * failed build (a content error, a page that throws) never leaves a half-written site: the previous
 * output stays exactly as it was. The output folder is dist/, or BLOG_OUT_DIR.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
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

/**
 * What a build ended by a signal most likely met, in words for a blog's owner. SIGKILL, which no
 * program sends itself, is how Linux's OOM killer (or a builder's memory limit) ends a process that
 * has run out of memory, with no message of its own. The memory the build could use is the memory
 * cgroup's limit when one is set (Node's process.constrainedMemory), else the machine's. The
 * figures per number of posts are in docs/deploying.md#memory.
 */
function whyKilled(signal: NodeJS.Signals): string {
  if (signal !== 'SIGKILL') return `The build was stopped (signal ${signal})`;
  const limit = process.constrainedMemory();
  const mib = Math.round(Math.min(limit > 0 ? limit : Infinity, totalmem()) / 1024 / 1024);
  return [
    'The build was stopped by the system (signal SIGKILL). That almost always means it ran out of',
    `memory: it could use ${mib.toLocaleString('en')} MiB here. Even a small blog needs about 1 GB to build, a blog of`,
    '2,000 posts about 2 GB, and more posts need more (docs/deploying.md, section "Memory", has the',
    'figures). Give the build more memory (a larger builder, or another machine) and build again',
  ].join('\n');
}

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
  const kept = existsSync(outDir) ? `${outDir} is unchanged` : 'nothing was written';
  console.error(`\n${result.signal ? whyKilled(result.signal) : 'The build failed'}; ${kept}.`);
  process.exit(result.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
