/**
 * npm run bench [-- --sizes 100,1000,4000]   (10000 on request)
 * For each N: generates N posts into a temporary project (content/ is never touched), builds the
 * full site and, with the same posts, a bare Astro site that only renders each post's Markdown into
 * a minimal page (the floor). Prints wall time, ms per page, peak memory, output size, the search
 * index, and the full/bare ratios; writes bench-results/latest.json and latest.md.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { folderSize, linkPackages } from '../src/lib/files.ts';
import { generatePosts } from './bench-content.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100,1000,4000' }, keep: { type: 'boolean' } },
});
const sizes = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

interface BuildRun {
  seconds: number;
  peakMiB: number;
  pages: number;
  outputMiB: number;
  log: string;
}

/** A temporary project: the site's code (or the bare floor's), its packages linked, no caches. */
function makeProject(kind: 'full' | 'bare'): string {
  const dir = mkdtempSync(join(tmpdir(), `blog-bench-${kind}-`));
  linkPackages(ROOT, dir);
  if (kind === 'full') {
    for (const entry of ['src', 'public', 'scripts', 'astro.config.ts', 'tsconfig.json', 'package.json']) {
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    }
    return dir;
  }
  // The floor: one route that renders each post's Markdown into a minimal page, nothing else.
  mkdirSync(join(dir, 'src/pages/posts'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { posts: defineCollection({ loader: glob({ base: './content/posts', pattern: '**/*.md' }) }) };\n",
  );
  writeFileSync(
    join(dir, 'src/pages/posts/[slug].astro'),
    '---\nimport { getCollection, render } from \'astro:content\';\nexport async function getStaticPaths() {\n  return (await getCollection(\'posts\')).map((post) => ({ params: { slug: post.id }, props: { post } }));\n}\nconst { post } = Astro.props;\nconst { Content } = await render(post);\n---\n<html lang="en"><head><meta charset="utf-8"><title>{String(post.data.title)}</title></head><body><h1>{String(post.data.title)}</h1><Content /></body></html>\n',
  );
  return dir;
}

function writeContent(project: string, count: number, full: boolean): void {
  const content = join(project, 'content');
  if (full) {
    // The site's own authors, pages, videos and stats, plus the generated posts (not the real ones).
    for (const entry of ['authors', 'pages', 'videos', 'stats'])
      cpSync(join(ROOT, 'content', entry), join(content, entry), { recursive: true });
  }
  const generated = generatePosts(count);
  for (const file of generated.files) {
    if (!full && !file.path.startsWith('posts/')) continue;
    const path = join(content, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, full ? file.text : file.text.replace(/\nhero:\n.*\n.*\n/, '\n'));
  }
  if (full) {
    const hero = join(ROOT, 'content/posts/valentina-mobile-massage-canada-water-review/hero.jpg');
    for (const folder of generated.heroFolders) cpSync(hero, join(content, folder, 'hero.jpg'));
  }
}

/** Runs `astro build` in a project and measures it; peak memory is the kernel's high-water mark. */
function build(project: string): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: project,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    });
    let log = '';
    let peakKiB = 0;
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const poll = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (hwm) peakKiB = Math.max(peakKiB, Number(hwm[1]));
      } catch {
        // The process has just exited.
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`the build in ${project} failed:\n${log.slice(-3000)}`));
      const dist = join(project, 'dist');
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakMiB: peakKiB / 1024,
        pages: readdirSync(dist, { recursive: true }).filter((name) => String(name).endsWith('.html')).length,
        outputMiB: folderSize(dist) / 1024 / 1024,
        log,
      });
    });
  });
}

const results = [];
for (const count of sizes) {
  const full = makeProject('full');
  const bare = makeProject('bare');
  writeContent(full, count, true);
  writeContent(bare, count, false);
  process.stdout.write(`N = ${count}: building the full site... `);
  const fullRun = await build(full);
  process.stdout.write(`${fullRun.seconds.toFixed(1)} s; the bare floor... `);
  const bareRun = await build(bare);
  console.log(`${bareRun.seconds.toFixed(1)} s`);
  // Astro's own phase timings are in the logs; keep them next to the figures.
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, `bench-results/build-full-${count}.log`), fullRun.log.replace(/\x1b\[[0-9;]*m/g, ''));
  writeFileSync(join(ROOT, `bench-results/build-bare-${count}.log`), bareRun.log.replace(/\x1b\[[0-9;]*m/g, ''));
  const search = /search index: (\d+) pages, ([\d.]+) KiB, in (\d+) ms/.exec(fullRun.log);
  results.push({
    posts: count,
    full: {
      seconds: fullRun.seconds,
      msPerPage: (fullRun.seconds * 1000) / fullRun.pages,
      pages: fullRun.pages,
      peakMiB: fullRun.peakMiB,
      outputMiB: fullRun.outputMiB,
    },
    bare: {
      seconds: bareRun.seconds,
      msPerPage: (bareRun.seconds * 1000) / bareRun.pages,
      pages: bareRun.pages,
      peakMiB: bareRun.peakMiB,
      outputMiB: bareRun.outputMiB,
    },
    ratio: { time: fullRun.seconds / bareRun.seconds, memory: fullRun.peakMiB / bareRun.peakMiB },
    search: search ? { pages: Number(search[1]), KiB: Number(search[2]), ms: Number(search[3]) } : null,
  });
  if (!values.keep) for (const dir of [full, bare]) rmSync(dir, { recursive: true, force: true });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const table = [
  '| posts | full: time | ms/page | peak | output | bare: time | ms/page | peak | full/bare time | full/bare memory | search index |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ...results.map(
    (r) =>
      `| ${r.posts} | ${fmt(r.full.seconds)} s | ${fmt(r.full.msPerPage, 2)} (${r.full.pages} pages) | ${fmt(r.full.peakMiB, 0)} MiB | ${fmt(r.full.outputMiB)} MiB | ${fmt(r.bare.seconds)} s | ${fmt(r.bare.msPerPage, 2)} | ${fmt(r.bare.peakMiB, 0)} MiB | ${fmt(r.ratio.time, 2)} | ${fmt(r.ratio.memory, 2)} | ${r.search ? `${r.search.pages} posts, ${fmt(r.search.KiB / 1024, 2)} MiB, ${fmt(r.search.ms / 1000, 2)} s` : 'n/a'} |`,
  ),
].join('\n');
console.log(`\n${table}\n`);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
const stamp = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
writeFileSync(join(ROOT, 'bench-results/latest.json'), `${JSON.stringify({ ...stamp, results }, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench-results/latest.md'), `${table}\n`);
console.log('Written to bench-results/latest.json and bench-results/latest.md');
